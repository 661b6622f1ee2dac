import type { zhCN } from './zh-CN';

/** The shape every catalogue has: the Chinese one, with every leaf a string. */
export type Catalogue = typeof zhCN;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
