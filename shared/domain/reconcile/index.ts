/**
 * Reconciliation of a period: fee check (patterns first, then single rows), settlement ↔ bank,
 * deductions and duplicates, plus the month summary. Pure: arrays in, findings out.
 */
import { dateOf, weekday } from '../local-date';
import { checkFees, indexByRef, voidedSaleIds } from './fee-check';
import { singleFeeFinding } from './fee-findings';
import { FINDING_KINDS } from './types';
import type { Finding, ReconcileInput, ReconcileOptions, StoredPosTxn } from './types';
import { feeDaysOf, findDeductions } from './deductions';
import { findDuplicates } from './duplicates';
import { findRateRaised, findSurcharges } from './patterns';
import { settleWithBank } from './settle-with-bank';
import { summarise, type ReconcileSummary } from './summary';
import { cmp } from '../text-order';

export type { ReconcileSummary } from './summary';
export * from './types';
export { chargedFee, checkFees, type FeeCheck } from './fee-check';
export { classifyFee, singleFeeFinding } from './fee-findings';
export { findRateRaised, findSurcharges } from './patterns';
export {
  matchSettlements,
  settlementAmount,
  settlementDate,
  settlementReach,
  settlementsDue,
  isAcquirerLine,
} from './settlement';
export { settleWithBank, type SettledWithBank } from './settle-with-bank';
export { settlementDays, type SettlementDay } from './settlement-days';
export { agreementCovers, FEE_COLLECTION_REACH_DAYS, feeDaysOf, findDeductions } from './deductions';
export { findDuplicates } from './duplicates';

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = {
  settlementCycle: 'D+1',
  settlementBasis: 'net',
  // Only a stand-in: the node side passes the official calendar (chinese-days) for T+1.
  isWorkingDay: (d) => weekday(d) !== 0 && weekday(d) !== 6,
  acquirerCounterparties: ['拉卡拉支付股份有限公司'],
  acquirerSummaryKeywords: ['拉卡拉'],
  matchWindowDays: 3,
  maxDaysPerCredit: 12,
  deductionAgreements: [],
  duplicateWindowMinutes: 10,
  patternMinTxns: 5,
  patternMinDays: 2,
};

export type ReconcileResult = { findings: Finding[]; summary: ReconcileSummary };

export function reconcile(input: ReconcileInput): ReconcileResult {
  const opts: ReconcileOptions = { ...DEFAULT_RECONCILE_OPTIONS, ...input.options };
  const period = input.period ?? null;
  // dateOf(time) >= from ⟺ time >= from, and dateOf(time) <= to ⟺ time < to + U+FFFF: no slice per row.
  const end = period === null ? '' : `${period.to}\uffff`;
  const inPeriod = (t: StoredPosTxn) => period === null || (t.txnTime >= period.from && t.txnTime < end);
  // The rows reported, and the ids of the others: a due is reported when one of its rows is in the
  // period. Ids are the book's, one per row, so the rows outside the period (a month's context, none in
  // a year) are the smaller set to remember.
  const scoped: StoredPosTxn[] = [];
  const outside = period === null ? null : new Set<number>();
  for (const t of input.txns) {
    if (inPeriod(t)) scoped.push(t);
    else outside?.add(t.id);
  }

  const byRef = indexByRef(input.txns);
  const voided = voidedSaleIds(input.txns, byRef);
  const checks = checkFees(input.txns, input.cards, inPeriod, byRef, voided);
  const patternOpts = { minTxns: opts.patternMinTxns, minDays: opts.patternMinDays };
  const raised = findRateRaised(checks, patternOpts);
  const surcharged = findSurcharges(checks, patternOpts, raised.explained);
  const singles = checks
    .filter((c) => !raised.explained.has(c.txn.id) && !surcharged.explained.has(c.txn.id))
    .flatMap((c) => singleFeeFinding(c) ?? []);

  // Summed days are outside the period, so are their rows.
  for (const s of input.daySums ?? []) for (const id of s.txnIds) outside?.add(id);
  const settlement = settleWithBank(
    input,
    opts,
    outside === null ? undefined : (due) => due.txnIds.some((id) => !outside.has(id)),
  );
  const bankInPeriod = input.bankLines.filter(
    (l) => period === null || (dateOf(l.txnTime) >= period.from && dateOf(l.txnTime) <= period.to),
  );
  const deductions = findDeductions(
    bankInPeriod.filter((l) => !settlement.matchedLineIds.has(l.id)),
    opts,
    opts.settlementBasis === 'gross' ? (input.feeDays ?? feeDaysOf(input.txns)) : [],
  );
  const duplicates = findDuplicates(scoped, voided, opts.duplicateWindowMinutes);

  const findings = [
    ...raised.findings,
    ...surcharged.findings,
    ...singles,
    ...settlement.findings,
    ...deductions,
    ...duplicates,
  ].sort(
    (a, b) =>
      cmp(a.date, b.date) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
      (a.txnIds[0] ?? a.bankLineIds[0] ?? 0) - (b.txnIds[0] ?? b.bankLineIds[0] ?? 0),
  );
  return { findings, summary: summarise(period, scoped, checks, settlement, findings) };
}
