import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../shared/import/raw';
import { isReadRefusalReason } from '../../../shared/import/refusals';
import { columnLetter } from '../../../shared/import/text';
import type { AppError } from '../../../shared/result';
import { formatCount } from '../format/number';
import type { Language } from '../i18n/catalogue';
import { issueText } from '../import/labels';
import { transportProblemOf } from './transport';

/**
 * The message a bookkeeper reads for an error: specific and in their language, from the catalogue
 * (every code of shared/result.ts has one); never the English developer message or a stack trace.
 * A refused file says which file and why (and where, when the reason has a place), a file with bad
 * rows quotes its first problem; anything else gets the code's general message.
 */
export function describeError(t: TFunction, error: AppError, language: Language): string {
  switch (transportProblemOf(error)) {
    case 'unreachable':
      return t('errors.transport_unreachable');
    case 'unauthorized':
      return t('errors.transport_unauthorized');
    case 'bad_reply':
      return t('errors.transport_bad_reply');
    case 'upload_failed': {
      const name = error.details?.['name'];
      return t('errors.upload_failed', { name: typeof name === 'string' ? name : '' });
    }
    case 'unsupported_here':
      return t('errors.unsupported_here');
    case null:
      return specific(t, error, language) ?? t(`errors.${error.code}`);
  }
}

const FILE_CODES: ReadonlySet<string> = new Set(['file_unreadable', 'file_unsupported', 'file_too_large']);

function specific(t: TFunction, error: AppError, language: Language): string | null {
  const d = error.details ?? {};
  const file = d['file'];
  if (typeof file !== 'string') return null;
  if (FILE_CODES.has(error.code) && isReadRefusalReason(d['reason'])) {
    const column = d['column'];
    return complete(t, `errors.read.${d['reason']}`, {
      file,
      ...text(d, 'sheet'),
      ...text(d, 'row'),
      ...text(d, 'limit'),
      ...text(d, 'detected'),
      ...(typeof column === 'number' ? { column: columnLetter(column) } : {}),
    });
  }
  const issues = importIssuesOf(error) ?? [];
  const first = issues[0];
  if (error.code === 'import_invalid' && first !== undefined) {
    const n = d['issueCount'];
    return complete(t, 'errors.invalidRows', {
      file,
      n: formatCount(typeof n === 'number' ? n : issues.length),
      first: issueText(first, language),
    });
  }
  return null;
}

/**
 * `key` with `params`, or null when the message needs a placeholder the error does not carry.
 * The keys are built from data (a reason word), so this calls `t` through a plain signature: checking
 * a union of catalogue keys against i18next's typed options is too deep for the compiler. The
 * catalogue's type still guarantees every reason has a message (areas/refusals.*.ts).
 */
function complete(t: TFunction, key: string, params: Record<string, string>): string | null {
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  let missing = false;
  const out = translate(key, {
    ...params,
    missingInterpolationHandler: () => {
      missing = true;
      return '';
    },
  });
  return missing ? null : out;
}

function text(details: Record<string, unknown>, key: string): Record<string, string> {
  const v = details[key];
  if (typeof v === 'string' && v !== '') return { [key]: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { [key]: formatCount(v) };
  return {};
}

/** The located problems an `import_invalid` error carries (details.issues), or null. */
export function importIssuesOf(error: AppError): ImportIssue[] | null {
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return null;
  const isIssue = (i: unknown): i is ImportIssue =>
    typeof i === 'object' &&
    i !== null &&
    typeof (i as ImportIssue).message === 'string' &&
    typeof (i as ImportIssue).sheet === 'string' &&
    typeof (i as ImportIssue).row === 'number';
  return issues.every(isIssue) ? issues : null;
}
