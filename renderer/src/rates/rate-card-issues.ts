/**
 * The problems `rates:save` found in a card (zod issues with a dotted path, e.g.
 * "versions.0.rules.2.ratePercent"), turned into where they are in the editor and what to do.
 * The service's own message is kept too: it names the exact value that was refused.
 */
import type { AppError } from '../../../shared/result';

export type RateCardIssue = { path: string; message: string };

/** What kind of advice the catalogue gives for an issue (`rates.advice.<kind>`). */
export type IssueAdvice =
  | 'rate'
  | 'money'
  | 'date'
  | 'minAboveMax'
  | 'minAboveCap'
  | 'duplicateRuleIds'
  | 'duplicateVersions'
  | 'required'
  | 'other';

const MONEY_FIELDS = new Set(['amountMin', 'amountMax', 'cap', 'min', 'fixed']);

/** The issues a failed `rates:save` carries, or null when the error is not about the card's content. */
export function rateCardIssues(error: AppError): RateCardIssue[] | null {
  if (error.code !== 'invalid_input') return null;
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return null;
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

export function issueAdvice(issue: RateCardIssue): IssueAdvice {
  const field = issue.path.split('.').at(-1) ?? '';
  if (issue.message.includes('amountMin is above amountMax')) return 'minAboveMax';
  if (issue.message.includes('min is above cap')) return 'minAboveCap';
  if (issue.message.includes('rule ids must be unique')) return 'duplicateRuleIds';
  if (issue.message.includes('same day')) return 'duplicateVersions';
  if (field === 'ratePercent') return 'rate';
  if (MONEY_FIELDS.has(field)) return 'money';
  if (field === 'effectiveFrom') return 'date';
  if (field === 'name' || field === 'id') return 'required';
  return 'other';
}

/** Where an issue is: the version and rule (1-based, as the editor numbers them) and the field. */
export type IssuePlace = { version: number | null; rule: number | null; field: string | null };

export function issuePlace(path: string): IssuePlace {
  const parts = path === '' ? [] : path.split('.');
  let version: number | null = null;
  let rule: number | null = null;
  let field: string | null = null;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = Number(parts[i + 1]);
    if (part === 'versions' && Number.isInteger(next)) {
      version = next + 1;
      i += 1;
    } else if (part === 'rules' && Number.isInteger(next)) {
      rule = next + 1;
      i += 1;
    } else field = part;
  }
  return { version, rule, field };
}

/** The issues reported at exactly `path` (an input's own path, e.g. "versions.0.rules.1.cap"). */
export function issuesAt(issues: readonly RateCardIssue[], path: string): RateCardIssue[] {
  return issues.filter((i) => i.path === path);
}
