/**
 * A timeline event's note as the printed pack words it (appendix F): the service's own notes (a new
 * case's count of findings, the fields an edit changed, money recovered) in the pack's language, the
 * user's words as written. The screen words them from the UI catalogues (ContactLog).
 */
import type { DisputeEventType } from '../../../shared/api/disputes';
import { eventNoteText } from '../../../shared/domain/dispute-event-note';
import type { DisputeFieldKey, EventNoteWords } from '../../../shared/domain/dispute-event-note';
import type { EvidenceLanguage } from '../../../shared/domain/evidence';

const FIELD_NAMES: Record<EvidenceLanguage, Record<DisputeFieldKey, string>> = {
  zh: {
    title: '标题',
    acquirer: '收单机构',
    merchantName: '商户名称',
    merchantNo: '商户编号',
    terminals: '终端编号',
    claimedFen: '申诉金额',
    claimedReason: '金额说明',
    remedy: '请求事项',
    deadline: '答复期限',
  },
  en: {
    title: 'title',
    acquirer: 'acquirer',
    merchantName: 'merchant name',
    merchantNo: 'merchant no.',
    terminals: 'terminal nos.',
    claimedFen: 'amount claimed',
    claimedReason: 'about the amount',
    remedy: 'request',
    deadline: 'reply by',
  },
};

const WORDS: Record<EvidenceLanguage, EventNoteWords> = {
  zh: {
    findings: (n) => `${n} 项差异`,
    field: (k) => FIELD_NAMES.zh[k],
    separator: '、',
    recovered: (amount) => `追回 ${amount}`,
  },
  en: {
    findings: (n) => `${n} finding${n === 1 ? '' : 's'}`,
    field: (k) => FIELD_NAMES.en[k],
    separator: ', ',
    recovered: (amount) => `recovered ${amount}`,
  },
};

export function printedEventNote(
  event: { type: DisputeEventType; note: string | null },
  language: EvidenceLanguage,
): string {
  return eventNoteText(event, WORDS[language]);
}
