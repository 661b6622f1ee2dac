/**
 * What the acquirer owes and when: each POS row's settlement amount and due date, summed per day, and
 * which bank lines come from the acquirer.
 */
import { addFen, subFen, ZERO_FEN, type Fen } from '../../money';
import { addDays, dateOf } from '../local-date';
import type { LocalDate } from '../types';
import { cmp } from '../text-order';
import type { DaySettlement, ReconcileOptions, SettlementBasis, StoredBankLine, StoredPosTxn } from './types';

/**
 * The amount a row adds to its day's settlement, in fen (signed: a void or refund takes money back).
 * Net: the 结算金额 column, else amount − fee. Gross: the amount itself, whatever the column says, as
 * the fees are collected apart; a failed sale moves nothing.
 */
export function settlementAmount(t: StoredPosTxn, basis: SettlementBasis = 'net'): Fen {
  if (basis === 'gross') {
    if (t.status === 'failed') return ZERO_FEN;
    return t.txnType === 'sale' ? t.amountFen : ((0 - t.amountFen) as Fen);
  }
  if (t.settleFen !== null) return t.settleFen;
  const fee = t.feeFen ?? 0;
  if (t.status === 'failed') return (0 - fee) as Fen;
  if (t.txnType === 'sale') return subFen(t.amountFen, fee as Fen);
  return (0 - t.amountFen - fee) as Fen;
}

/** The day a row's settlement is due in the bank: its settlement-date column, else the cycle. */
export function settlementDate(
  t: StoredPosTxn,
  opts: Pick<ReconcileOptions, 'settlementCycle' | 'isWorkingDay'>,
): LocalDate {
  return t.settleDate ?? cycleDueDate(dateOf(t.txnTime), opts);
}

