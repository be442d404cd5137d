import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@fellesplan/domain';
import { nb } from './nb.js';
import { nn } from './nn.js';

const STORAGE_KEY = 'fellesplan.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'nn' ? 'nn' : 'nb';
  } catch {
    return 'nb';
  }
}

/** The one i18n layer of the client: every UI string goes through `t`. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn } },
  lng: storedLanguage(),
  fallbackLng: 'nb',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return i18n.language === 'nn' ? 'nn' : 'nb';
}

/** Switches the written form and remembers it for next time. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this page only.
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}
