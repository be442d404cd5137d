import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation as useI18nextTranslation } from 'react-i18next';

type Translate = ReturnType<typeof useI18nextTranslation>['t'];

const TranslatorContext = createContext<Translate | null>(null);

/**
 * `t` for every component from one subscription at the root. react-i18next's own hook, called in
 * each of the hundreds of components of a 60-section plan page, copies the i18n instance for each
 * one as it mounts and resolves every label anew: about a tenth of the page's first render.
 */
export function TranslationProvider({ children }: { children: ReactNode }) {
  // A new `t` each time the language changes: the wrapper, its cache and every consumer follow.
  const { t } = useI18nextTranslation();
  const cached = useMemo(() => rememberingPlainLabels(t), [t]);
  return <TranslatorContext.Provider value={cached}>{children}</TranslatorContext.Provider>;
}

/** The app's `t`, in the language chosen; use it, not react-i18next's hook. */
export function useTranslation(): { t: Translate } {
  const t = useContext(TranslatorContext);
  if (!t) throw new Error('useTranslation needs a TranslationProvider above it');
  return { t };
}

/**
 * `t`, with the answers to calls by key alone remembered: those depend on the key and on the
 * language of this `t` only. Calls with values, counts or options go to i18next every time.
 */
export function rememberingPlainLabels(t: Translate): Translate {
  // i18next's TFunction is a web of overloads over the typed keys; this wrapper passes every call
  // through unchanged, so it is seen as plain functions here and cast back to the same type.
  const call = t as unknown as (...args: unknown[]) => unknown;
  const labels = new Map<string, string>();
  const translate = (...args: unknown[]): unknown => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return call(...args);
    let label = labels.get(key);
    if (label === undefined) {
      label = String(call(key));
      labels.set(key, label);
    }
    return label;
  };
  return translate as unknown as Translate;
}
