import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { mr } from './mr';
import { hi } from './hi';
import type { Language } from '../../../shared/types/settings';
import { showSidesIn } from '../lib/format';

export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'mr', label: 'मराठी' },
  { code: 'hi', label: 'हिन्दी' },
];

export const LANGUAGE_STORAGE_KEY = 'tallyconnect.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'mr' || value === 'hi';
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : 'en';
  } catch {
    return 'en';
  }
}

/** A fresh i18next instance (one per app / test) with all three languages bundled. */
export function createI18n(language: Language = storedLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, mr: { translation: mr }, hi: { translation: hi } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  showSidesIn(language);
  instance.on('languageChanged', (next) => {
    if (isLanguage(next)) showSidesIn(next);
  });
  return instance;
}

export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this visit only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
