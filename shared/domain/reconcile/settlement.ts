/**
 * Settlement ↔ bank: what the acquirer owed on each day (sum of the rows' 结算金额 by settlement
 * date) against the acquirer's credits in the bank statement. Matching goes from the most certain to
 * the least: exact one-to-one near the due date, exact many-to-one (a weekend or holiday paid as one
 * credit), exact in parts (one date's credits together paying a due or a run of dues), then pairing
 * what is left by date (a mismatch), and finally what is still alone.
 */
import { addFen, sumFen, type Fen } from '../../money';
import { addDays, dateOf, daysBetween } from '../local-date';
import type { LocalDate } from '../types';
import { cmp } from '../text-order';
import { lineAmount, type Due } from './settlement-dues';
import { mismatchFinding, missingFinding, unmatchedCreditFinding } from './settlement-findings';
import type { Finding, ReconcileOptions, StoredBankLine } from './types';

export {
  cycleDueDate,
  isAcquirerLine,
  lineAmount,
  settlementAmount,
  settlementDate,
  settlementReach,
  settlementsDue,
  type Due,
} from './settlement-dues';

/**
 * Dues and the acquirer lines that paid them: one line, or several of one date paid in parts.
 * `beforeDataFen`: what the lines paid beyond the dues for days before the POS data (see matchSettlements).
 */
export type SettlementMatch = { dues: Due[]; credits: StoredBankLine[]; beforeDataFen?: Fen };

/** At most this many credits of one date are combined when looking for a due paid in parts. */
const MAX_PARTS = 10;

export type SettlementResult = {
  findings: Finding[];
  matched: SettlementMatch[];
  dueFen: Fen;
  receivedFen: Fen;
  /** Dues whose window runs past the end of the bank statement: not yet judged. */
  pending: Due[];
  /** Bank lines taken as settlements (an acquirer debit collecting a refund day is not a deduction). */
  matchedLineIds: Set<number>;
  /** Matches whose credits come from a payer not named as the acquirer (step 2c), in scope. */
  byAmountOnly: SettlementMatch[];
  /** Dues paired with credits that do not equal them (step 3): each a settlement_mismatch when in scope. */
  mismatched: SettlementMatch[];
};

/**
 * Matches dues to acquirer lines (credits, and debits that collect a negative day). `bankCoverage`
 * is the span the statement covers: a due whose window ends after it is pending, not missing, and a credit before the first due belongs to rows
 * not given (last month), so neither is reported. All dues take part in matching (so a neighbouring
 * month's credit is not mistaken for this one's); only those `inScope` are reported and summed.
 * `unknownDue` is the due date of the last day before the POS data (null: no data): a credit on or
 * before it may pay those days, and a due on or before it may share its credit with them, so a credit
 * there that pays more than the dues paired with it is theirs too, not an overpayment.
 */
