/**
 * What settlement matching found for some due dates, date by date as a statement is read: the money
 * due on them and the bank lines that paid it. A credit is held against all the dues it paid, so when
 * it pays dues of several dates (a Friday due on a 调休 Saturday paid on Monday with the weekend, a
 * short credit paired with two days) those dates are one entry: its figures then add up without
 * sharing a credit out between dates, which no bank line says.
 */
import { addFen, subFen, sumFen, ZERO_FEN, type Fen } from '../../money';
import type { LocalDate } from '../types';
import { cmp } from '../text-order';
import { lineAmount, type Due } from './settlement-dues';
import type { SettlementMatch } from './settlement';
import type { SettledWithBank } from './settle-with-bank';
import type { StoredBankLine } from './types';

export type SettlementDay = {
  /** The due dates held together, in order: one, or several that one credit or one mismatch spans. */
  dueDates: LocalDate[];
  /** All the money due on those dates, every merchant, in fen. */
  expectedFen: Fen;
  /** What the lines paid toward those dues, in fen: their amounts less `beforeDataFen`. */
  receivedFen: Fen;
  /** What the lines paid beyond those dues for trading days before the POS data, in fen. */
  beforeDataFen: Fen;
  /** The lines that paid those dues, in time order; `byAmountOnly`: from a payer not named as the acquirer. */
  lines: { line: StoredBankLine; byAmountOnly: boolean }[];
  /** Some of those dues are not judged yet: the bank statement ends inside their matching window. */
  pending: boolean;
};

/**
 * The entries for `dates` from a settlement result: each date with the dates its matches join it to.
 * A due no credit paid shows as due and not received; a mismatch with what its credits brought.
 */
export function settlementDays(settled: SettledWithBank, dates: readonly LocalDate[]): SettlementDay[] {
  const groups = [...settled.matched, ...settled.mismatched];
  const byDate = new Map<LocalDate, SettlementMatch[]>();
  for (const g of groups)
    for (const d of new Set(g.dues.map((x) => x.date))) byDate.set(d, [...(byDate.get(d) ?? []), g]);
  const byAmount = new Set(settled.byAmountOnly.flatMap((m) => m.credits.map((c) => c.id)));
  const seen = new Set<LocalDate>();
  const out: SettlementDay[] = [];
  for (const start of [...new Set(dates)].sort(cmp)) {
    if (seen.has(start)) continue;
    // The dates reachable from `start` through matches that span dates.
    const joined = new Set<LocalDate>([start]);
    const held = new Set<SettlementMatch>();
    for (const todo = [start]; todo.length > 0;) {
      for (const g of byDate.get(todo.pop() ?? '') ?? []) {
        if (held.has(g)) continue;
        held.add(g);
        for (const d of g.dues.map((x) => x.date))
          if (!joined.has(d)) {
            joined.add(d);
            todo.push(d);
          }
      }
    }
    for (const d of joined) seen.add(d);
    const lines = [...held]
      .flatMap((g) => g.credits)
      .sort((a, b) => cmp(a.txnTime, b.txnTime) || a.id - b.id);
    const beforeDataFen = sumFen([...held].map((g) => g.beforeDataFen ?? ZERO_FEN));
    out.push({
      dueDates: [...joined].sort(cmp),
      expectedFen: dueSum(settled.dues, joined),
      receivedFen: subFen(sumFen(lines.map(lineAmount)), beforeDataFen),
      beforeDataFen,
      lines: lines.map((line) => ({ line, byAmountOnly: byAmount.has(line.id) })),
      pending: settled.pending.some((d) => joined.has(d.date)),
    });
  }
  return out.sort((a, b) => cmp(a.dueDates[0] ?? '', b.dueDates[0] ?? ''));
}

function dueSum(dues: readonly Due[], dates: ReadonlySet<LocalDate>): Fen {
  let total = ZERO_FEN;
  for (const d of dues) if (dates.has(d.date)) total = addFen(total, d.amountFen);
  return total;
}
