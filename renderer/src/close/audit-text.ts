import type { TFunction } from 'i18next';
import type { Language } from '../i18n/catalogue';
import { formatCount, formatFen } from '../format/number';
import { fen } from '../../../shared/fen';
import { formatMonth, isMonthText } from '../format/month';
import { closeZhCN } from '../i18n/areas/close.zh-CN';

/**
 * One line of the audit log in the reader's words. The book stores each action as a key
 * ("import.committed") and its facts as JSON ({ batchId, fileName, sha256, kind, added… }); shown as
 * stored, the Chinese screen read "rates.saved" and "batchId: 2; fileName: …; sha256: …; kind: bank".
 * Each known action says what a bookkeeper checks (which file, how many rows, which month, which case);
 * an action this build does not know keeps its stored form.
 */
export type AuditLine = { action: string; details: string };

type KnownAction = keyof typeof closeZhCN.actions;
type Details = Record<string, unknown>;

const isKnown = (key: string): key is KnownAction =>
  Object.prototype.hasOwnProperty.call(closeZhCN.actions, key);

const str = (d: Details, key: string): string => {
  const v = d[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};
const num = (d: Details, key: string): number => {
  const v = d[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};
const count = (d: Details, key: string): string => formatCount(num(d, key));
const money = (d: Details, key: string): string => formatFen(fen(Math.trunc(num(d, key))));
const list = (d: Details, key: string): unknown[] => {
  const v = d[key];
  return Array.isArray(v) ? (v as unknown[]) : [];
};

function storedForm(d: Details): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

function detailsOf(t: TFunction, language: Language, action: KnownAction, d: Details): string {
  const joined = (parts: string[]) => parts.filter((p) => p !== '').join(' · ');
  const caseNo = t('close.auditText.disputeCase', { id: str(d, 'id') });
  const month = str(d, 'month');
  const monthText = isMonthText(month) ? formatMonth(month, language) : month;
  switch (action) {
    case 'book_created':
      return t('close.auditText.version', { version: str(d, 'version') });
    case 'import_committed': {
      const kind = str(d, 'kind');
      return t('close.auditText.imported', {
        file: str(d, 'fileName'),
        kind: kind === 'pos' || kind === 'bank' ? t(`import.kinds.${kind}`) : kind,
        added: count(d, 'added'),
        duplicate: count(d, 'duplicate'),
        skipped: count(d, 'skipped'),
      });
    }
    case 'import_undone':
      return t('close.auditText.undone', { removed: count(d, 'removed') });
    case 'reconcile_run':
      return t('close.auditText.reconciled', {
        from: str(d, 'from'),
        to: str(d, 'to'),
        count: num(d, 'findings'),
      });
    case 'findings_triaged': {
      const state = str(d, 'state');
      const reason = str(d, 'reason');
      return joined([
        t('close.auditText.triaged', {
          count: formatCount(list(d, 'ids').length),
          state: state === '' ? '' : t(`reconcile.states.${state as 'open'}`),
        }),
        reason === '' ? '' : t('close.auditText.reason', { reason }),
      ]);
    }
    case 'rates_saved':
      return t('close.auditText.rateCard', { name: str(d, 'name'), count: num(d, 'versions') });
    case 'rates_deleted':
      return t('close.auditText.rateCardId', { id: str(d, 'id') });
    case 'period_closed': {
      const days = list(d, 'noTradeDays').filter((x): x is string => typeof x === 'string');
      return joined([
        monthText,
        days.length === 0 ? '' : t('close.auditText.noTradeDays', { days: days.join(', ') }),
      ]);
    }
    case 'period_reopened':
      return joined([monthText, t('close.auditText.reason', { reason: str(d, 'reason') })]);
    case 'dispute_created':
      return joined([
        caseNo,
        t('close.auditText.disputeCreated', {
          count: list(d, 'findingIds').length,
          amount: money(d, 'claimedFen'),
        }),
      ]);
    case 'dispute_edited':
      return joined([
        caseNo,
        list(d, 'fields')
          .map((f) => t(`disputes.fieldNames.${String(f) as 'title'}`))
          .join(t('common.listSeparator')),
      ]);
    case 'dispute_status': {
      const to = str(d, 'to');
      return joined([
        caseNo,
        `${t(`disputes.statuses.${str(d, 'from') as 'draft'}`)} → ${t(`disputes.statuses.${to as 'draft'}`)}`,
        to === 'resolved' ? t('close.auditText.recovered', { amount: money(d, 'recoveredFen') }) : '',
      ]);
    }
    case 'dispute_contact': {
      const channel = str(d, 'channel');
      return joined([
        caseNo,
        channel === '' ? '' : t(`disputes.channels.${channel as 'hotline'}`),
        str(d, 'ticketNo'),
      ]);
    }
    case 'dispute_document':
      return joined([caseNo, str(d, 'name')]);
  }
}

export function auditLine(t: TFunction, language: Language, action: string, details: Details): AuditLine {
  const key = action.replace('.', '_');
  if (!isKnown(key)) return { action, details: storedForm(details) };
  return { action: t(`close.actions.${key}`), details: detailsOf(t, language, key, details) };
}
