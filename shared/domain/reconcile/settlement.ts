/**
 * Settlement ↔ bank: what the acquirer owed on each day (sum of the rows' 结算金额 by settlement
 * date) against the acquirer's credits in the bank statement. Matching goes from the most certain to
 * the least: exact one-to-one near the due date, exact many-to-one (a weekend or holiday paid as one
 * credit), then pairing what is left by date (a mismatch), and finally what is still alone.
 */
import { sumFen, type Fen } from '../../money';
import { addDays, dateOf, daysBetween } from '../local-date';
import type { LocalDate } from '../types';
import { cmp } from '../text-order';
import { lineAmount, type Due } from './settlement-dues';
import { mismatchFinding, missingFinding, unmatchedCreditFinding } from './settlement-findings';
import type { Finding, ReconcileOptions, StoredBankLine } from './types';

export {
  isAcquirerLine,
  lineAmount,
  settlementAmount,
  settlementDate,
  settlementReach,
  settlementsDue,
  type Due,
} from './settlement-dues';

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

/**
 * Matches dues to acquirer lines (credits, and debits that collect a negative day). `bankCoverage`
 * is the span the statement covers: a due whose window ends after it is pending, not missing, and a credit before the first due belongs to rows
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

  // 1. Exact one-to-one, nearest date first (1 day early to w days late). Only lines of the due's
  // amount are looked at, so a year (hundreds of dues and credits) is not a product of the two.
  const byAmount = new Map<number, StoredBankLine[]>();
  for (const c of free) {
    const list = byAmount.get(lineAmount(c));
    if (list) list.push(c);
    else byAmount.set(lineAmount(c), [c]);
  }
  for (const due of dues) {
    let best: StoredBankLine | null = null;
    let bestLag = 0;
    for (const c of byAmount.get(due.amountFen) ?? []) {
      if (!free.has(c)) continue;
      const lag = daysBetween(due.date, cDate(c));
      if (lag < -1 || lag > w) continue;
      if (best === null || Math.abs(lag) < Math.abs(bestLag)) {
        best = c;
        bestLag = lag;
      }
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