export function matchSettlements(
  allDues: readonly Due[],
  credits: readonly StoredBankLine[],
  bankCoverage: { from: LocalDate; to: LocalDate } | null,
  opts: Pick<ReconcileOptions, 'matchWindowDays' | 'maxDaysPerCredit'>,
  scope: {
    inScope?: (due: Due) => boolean;
    unknownDue?: LocalDate | null;
    /** Credits from payers not named as the acquirer: taken only where they pay a due to the fen. */
    others?: readonly StoredBankLine[];
  } = {},
): SettlementResult {
  const inScope = scope.inScope ?? (() => true);
  const unknownDue = scope.unknownDue ?? null;
  const w = opts.matchWindowDays;
  // A day that nets to zero owes nothing. A negative day (refunds over sales) is either netted into a
  // neighbouring credit (found by the many-to-one step) or collected by an acquirer debit (one-to-one).
  const dues = allDues.filter((d) => d.amountFen !== 0);
  const open = new Set(dues);
  const earliest = new Map(dues.map((d) => [d, earliestPayDate(d)]));
  const free = new Set([...credits].sort((a, b) => cmp(a.txnTime, b.txnTime) || a.id - b.id));
  const matched: SettlementMatch[] = [];
  const cDate = (c: StoredBankLine) => dateOf(c.txnTime);

  matchExact(free, open, earliest, opts, matched);
  // 2b. Exact in parts: some acquirers pay a day as several credits on one date (card and QR apart,
  // or terminal by terminal). One date's free credits that together equal an open due, or a run of
  // open dues, are taken, the most credits first.
  for (const [date, parts] of creditsByDate(free)) {
    for (const subset of subsetsLargestFirst(parts.slice(0, MAX_PARTS))) {
      if (subset.some((c) => !free.has(c))) continue;
      const total = sumFen(subset.map(lineAmount));
      const cands = [...open].filter(
        (d) => date >= (earliest.get(d) ?? d.date) && daysBetween(d.date, date) <= w + opts.maxDaysPerCredit,
      );
      const one = cands.find((d) => d.amountFen === total && daysBetween(d.date, date) <= w);
      const dues = one ? [one] : findRun(cands, total, date, opts.maxDaysPerCredit, w);
      if (!dues) continue;
      matched.push({ dues, credits: subset });
      for (const d of dues) open.delete(d);
      for (const c of subset) free.delete(c);
    }
  }
  // 2c. A credit from a payer not named as the acquirer that pays an open due, or a run of them, to the
  // fen in the window is that settlement: a statement without a counterparty column, or the acquirer
  // under a name the settings lack. Counted in the summary, so the user can add the name.
  const others = new Set(
    [...(scope.others ?? [])]
      .filter((c) => lineAmount(c) > 0)
      .sort((a, b) => cmp(a.txnTime, b.txnTime) || a.id - b.id),
  );
  const byAmountOnly: SettlementMatch[] = [];
  if (open.size > 0 && others.size > 0) matchExact(others, open, earliest, opts, byAmountOnly);
  matched.push(...byAmountOnly);
  // 3. Pair what is left by date: the same day first, then the nearest later date in the window. The
  // credits left on a date count together (a day paid in parts, one part short, is one mismatch), and
  // so do its dues: the trading days the cycle lumps on one date are one due again.
  const left = byDate([...open]);
  open.clear();
  for (const d of left) open.add(d);
  const creditsOn = creditsByDate(free);
  const creditDates = [...creditsOn.keys()].sort(cmp);
  const pairs = new Map<LocalDate, Due[]>();
  for (const sameDayOnly of [true, false]) {
    for (const due of [...open]) {
      if (due.amountFen < 0) continue;
      const date = creditDates.find((d) => {
        const lag = daysBetween(due.date, d);
        return sameDayOnly ? lag === 0 : lag >= 0 && lag <= w;
      });
      if (date === undefined) continue;
      pairs.set(date, [...(pairs.get(date) ?? []), due]);
      open.delete(due);
    }
  }
  const paired: SettlementMatch[] = [];
  for (const [date, ds] of pairs) {
    const credits = creditsOn.get(date) ?? [];
    for (const c of credits) free.delete(c);
    const over = sumFen(credits.map(lineAmount)) - sumFen(ds.map((d) => d.amountFen));
    if (unknownDue !== null && over > 0 && ds.every((d) => d.date <= unknownDue)) {
      matched.push({ dues: ds, credits, beforeDataFen: over as Fen });
    } else paired.push({ dues: ds, credits });
  }
  const findings: Finding[] = [];
  for (const m of paired) if (m.dues.some(inScope)) findings.push(mismatchFinding(m.dues, m.credits));
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
    if (unknownDue !== null && d <= unknownDue) continue; // may pay the days before the data
    if (
      firstDue !== undefined &&
      lastDue !== undefined &&
      d >= addDays(firstDue, -1) &&
      d <= addDays(lastDue, w)
    ) {
      findings.push(unmatchedCreditFinding(c));
    }
  }
  const everyMatch: SettlementMatch[] = [...matched, ...paired];
  return {
    findings,
    matched,
    dueFen: sumFen(scoped.map((d) => d.amountFen)),
    receivedFen: sumFen(
      everyMatch
        .filter((m) => m.dues.some(inScope))
        .flatMap((m) => [...m.credits.map(lineAmount), (0 - (m.beforeDataFen ?? 0)) as Fen]),
    ),
    matchedLineIds: new Set(everyMatch.flatMap((m) => m.credits.map((c) => c.id))),
    byAmountOnly: byAmountOnly.filter((m) => m.dues.some(inScope)),
    mismatched: paired,
    pending,
  };
}

/**
 * The earliest date a credit can pay `due` by an exact amount: a day before its date, or, for a trading
 * day the cycle dates, the day after it: the calendar may put a Friday's due on Monday that the acquirer
 * paid on a 调休 Saturday, or on a holiday the built-in calendar does not know of yet.
 */
function earliestPayDate(due: Due): LocalDate {
  const dayBefore = addDays(due.date, -1);
  if (due.day === null) return dayBefore;
  const next = addDays(due.day, 1);
  return next < dayBefore ? next : dayBefore;
}

/**
 * Steps 1 and 2 of matchSettlements over the credits of `free`: exact one-to-one, nearest date first
 * (from earliestPayDate to w days late), then exact many-to-one: consecutive open dues of one merchant
 * paid as one credit. Takes what it matches out of `free` and `open`.
 */
