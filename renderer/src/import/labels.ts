import { FIELD_LABELS } from '../../../shared/import/fields';
import type { ImportIssue } from '../../../shared/import/raw';
import type { Language } from '../i18n/catalogue';

/** A mapping field's name as the user reads it ("参考号" / "reference no."), from shared/import/fields. */
export function fieldLabel(field: string, language: Language): string {
  const label = (FIELD_LABELS as Record<string, { zh: string; en: string } | undefined>)[field];
  if (label === undefined) return field;
  return language === 'en' ? label.en : label.zh;
}

/**
 * An import problem in the user's language. shared/import/issues.ts builds both texts from one
 * template (the CLI prints them too), so the renderer does not keep a second copy.
 */
export function issueText(issue: ImportIssue, language: Language): string {
  return language === 'en' ? (issue.messageEn ?? issue.message) : issue.message;
}
