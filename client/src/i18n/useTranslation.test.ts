import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { nb } from './nb.js';
import { nn } from './nn.js';
import { rememberingPlainLabels } from './useTranslation.js';

type Translate = Parameters<typeof rememberingPlainLabels>[0];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

async function translators() {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { nb: { translation: nb }, nn: { translation: nn } },
    lng: 'nb',
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  return { i18n, fixed: (language: 'nb' | 'nn') => i18n.getFixedT(language) as unknown as Translate };
}

describe('rememberingPlainLabels', () => {
  it('answers every key, asked twice, in both written forms, as i18next does from scratch', async () => {
    const { i18n, fixed } = await translators();
    for (const language of ['nb', 'nn'] as const) {
      const t = rememberingPlainLabels(fixed(language)) as unknown as (key: string) => string;
      for (const key of keys(nb)) {
        const fresh = i18n.t(key, { lng: language });
        expect(t(key), key).toBe(fresh);
        expect(t(key), key).toBe(fresh);
      }
    }
  });

  it('keeps one language per translator: a translator for nynorsk never answers from bokmål it remembered', async () => {
    const { fixed } = await translators();
    const bokmål = rememberingPlainLabels(fixed('nb')) as unknown as (key: string) => string;
    const nynorsk = rememberingPlainLabels(fixed('nn')) as unknown as (key: string) => string;
    const differing = keys(nb).filter((key) => bokmål(key) !== nynorsk(key));
    // The check would pass on two equal dictionaries; most labels differ between the forms.
    expect(differing.length).toBeGreaterThan(50);
    for (const key of differing) expect(nynorsk(key)).not.toBe(bokmål(key));
  });

  it('sends calls with values to i18next every time', async () => {
    const { i18n, fixed } = await translators();
    const t = rememberingPlainLabels(fixed('nb')) as unknown as (key: string, values?: object) => string;
    const raw = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], nb);
    const key = keys(nb).find((k) => String(raw(k)).includes('{{title}}')) ?? '';
    expect(i18n.exists(key)).toBe(true);
    expect(t(key, { title: 'Én' })).toContain('Én');
    expect(t(key, { title: 'To' })).toContain('To');
  });
});
