import i18next from 'i18next';
import { nb } from './nb.js';
import { nn } from './nn.js';

/**
 * For unit tests of code that takes `t`: the app's own messages in one written form, without
 * the browser-bound setup of `i18n/index.ts` (storage, `<html lang>`).
 */
export async function testTranslator(
  language: 'nb' | 'nn',
): Promise<(key: string, values?: Record<string, unknown>) => string> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { nb: { translation: nb }, nn: { translation: nn } },
    lng: language,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  return (key, values) => i18n.t(key, values);
}
