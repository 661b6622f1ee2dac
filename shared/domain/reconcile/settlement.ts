/**
 * Settlement ↔ bank: what the acquirer owed on each day (sum of the rows' 结算金额 by settlement
 * date) against the acquirer's credits in the bank statement. Matching goes from the most certain to
 * the least: exact one-to-one near the due date, exact many-to-one (a weekend or holiday paid as one
 * credit), then pairing what is left by date (a mismatch), and finally what is still alone.
 */
import { formatFen, subFen, sumFen, type Fen } from '../../money';
import { addDays, dateOf, daysBetween } from '../local-date';
import type { LocalDate } from '../types';
import { severityOf } from './finding';
import type { Finding, ReconcileOptions, StoredBankLine, StoredPosTxn } from './types';
import { cmp } from '../text-order';

/** The amount a row adds to its day's settlement, in fen (signed: a void or refund takes money back). */
export function settlementAmount(t: StoredPosTxn): Fen {
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
  if (t.settleDate !== null) return t.settleDate;
  const day = dateOf(t.txnTime);
  if (opts.settlementCycle === 'D0') return day;
  if (opts.settlementCycle === 'D+1') return addDays(day, 1);
  let d = addDays(day, 1);
  // T+1: the next working day; the calendar (with 调休 make-up days) comes from the caller.
  for (let i = 0; i < 60 && !opts.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

export type Due = { date: LocalDate; merchantNo: string | null; amountFen: Fen; txnIds: number[] };

/** Sums the rows' settlement amounts per (settlement date, merchant number). */
export function settlementsDue(
  txns: readonly StoredPosTxn[],
  opts: Pick<ReconcileOptions, 'settlementCycle' | 'isWorkingDay'>,
): Due[] {
  const m = new Map<string, Due>();
  const byDay = new Map<string, LocalDate>(); // the cycle depends on the day only: compute it once per day
  for (const t of txns) {
    let date = t.settleDate;
    if (date === null) {
      const day = dateOf(t.txnTime);
      date = byDay.get(day) ?? settlementDate(t, opts);
      byDay.set(day, date);
    }
    const k = `${date}|${t.merchantNo ?? ''}`;
    const due = m.get(k) ?? { date, merchantNo: t.merchantNo, amountFen: 0 as Fen, txnIds: [] };
    due.amountFen = sumFen([due.amountFen, settlementAmount(t)]);
    due.txnIds.push(t.id);
    m.set(k, due);
  }
  return [...m.values()].sort((a, b) => cmp(a.date, b.date) || cmp(a.merchantNo ?? '', b.merchantNo ?? ''));
}

export function isAcquirerLine(
  line: StoredBankLine,
  opts: Pick<ReconcileOptions, 'acquirerCounterparties' | 'acquirerSummaryKeywords'>,
): boolean {
  const cp = line.counterparty ?? '';
  const sm = line.summary ?? '';
  return (
    opts.acquirerCounterparties.some((k) => k !== '' && cp.includes(k)) ||
    opts.acquirerSummaryKeywords.some((k) => k !== '' && sm.includes(k))
  );
}

export type SettlementMatch = { dues: Due[]; credit: StoredBankLine };

export type SettlementResult = {
  findings: Finding[];
  matched: SettlementMatch[];
  dueFen: Fen;
  receivedFen: Fen;
  /** Dues whose window runs past the end of the bank statement: not yet judged. */
  pending: Due[];
  /** Bank lines taken as settlements (an acquirer debit collecting a refund day is not a deduction). */
  matchedLineIds: Set<number>;
};

/** A bank line's signed amount, in fen: money in positive, money out negative. */
export function lineAmount(l: StoredBankLine): Fen {
  return subFen(l.creditFen, l.debitFen);
}

/**
 * Matches dues to acquirer lines (credits, and debits that collect a negative day). `bankCoverage` is the span the statement covers: a due whose
 * window ends after it is pending, not missing, and a credit before the first due belongs to rows
 * not given (last month), so neither is reported. All dues take part in matching (so a neighbouring
 * month's credit is not mistaken for this one's); only those `inScope` are reported and summed.
 */
export function matchSettlements(
  allDues: readonly Due[],
  credits: readonly StoredBankLine[],
  bankCoverage: { from: LocalDate; to: LocalDate } | null,
  opts: Pick<ReconcileOptions, 'matchWindowDays' | 'maxDaysPerCredit'>,
  inScope: (due: Due) => boolean = () => true,
): SettlementResult {
  const w = opts.matchWindowDays;
  // A day that nets to zero owes nothing. A negative day (refunds over sales) is either netted into a
  // neighbouring credit (found by the many-to-one step) or collected by an acquirer debit (one-to-one).
  const dues = allDues.filter((d) => d.amountFen !== 0);
  const open = new Set(dues);
  const free = new Set([...credits].sort((a, b) => cmp(a.txnTime, b.txnTime) || a.id - b.id));
  const matched: SettlementMatch[] = [];
  const cDate = (c: StoredBankLine) => dateOf(c.txnTime);

  // 1. Exact one-to-one, nearest date first (1 day early to w days late).
  for (const due of dues) {
    let best: StoredBankLine | null = null;
    for (const c of free) {
      const lag = daysBetween(due.date, cDate(c));
      if (lineAmount(c) !== due.amountFen || lag < -1 || lag > w) continue;
      if (best === null || Math.abs(lag) < Math.abs(daysBetween(due.date, cDate(best)))) best = c;
    }
    if (best) {
      matched.push({ dues: [due], credit: best });
      open.delete(due);
      free.delete(best);
    }
  }
  // 2. Exact many-to-one: consecutive open dues (same merchant) paid as one credit.
  for (const c of [...free]) {
    const cands = [...open].filter((d) => {
      const lag = daysBetween(d.date, cDate(c));
      return lag >= -1 && lag <= w + opts.maxDaysPerCredit;
    });
    const run = findRun(cands, c, opts.maxDaysPerCredit, w);
    if (run) {
      matched.push({ dues: run, credit: c });
      for (const d of run) open.delete(d);
      free.delete(c);
    }
  }
  // 3. Pair what is left by date: the same day first, then the nearest later credit in the window.
  const pairs = new Map<StoredBankLine, Due[]>();
  for (const sameDayOnly of [true, false]) {
    for (const due of [...open]) {
      if (due.amountFen < 0) continue;
      const pool = [...free, ...pairs.keys()]
        .filter((x) => lineAmount(x) > 0)
        .sort((a, b) => cmp(a.txnTime, b.txnTime) || a.id - b.id);
      const c = pool.find((x) => {
        const lag = daysBetween(due.date, cDate(x));
        return sameDayOnly ? lag === 0 : lag >= 0 && lag <= w;
      });
      if (!c) continue;
      pairs.set(c, [...(pairs.get(c) ?? []), due]);
      free.delete(c);
      open.delete(due);
    }
  }
  const findings: Finding[] = [];
  for (const [credit, ds] of pairs) if (ds.some(inScope)) findings.push(mismatchFinding(ds, credit));
  const pending: Due[] = [];
  for (const due of [...open].filter(inScope)) {
    if (due.amountFen < 0) continue; // money owed to the acquirer: not the merchant's loss
    const judged =
      bankCoverage !== null && due.date >= bankCoverage.from && addDays(due.date, w) <= bankCoverage.to;
    if (judged) findings.push(missingFinding(due));
    else pending.push(due);
  }
  const scoped = dues.filter(inScope);
  const firstDue = scoped[0]?.date;
  const lastDue = scoped[scoped.length - 1]?.date;
  for (const c of free) {
    if (lineAmount(c) <= 0) continue; // unmatched debits are the deduction scan's business
    const d = cDate(c);
    if (
      firstDue !== undefined &&
      lastDue !== undefined &&
      d >= addDays(firstDue, -1) &&
      d <= addDays(lastDue, w)
    ) {
      findings.push(unmatchedCreditFinding(c));
    }
  }
  const allMatched = [...matched, ...[...pairs].map(([credit, ds]) => ({ dues: ds, credit }))].filter((m) =>
    m.dues.some(inScope),
  );
  return {
    findings,
    matched,
    dueFen: sumFen(scoped.map((d) => d.amountFen)),
    receivedFen: sumFen(allMatched.map((m) => lineAmount(m.credit))),
    matchedLineIds: new Set(
      [...matched, ...[...pairs].map(([credit, ds]) => ({ dues: ds, credit }))].map((m) => m.credit.id),
    ),
    pending,
  };
}

/** A run of consecutive open dues of one merchant, ending no later than the credit, summing to it. */
function findRun(cands: readonly Due[], c: StoredBankLine, maxLen: number, w: number): Due[] | null {
  const byMerchant = new Map<string, Due[]>();
  for (const d of cands)
    byMerchant.set(d.merchantNo ?? '', [...(byMerchant.get(d.merchantNo ?? '') ?? []), d]);
  for (const list of byMerchant.values()) {
    for (let end = list.length - 1; end >= 1; end--) {
      const last = list[end];
      if (!last || daysBetween(last.date, dateOf(c.txnTime)) > w) continue;
      let total = 0;
      for (let start = end; start >= 0 && end - start < maxLen; start--) {
        total += list[start]?.amountFen ?? 0;
        if (start < end && total === lineAmount(c)) return list.slice(start, end + 1);
      }
    }
  }
  return null;
}

function mismatchFinding(unordered: readonly Due[], credit: StoredBankLine): Finding {
  // Dated by the last settlement day in the credit: the day all of it should have been in the bank.
  const ds = [...unordered].sort((a, b) => cmp(a.date, b.date));
  const expectedFen = sumFen(ds.map((d) => d.amountFen));
  const actualFen = lineAmount(credit);
  const deltaFen = subFen(expectedFen, actualFen);
  const dueDates = ds.map((d) => d.date);
  const date = dueDates[dueDates.length - 1] ?? dateOf(credit.txnTime);
  const days = dueDates.join('、');
  const diffZh =
    deltaFen > 0 ? `少到账 ${formatFen(deltaFen)}` : `多到账 ${formatFen((0 - deltaFen) as Fen)}`;
  const diffEn =
    deltaFen > 0 ? `${formatFen(deltaFen)} short` : `${formatFen((0 - deltaFen) as Fen)} too much`;
  return {
    kind: 'settlement_mismatch',
    severity: severityOf('settlement_mismatch', deltaFen),
    fingerprint: `settlement_mismatch:${ds[0]?.merchantNo ?? ''}/${dueDates.join(',')}`,
    txnIds: [],
    refNos: [],
    bankLineIds: [credit.id],
    expectedFen,
    actualFen,
    deltaFen,
    date,
    channel: null,
    terminalId: null,
    merchantNo: ds[0]?.merchantNo ?? null,
    zh: `${days} 应到账结算款 ${formatFen(expectedFen)}，${dateOf(credit.txnTime)} 银行实收 ${formatFen(actualFen)}，${diffZh}`,
    en: `Settlement due ${dueDates.join(', ')}: ${formatFen(expectedFen)}; the bank received ${formatFen(actualFen)} on ${dateOf(credit.txnTime)}, ${diffEn}`,
    details: {
      dueDates,
      dueTxnIds: ds.flatMap((d) => d.txnIds),
      creditDate: dateOf(credit.txnTime),
      summary: credit.summary,
    },
  };
}

function missingFinding(due: Due): Finding {
  return {
    kind: 'settlement_missing',
    severity: severityOf('settlement_missing', due.amountFen),
    fingerprint: `settlement_missing:${due.merchantNo ?? ''}/${due.date}`,
    txnIds: [],
    refNos: [],
    bankLineIds: [],
    expectedFen: due.amountFen,
    actualFen: 0 as Fen,
    deltaFen: due.amountFen,
    date: due.date,
    channel: null,
    terminalId: null,
    merchantNo: due.merchantNo,
    zh: `${due.date} 应到账结算款 ${formatFen(due.amountFen)}（${due.txnIds.length} 笔交易），银行流水中未找到对应入账`,
    en: `Settlement of ${formatFen(due.amountFen)} (${due.txnIds.length} transactions) due on ${due.date} never reached the bank`,
    details: { dueDates: [due.date], dueTxnIds: due.txnIds },
  };
}

function unmatchedCreditFinding(c: StoredBankLine): Finding {
  const date = dateOf(c.txnTime);
  const deltaFen = (0 - c.creditFen) as Fen;
  return {
    kind: 'unmatched_acquirer_credit',
    severity: severityOf('unmatched_acquirer_credit', deltaFen),
    fingerprint: `unmatched_acquirer_credit:${c.txnTime}/${c.creditFen}/${c.summary ?? ''}`,
    txnIds: [],
    refNos: [],
    bankLineIds: [c.id],
    expectedFen: 0 as Fen,
    actualFen: c.creditFen,
    deltaFen,
    date,
    channel: null,
    terminalId: null,
    merchantNo: null,
    zh: `${date} 收单机构入账 ${formatFen(c.creditFen)}（${c.summary ?? '无摘要'}）与任何结算日都对不上`,
    en: `Acquirer credit of ${formatFen(c.creditFen)} on ${date} (${c.summary ?? 'no summary'}) matches no settlement`,
    details: { summary: c.summary, creditDate: date },
  };
}
