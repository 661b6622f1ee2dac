import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage } from './catalogue';
import type { Language } from './catalogue';
import { switchLanguage } from './i18n';

/** The current UI language and a setter that also remembers the choice. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language = isLanguage(current) ? current : DEFAULT_LANGUAGE;
  const setLanguage = useCallback((next: Language) => switchLanguage(i18n, next), [i18n]);
  return { language, setLanguage };
}