function matchExact(
  free: Set<StoredBankLine>,
  open: Set<Due>,
  earliest: ReadonlyMap<Due, LocalDate>,
  opts: Pick<ReconcileOptions, 'matchWindowDays' | 'maxDaysPerCredit'>,
  matched: SettlementMatch[],
): void {
  const w = opts.matchWindowDays;
  const cDate = (c: StoredBankLine) => dateOf(c.txnTime);
  // Exact one-to-one, nearest date first (from earliestPayDate to w days late). Only lines of the due's
  // amount are looked at, so a year (hundreds of dues and credits) is not a product of the two.
  const byAmount = new Map<number, StoredBankLine[]>();
  for (const c of free) {
    const list = byAmount.get(lineAmount(c));
    if (list) list.push(c);
    else byAmount.set(lineAmount(c), [c]);
  }
  for (const due of [...open]) {
    let best: StoredBankLine | null = null;
    let bestLag = 0;
    const from = earliest.get(due) ?? due.date;
    for (const c of byAmount.get(due.amountFen) ?? []) {
      if (!free.has(c)) continue;
      const lag = daysBetween(due.date, cDate(c));
      if (cDate(c) < from || lag > w) continue;
      if (best === null || Math.abs(lag) < Math.abs(bestLag)) {
        best = c;
        bestLag = lag;
      }
    }
    if (best) {
      matched.push({ dues: [due], credits: [best] });
      open.delete(due);
      free.delete(best);
    }
  }
  // Exact many-to-one: consecutive open dues (same merchant) paid as one credit.
  for (const c of [...free]) {
    const cands = [...open].filter(
      (d) =>
        cDate(c) >= (earliest.get(d) ?? d.date) && daysBetween(d.date, cDate(c)) <= w + opts.maxDaysPerCredit,
    );
    const run = findRun(cands, lineAmount(c), cDate(c), opts.maxDaysPerCredit, w);
    if (run) {
      matched.push({ dues: run, credits: [c] });
      for (const d of run) open.delete(d);
      free.delete(c);
    }
  }
}

/** Dues of one merchant and one date joined into one (the trading days the cycle lumps together). */
function byDate(dues: readonly Due[]): Due[] {
  const out = new Map<string, Due>();
  for (const d of dues) {
    const key = `${d.date}\u0000${d.merchantNo ?? ''}`;
    const seen = out.get(key);
    if (!seen) out.set(key, { ...d, txnIds: [...d.txnIds] });
    else {
      seen.amountFen = addFen(seen.amountFen, d.amountFen);
      for (const id of d.txnIds) seen.txnIds.push(id);
      seen.day = seen.day === d.day ? seen.day : null;
    }
  }
  return [...out.values()];
}

/** The lines that bring money in, by date, in the order given. */
function creditsByDate(lines: Iterable<StoredBankLine>): Map<LocalDate, StoredBankLine[]> {
  const out = new Map<LocalDate, StoredBankLine[]>();
  for (const c of lines) {
    if (lineAmount(c) <= 0) continue;
    const date = dateOf(c.txnTime);
    const list = out.get(date);
    if (list) list.push(c);
    else out.set(date, [c]);
  }
  return out;
}

/**
 * The subsets of `items` with two or more members, the largest first (the whole set first): a day paid
 * in parts is most likely paid by all of that date's credits.
 */
function subsetsLargestFirst<T>(items: readonly T[]): T[][] {
  const masks: number[] = [];
  for (let m = 1; m < 1 << items.length; m++) masks.push(m);
  const size = (m: number) => {
    let n = 0;
    for (let x = m; x !== 0; x &= x - 1) n += 1;
    return n;
  };
  return masks
    .filter((m) => size(m) >= 2)
    .sort((a, b) => size(b) - size(a) || a - b)
    .map((m) => items.filter((_, i) => (m & (1 << i)) !== 0));
}

/** A run of consecutive open dues of one merchant, ending no later than the credit, summing to it. */
function findRun(
  cands: readonly Due[],
  amount: number,
  creditDate: LocalDate,
  maxLen: number,
  w: number,
): Due[] | null {
  const byMerchant = new Map<string, Due[]>();
  for (const d of cands)
    byMerchant.set(d.merchantNo ?? '', [...(byMerchant.get(d.merchantNo ?? '') ?? []), d]);
  for (const list of byMerchant.values()) {
    for (let end = list.length - 1; end >= 1; end--) {
      const last = list[end];
      if (!last || daysBetween(last.date, creditDate) > w) continue;
      let total = 0;
      for (let start = end; start >= 0 && end - start < maxLen; start--) {
        total += list[start]?.amountFen ?? 0;
        if (start < end && total === amount) return list.slice(start, end + 1);
      }
    }
  }
  return null;
}
