/**
 * The month summary, 余额调节表-style: turnover, fees charged against expected, settlements due
 * against received, and what is left unmatched on each side.
 */
import { sumFen, type Fen } from '../../money';
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
  deductions: { count: number; fen: Fen };
  findingCount: number;
  /** Sum of deltaFen over findings that cost the merchant money, in fen. */
  lossFen: Fen;
  byKind: Partial<Record<FindingKind, { count: number; deltaFen: Fen }>>;
};

export function summarise(
  period: { from: LocalDate; to: LocalDate } | null,
  txns: readonly StoredPosTxn[],
  checks: readonly FeeCheck[],
  settlement: SettlementResult,
  findings: readonly Finding[],
): ReconcileSummary {
  const ok = txns.filter((t) => t.status === 'success');
  const amounts = (type: StoredPosTxn['txnType']) =>
    sumFen(ok.filter((t) => t.txnType === type).map((t) => t.amountFen));
  const grossSalesFen = amounts('sale');
  const voidedFen = amounts('void');
  const refundedFen = amounts('refund');
  const checked = checks.filter((c) => c.deltaFen !== null);
  const checkedIds = new Set(checks.map((c) => c.txn.id));
  const voidedCharged = txns.filter((t) => !checkedIds.has(t.id)).flatMap((t) => chargedFee(t) ?? []);
  const of = (kind: FindingKind) => findings.filter((f) => f.kind === kind);
  const byKind: ReconcileSummary['byKind'] = {};
  for (const f of findings) {
    const k = byKind[f.kind] ?? { count: 0, deltaFen: 0 as Fen };
    byKind[f.kind] = { count: k.count + 1, deltaFen: sumFen([k.deltaFen, f.deltaFen]) };
  }
  return {
    period,
    txnCount: txns.length,
    saleCount: txns.filter((t) => t.txnType === 'sale').length,
    failedCount: txns.filter((t) => t.status === 'failed').length,
    voidCount: txns.filter((t) => t.txnType === 'void').length,
    refundCount: txns.filter((t) => t.txnType === 'refund').length,
    grossSalesFen,
    voidedFen,
    refundedFen,
    turnoverFen: sumFen([grossSalesFen, (0 - voidedFen) as Fen, (0 - refundedFen) as Fen]),
    feesChargedFen: sumFen(txns.flatMap((t) => chargedFee(t) ?? [])),
    // A voided sale is checked on its void (expected back = its fee), so the pair nets to zero.
    feesExpectedFen: sumFen([...checked.flatMap((c) => c.expected.expectedFen ?? []), ...voidedCharged]),
    feeDeltaFen: sumFen(checked.flatMap((c) => c.deltaFen ?? [])),
    uncheckedTxnCount: checks.length - checked.length,
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
    deductions: {
      count: of('unexpected_deduction').length,
      fen: sumFen(of('unexpected_deduction').map((f) => f.deltaFen)),
    },
    findingCount: findings.length,
    lossFen: sumFen(findings.filter((f) => f.deltaFen > 0).map((f) => f.deltaFen)),
    byKind,
  };
}
