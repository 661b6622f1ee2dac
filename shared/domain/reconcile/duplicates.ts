/**
 * Duplicates: two successful charges of the same amount on the same card and terminal within a few
 * minutes. Often a cashier retrying after a timeout; only a hint (severity info), never an accusation.
 */
import { formatFen, ZERO_FEN } from '../../money';
import { dateOf, minuteOf } from '../local-date';
import { severityOf, txnKey } from './finding';
import type { Finding, StoredPosTxn } from './types';
import { cmp } from '../text-order';

export function findDuplicates(
  txns: readonly StoredPosTxn[],
  voided: ReadonlySet<number>,
  windowMinutes: number,
): Finding[] {
  // Grouped by card number first (a string each row already has); the few sales of one card are then
  // ordered by terminal, amount and time, so the charges that could be one retried sale are
  // neighbours: no key text is made for each of a year's sales.
  const byCard = new Map<string, StoredPosTxn[]>();
  for (const t of txns) {
    if (t.txnType !== 'sale' || t.status !== 'success' || !namesOnePayer(t.cardNo) || voided.has(t.id))
      continue;
    const list = byCard.get(t.cardNo);
    if (list) list.push(t);
    else byCard.set(t.cardNo, [t]);
  }
  const out: Finding[] = [];
  for (const sales of byCard.values()) {
    if (sales.length < 2) continue;
    sales.sort(
      (a, b) =>
        cmp(a.terminalId ?? '', b.terminalId ?? '') ||
        a.amountFen - b.amountFen ||
        cmp(a.txnTime, b.txnTime) ||
        a.id - b.id,
    );
    for (let i = 1; i < sales.length; i++) {
      const prev = sales[i - 1];
      const t = sales[i];
      if (!prev || !t || (prev.terminalId ?? '') !== (t.terminalId ?? '') || prev.amountFen !== t.amountFen)
        continue;
      const minutes = minuteOf(t.txnTime) - minuteOf(prev.txnTime);
      if (minutes > windowMinutes) continue;
      out.push(duplicateFinding(prev, t, minutes));
    }
  }
  return out;
}

/**
 * A card number names one payer only when it carries digits (a masked 622848******1234 does). Some
 * exports fill the column of QR payments with a word (微信, 支付宝, 无): every customer would share it.
 */
function namesOnePayer(cardNo: string | null): cardNo is string {
  return cardNo !== null && /\d{4}/.test(cardNo);
}

function duplicateFinding(prev: StoredPosTxn, t: StoredPosTxn, minutes: number): Finding {
  const apart = Math.round(minutes * 10) / 10;
  return {
    kind: 'duplicate_suspect',
    severity: severityOf('duplicate_suspect', ZERO_FEN),
    fingerprint: `duplicate_suspect:${txnKey(prev)},${txnKey(t)}`,
    txnIds: [prev.id, t.id],
    refNos: [prev.refNo, t.refNo].flatMap((r) => (r === null ? [] : [r])),
    bankLineIds: [],
    expectedFen: null,
    actualFen: t.amountFen,
    deltaFen: ZERO_FEN,
    date: dateOf(prev.txnTime),
    channel: t.channel,
    terminalId: t.terminalId,
    merchantNo: t.merchantNo,
    zh: `同一张卡 ${t.cardNo ?? ''} 在终端 ${t.terminalId ?? ''} 上相隔 ${apart} 分钟两次消费 ${formatFen(t.amountFen)}（${prev.txnTime.slice(11)}、${t.txnTime.slice(11)}），请确认是否重复收款`,
    en: `Card ${t.cardNo ?? ''} paid ${formatFen(t.amountFen)} twice on terminal ${t.terminalId ?? ''}, ${apart} minutes apart (${prev.txnTime.slice(11)}, ${t.txnTime.slice(11)}): please check it was not charged twice`,
    details: { minutesApart: apart },
  };
}
