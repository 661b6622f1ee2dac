/**
 * Row identity, so that importing a file twice (or two overlapping exports) adds each row once.
 *
 * A fingerprint is the canonical text of the identifying values: a JSON array, exact and readable,
 * with no hash and therefore no collisions (a 32-bit hash would collide within 100k rows; the book
 * can index the text as it is).
 *
 * - POS with a 参考号: ["pos1", merchantNo, terminalId, refNo, txnType]. The 12-digit reference number
 *   is the acquirer's own key; txnType is in it because a void (撤销) may carry its sale's reference.
 * - POS whose 参考号 the book already holds for another transaction (another day or amount: a terminal's
 *   numbers wrap around, or each month's export restarts them): ["pos1r", merchantNo, terminalId,
 *   refNo, txnType, txnDate, amountFen] (posReusedFingerprint; see the batch writer). The day, not the
 *   time, so two exports that print the time differently still agree.
 * - POS without one: ["pos1n", merchantNo, terminalId, txnTime, amountFen, cardNo, traceNo, batchNo,
 *   txnType, n]. Time to the second, amount, card, trace and batch together single out a transaction;
 *   n is the occurrence count (below) so two genuinely identical rows are both kept.
 * - Bank line: ["bank1", txnTime, "C"|"D", amountFen, balanceFen, counterparty, summary, n]. Bank lines
 *   have no id. n counts the earlier lines of the same file with the same values: two identical
 *   ¥10.00 transfers at the same minute are #1 and #2, and importing the file again gives #1 and #2
 *   again, so nothing is added. An overlapping export repeats whole days, so its counts agree too.
 * Free text is compared in NFKC with runs of spaces collapsed, so a re-export's padding does not matter.
 */
import type { BankLine, PosTxn } from '../domain/types';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function text(v: string | null): string {
  if (v === null) return '';
  // NFKC is the costly step and changes nothing in plain ASCII (reference and card numbers).
  return (PRINTABLE_ASCII.test(v) ? v : v.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

/** The key of a POS transaction that has a 参考号, or null when it has none (use posFallbackBase). */
export function posFingerprint(t: PosTxn): string | null {
  if (t.refNo === null) return null;
  return JSON.stringify(['pos1', text(t.merchantNo), text(t.terminalId), text(t.refNo), t.txnType]);
}

/** The key of a POS transaction whose 参考号 another transaction in the book already has (see above). */
export function posReusedFingerprint(t: PosTxn): string {
  return JSON.stringify([
    'pos1r',
    text(t.merchantNo),
    text(t.terminalId),
    text(t.refNo),
    t.txnType,
    t.txnTime.slice(0, 10),
    t.amountFen,
  ]);
}

/** The values of a POS transaction without 参考号, before the occurrence count. */
export function posFallbackBase(t: PosTxn): string {
  return JSON.stringify([
    'pos1n',
    text(t.merchantNo),
    text(t.terminalId),
    t.txnTime,
    t.amountFen,
    text(t.cardNo),
    text(t.traceNo),
    text(t.batchNo),
    t.txnType,
  ]);
}

/** The values of a bank line, before the occurrence count. */
export function bankBase(l: BankLine): string {
  const credit = l.creditFen > 0;
  return JSON.stringify([
    'bank1',
    l.txnTime,
    credit ? 'C' : 'D',
    credit ? l.creditFen : l.debitFen,
    l.balanceFen,
    text(l.counterparty),
    text(l.summary),
  ]);
}

/** Appends the occurrence number to a base key: `["bank1",…]` → `["bank1",…,2]`. */
export function withOccurrence(base: string, n: number): string {
  return `${base.slice(0, -1)},${n}]`;
}

/** Counts occurrences of base keys within one file (one counter per import). */
export function createOccurrenceCounter(): (base: string) => number {
  const seen = new Map<string, number>();
  return (base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n;
  };
}
