import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage } from './catalogue';
import type { Language } from './catalogue';
import { en } from './en';
import { zhCN } from './zh-CN';

const STORAGE_KEY = 'feetrail.language';

/** The language chosen last time on this computer, or Chinese. */
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (private windows, strict settings): fall back, do not fail the start.
    return DEFAULT_LANGUAGE;
  }
}

/**
 * One i18next instance per app start (no global singleton): both catalogues are bundled, so
 * initialisation is synchronous and the first paint is already in the right language.
 */
export function createI18n(language: Language = readStoredLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (lng: string) => {
    document.documentElement.lang = lng;
  });
  return instance;
}

/** Switches the UI language and remembers it on this computer. */
export async function switchLanguage(instance: I18n, language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this session.
  }
  await instance.changeLanguage(language);
}
