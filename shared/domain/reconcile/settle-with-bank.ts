/**
 * Settlement ↔ bank as a run does it, from the rows it was given: the dues of the rows and day sums,
 * the bank lines split into the acquirer's and the other payers', matched by `matchSettlements`.
 * Reconciliation and the evidence pack both call this, so a pack prints what a run matched.
 */
import { addDays, dateOf } from '../local-date';
import type { LocalDate } from '../types';
import { cycleDueDate, isAcquirerLine, matchSettlements, settlementsDue } from './settlement';
import type { Due, SettlementResult } from './settlement';
import type { ReconcileInput, ReconcileOptions, StoredBankLine } from './types';

/** The first transaction day of the rows and summed days, or null when there are none. */
function firstDay(
  txns: ReconcileInput['txns'],
  daySums: NonNullable<ReconcileInput['daySums']>,
): LocalDate | null {
  let first: string | null = null;
  for (const t of txns) if (first === null || t.txnTime < first) first = t.txnTime;
  for (const s of daySums) if (first === null || s.day < first) first = s.day;
  return first === null ? null : dateOf(first);
}

/** The settlement result, and every due it was matched from (zero days included). */
export type SettledWithBank = SettlementResult & { dues: Due[] };

/**
 * Matches the dues of `input`'s rows and day sums against its bank lines. `inScope` (default: every
 * due) picks the dues reported: findings, totals and the by-amount matches are of those only.
 */
export function settleWithBank(
  input: Pick<ReconcileInput, 'txns' | 'daySums' | 'bankLines' | 'posFrom'>,
  opts: ReconcileOptions,
  inScope?: (due: Due) => boolean,
): SettledWithBank {
  const acquirer: StoredBankLine[] = [];
  const others: StoredBankLine[] = [];
  for (const l of input.bankLines) (isAcquirerLine(l, opts) ? acquirer : others).push(l);
  const dates = input.bankLines.map((l) => dateOf(l.txnTime)).sort();
  const coverage = dates.length > 0 ? { from: dates[0] ?? '', to: dates[dates.length - 1] ?? '' } : null;
  const daySums = input.daySums ?? [];
  const posFrom = input.posFrom ?? firstDay(input.txns, daySums);
  const dues = settlementsDue(input.txns, opts, daySums);
  const result = matchSettlements(
    dues,
    acquirer.filter((l) => l.creditFen > 0 || l.debitFen > 0),
    coverage,
    opts,
    {
      ...(inScope ? { inScope } : {}),
      unknownDue: posFrom === null ? null : cycleDueDate(addDays(posFrom, -1), opts),
      others,
    },
  );
  return { ...result, dues };
}