/** The day the cycle pays the rows of `day` (a row without a settlement-date column). */
export function cycleDueDate(
  day: LocalDate,
  opts: Pick<ReconcileOptions, 'settlementCycle' | 'isWorkingDay'>,
): LocalDate {
  if (opts.settlementCycle === 'D0') return day;
  if (opts.settlementCycle === 'D+1') return addDays(day, 1);
  let d = addDays(day, 1);
  // T+1: the next working day; the calendar (with 调休 make-up days) comes from the caller.
  for (let i = 0; i < 60 && !opts.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/**
 * How far back settlement matching can reach, for bank lines read from `bankFrom` on: a due dated
 * before `settledFrom` (more than `matchWindowDays + maxDaysPerCredit` days before the first line) can
 * match none of them, so it changes nothing. Rows dated before `allFrom` (searched from `earliest`)
 * are paid by the cycle before `settledFrom`; of those, only rows whose settlement-date column is on
 * or after `settledFrom` take part in matching.
 */
export function settlementReach(
  bankFrom: LocalDate,
  earliest: LocalDate,
  opts: Pick<ReconcileOptions, 'settlementCycle' | 'isWorkingDay' | 'matchWindowDays' | 'maxDaysPerCredit'>,
): { settledFrom: LocalDate; allFrom: LocalDate } {
  const settledFrom = addDays(bankFrom, -(opts.matchWindowDays + opts.maxDaysPerCredit));
  // The first day the cycle pays on or after settledFrom: every earlier day is paid before it (a pay
  // day is never before its day, so settledFrom itself qualifies).
  let allFrom = earliest;
  while (allFrom < settledFrom && cycleDueDate(allFrom, opts) < settledFrom) allFrom = addDays(allFrom, 1);
  return { settledFrom, allFrom };
}

/**
 * What one merchant is owed on one date. `day`: the trading day of a due the cycle dates (one due per
 * trading day, so a credit that pays only some of the days lumped on one date still matches them);
 * null for rows whose settlement-date column gives the date.
 */
export type Due = {
  date: LocalDate;
  merchantNo: string | null;
  amountFen: Fen;
  txnIds: number[];
  day: LocalDate | null;
};

/**
 * Sums the rows' settlement amounts per (settlement date, merchant number), and of the rows the cycle
 * dates, per trading day too: the working-day calendar may not be the acquirer's (a year the built-in
 * calendar does not know yet, a 调休 Saturday the acquirer pays on), so Friday's and the weekend's rows,
 * lumped on Monday by the calendar, stay apart and match whatever days the bank did pay. `daySums` stand for all the
 * rows of their days: rows of those days also given in `txns` (as fee-check context) are not counted
 * again. A day's sums join the dues where its rows would have, `txns` being in time order.
 */
export function settlementsDue(
  txns: readonly StoredPosTxn[],
  opts: Pick<ReconcileOptions, 'settlementCycle' | 'isWorkingDay'> &
    Partial<Pick<ReconcileOptions, 'settlementBasis'>>,
  daySums: readonly DaySettlement[] = [],
): Due[] {
  const basis = opts.settlementBasis ?? 'net';
  // By date, then trading day and merchant: no key text per row (see the run below).
  const m = new Map<LocalDate, Map<string, Due>>();
  const byDay = new Map<string, LocalDate>(); // the cycle depends on the day only: compute it once per day
  const dueOf = (date: LocalDate, merchantNo: string | null, day: LocalDate | null): Due => {
    let ofDay = m.get(date);
    if (!ofDay) m.set(date, (ofDay = new Map<string, Due>()));
    // No merchant number and an empty one are one merchant.
    const key = `${day ?? ''}\u0000${merchantNo ?? ''}`;
    let due = ofDay.get(key);
    if (!due) ofDay.set(key, (due = { date, merchantNo, amountFen: ZERO_FEN, txnIds: [], day }));
    return due;
  };
  const sums = [...daySums].sort((a, b) => cmp(a.day, b.day));
  const summedDays = new Set(sums.map((s) => s.day));
  let next = 0; // the first day sum not yet added
  const addSumsUntil = (time: string): void => {
    // A day's sum goes before the rows of later days (a day sorts before its own times).
    for (let s = sums[next]; s !== undefined && s.day < time; s = sums[++next]) {
      const due = dueOf(cycleDueDate(s.day, opts), s.merchantNo, s.day);
      due.amountFen = addFen(due.amountFen, s.amountFen);
      for (const id of s.txnIds) due.txnIds.push(id);
    }
  };
  // Rows come in time order, so a row is mostly of the same day and merchant as the one before: then
  // it joins the same due without a day's text or a map lookup.
  let lastDay = '';
  let lastMerchant: string | null = null;
  let lastDue: Due | null = null;
  for (const t of txns) {
    if (
      lastDue !== null &&
      t.settleDate === null &&
      t.merchantNo === lastMerchant &&
      t.txnTime.startsWith(lastDay)
    ) {
      lastDue.amountFen = addFen(lastDue.amountFen, settlementAmount(t, basis));
      lastDue.txnIds.push(t.id);
      continue;
    }
    if (next < sums.length) addSumsUntil(t.txnTime);
    let date = t.settleDate;
    let tradingDay: LocalDate | null = null;
    if (date === null) {
      tradingDay = dateOf(t.txnTime);
      if (summedDays.has(tradingDay)) {
        lastDue = null;
        continue;
      }
      date = byDay.get(tradingDay) ?? settlementDate(t, opts);
      byDay.set(tradingDay, date);
    }
    const due = dueOf(date, t.merchantNo, tradingDay);
    due.amountFen = addFen(due.amountFen, settlementAmount(t, basis));
    due.txnIds.push(t.id);
    // Only a row paid by the cycle, with a whole date, starts a run the next rows may join.
    lastDay = dateOf(t.txnTime);
    lastDue = t.settleDate === null && lastDay.length === 10 ? due : null;
    lastMerchant = t.merchantNo;
  }
  addSumsUntil('\uffff');
  return [...m.values()]
    .flatMap((ofDay) => [...ofDay.values()])
    .sort(
      (a, b) =>
        cmp(a.date, b.date) || cmp(a.merchantNo ?? '', b.merchantNo ?? '') || cmp(a.day ?? '', b.day ?? ''),
    );
}

export function isAcquirerLine(
  line: StoredBankLine,
  opts: Pick<ReconcileOptions, 'acquirerCounterparties' | 'acquirerSummaryKeywords'>,
): boolean {
  // Keywords count in the counterparty too: banks shorten or extend the acquirer's name
  // (拉卡拉支付有限公司, 拉卡拉支付股份有限公司客户备付金), and Latin letters in any case (LAKALA).
  const cp = (line.counterparty ?? '').toLowerCase();
  const sm = (line.summary ?? '').toLowerCase();
  return (
    opts.acquirerCounterparties.some((k) => k !== '' && cp.includes(k.toLowerCase())) ||
    opts.acquirerSummaryKeywords.some((k) => {
      const word = k.toLowerCase();
      return word !== '' && (sm.includes(word) || cp.includes(word));
    })
  );
}

/** A bank line's signed amount, in fen: money in positive, money out negative. */
export function lineAmount(l: StoredBankLine): Fen {
  return subFen(l.creditFen, l.debitFen);
}
