/**
 * The month summary, 余额调节表-style: turnover, fees charged against expected, settlements due
 * against received, and what is left unmatched on each side.
 */
import { fen, sumFen, type Fen } from '../../money';
import { chargedFee, type FeeCheck } from './fee-check';
import type { SettlementResult } from './settlement';
import type { Finding, FindingKind, StoredPosTxn } from './types';
import type { LocalDate } from '../types';

export type ReconcileSummary = {
  period: { from: LocalDate; to: LocalDate } | null;
  txnCount: number;
  saleCount: number;
  failedCount: number;
  voidCount: number;
  refundCount: number;
  /** Successful sales, in fen. */
  grossSalesFen: Fen;
  /** Successful voids and refunds, in fen (positive). */
  voidedFen: Fen;
  refundedFen: Fen;
  /** gross − voided − refunded, in fen. */
  turnoverFen: Fen;
  /** Fees the rows charged (negative = returned), over the rows with a known fee, in fen. */
  feesChargedFen: Fen;
  /** Expected fees over the rows that could be checked, in fen; feeDeltaFen = charged − expected there. */
  feesExpectedFen: Fen;
  feeDeltaFen: Fen;
  /** Rows no rule or fee column allowed to check. */
  uncheckedTxnCount: number;
  settlementsDueFen: Fen;
  settlementsReceivedFen: Fen;
  /** Settlements the bank statement does not yet reach (not judged). */
  pendingDue: { count: number; fen: Fen };
  unmatchedDue: { count: number; fen: Fen };
  unmatchedCredits: { count: number; fen: Fen };
  /**
   * Credits taken as settlements by their amount alone: their payer is not among the acquirer names and
   * keywords of the settings (add it there to be sure). Absent in runs stored before it was counted.
   */
  settledByAmountOnly?: { count: number; fen: Fen };
  /**
   * Under T+1: years of the period (and the days after it) whose official holiday schedule the built-in
   * calendar does not have, so their due dates were reckoned Monday to Friday. Set by the app, not the engine.
   */
  calendarUnknownYears?: number[];
  deductions: { count: number; fen: Fen };
  findingCount: number;
  /** Sum of deltaFen over findings that cost the merchant money, in fen. */
  lossFen: Fen;
  byKind: Partial<Record<FindingKind, { count: number; deltaFen: Fen }>>;
};

/**
 * The fees charged on the rows that have no check (voided sales), given those of the rows the checks do
 * not pair in order (`unpaired`): the checks are made in the rows' order, so the one walk over the rows
 * pairs them (a year is 100,000 rows: no set of ids). Checks in any other order are matched by id.
 */
function uncheckedCharges(
  txns: readonly StoredPosTxn[],
  checks: readonly FeeCheck[],
  paired: number,
  unpaired: number,
): number {
  if (paired === checks.length) return unpaired;
  const checkedIds = new Set(checks.map((c) => c.txn.id));
  let sum = 0;
  for (const t of txns) if (!checkedIds.has(t.id)) sum += chargedFee(t) ?? 0;
  return sum;
}

export function summarise(
  period: { from: LocalDate; to: LocalDate } | null,
  txns: readonly StoredPosTxn[],
  checks: readonly FeeCheck[],
  settlement: SettlementResult,
  findings: readonly Finding[],
): ReconcileSummary {
  // One pass over the rows: a year is 100,000 of them.
  let grossSales = 0;
  let voided = 0;
  let refunded = 0;
  let charged = 0;
  let saleCount = 0;
  let failedCount = 0;
  let voidCount = 0;
  let refundCount = 0;
  let paired = 0; // checks met in the rows' order
  let unpaired = 0; // the fees charged on the rows between them
  for (const t of txns) {
    if (t.txnType === 'sale') saleCount++;
    if (t.txnType === 'void') voidCount++;
    if (t.txnType === 'refund') refundCount++;
    if (t.status === 'failed') failedCount++;
    else if (t.txnType === 'sale') grossSales += t.amountFen;
    else if (t.txnType === 'void') voided += t.amountFen;
    else if (t.txnType === 'refund') refunded += t.amountFen;
    const fee = chargedFee(t) ?? 0;
    charged += fee;
    if (paired < checks.length && checks[paired]?.txn === t) paired++;
    else unpaired += fee;
  }
  let expected = 0;
  let delta = 0;
  let unchecked = 0;
  for (const c of checks) {
    if (c.deltaFen === null || c.expectedFen === null) {
      unchecked++;
      continue;
    }
    expected += c.expectedFen;
    delta += c.deltaFen;
  }
  // A voided sale is checked on its void (expected back = its fee), so the pair nets to zero.
  expected += uncheckedCharges(txns, checks, paired, unpaired);
  const grossSalesFen = fen(grossSales);
  const voidedFen = fen(voided);
  const refundedFen = fen(refunded);
  const of = (kind: FindingKind) => findings.filter((f) => f.kind === kind);
  const byKind: ReconcileSummary['byKind'] = {};
  for (const f of findings) {
    const k = byKind[f.kind] ?? { count: 0, deltaFen: 0 as Fen };
    byKind[f.kind] = { count: k.count + 1, deltaFen: sumFen([k.deltaFen, f.deltaFen]) };
  }
  return {
    period,
    txnCount: txns.length,
    saleCount,
    failedCount,
    voidCount,
    refundCount,
    grossSalesFen,
    voidedFen,
    refundedFen,
    turnoverFen: sumFen([grossSalesFen, (0 - voidedFen) as Fen, (0 - refundedFen) as Fen]),
    feesChargedFen: fen(charged),
    feesExpectedFen: fen(expected),
    feeDeltaFen: fen(delta),
    uncheckedTxnCount: unchecked,
    settlementsDueFen: settlement.dueFen,
    settlementsReceivedFen: settlement.receivedFen,
    pendingDue: { count: settlement.pending.length, fen: sumFen(settlement.pending.map((d) => d.amountFen)) },
    unmatchedDue: {
      count: of('settlement_missing').length,
      fen: sumFen(of('settlement_missing').map((f) => f.deltaFen)),
    },
    unmatchedCredits: {
      count: of('unmatched_acquirer_credit').length,
      fen: sumFen(of('unmatched_acquirer_credit').map((f) => f.actualFen ?? (0 as Fen))),
    },
    settledByAmountOnly: {
      count: settlement.byAmountOnly.reduce((n, m) => n + m.credits.length, 0),
      fen: sumFen(settlement.byAmountOnly.flatMap((m) => m.credits.map((c) => c.creditFen))),
    },
    deductions: {
      count: of('unexpected_deduction').length,
      fen: sumFen(of('unexpected_deduction').map((f) => f.deltaFen)),
    },
    findingCount: findings.length,
    lossFen: sumFen(findings.filter((f) => f.deltaFen > 0).map((f) => f.deltaFen)),
    byKind,
  };
}
