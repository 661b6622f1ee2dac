/**
 * Inputs, options and outputs of reconciliation. The engine is pure: it takes stored rows (with their
 * book ids) and the rate cards, and returns findings and a summary. Storing, triage and provenance
 * belong to electron/services; a finding only names row ids, and its `fingerprint` lets the service
 * keep the user's triage decision when the same finding comes back on a re-run.
 */
import type { Fen, RatePercent } from '../../money';
import type { FeeCalc } from '../fee-calc';
import type { RateCard } from '../rate-card';
import type { BankLine, Channel, LocalDate, PosTxn } from '../types';

/**
 * A POS row as stored in the book. 凭证号 and 批次号 may be left out: reconciliation never reads them,
 * and not loading them saves 200,000 strings on a year of rows.
 */
export type StoredPosTxn = Omit<PosTxn, 'traceNo' | 'batchNo'> &
  Partial<Pick<PosTxn, 'traceNo' | 'batchNo'>> & { id: number };
/** A bank line as stored in the book. */
export type StoredBankLine = BankLine & { id: number };

/** Finding kinds about the fee of rows (the fee check and its patterns). */
export const FEE_FINDING_KINDS = [
  'fee_overcharged',
  'fee_undercharged',
  'wrong_rate_class',
  'cap_not_applied',
  'fee_on_failed',
  'void_fee_not_reversed',
  'refund_fee_mismatch',
  'rate_raised',
  'per_txn_surcharge',
] as const;

/** Every finding kind: the fee kinds, then those about settlement and the bank. */
export const FINDING_KINDS = [
  ...FEE_FINDING_KINDS,
  'settlement_missing',
  'settlement_mismatch',
  'unmatched_acquirer_credit',
  'unexpected_deduction',
  'duplicate_suspect',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** high: money lost in a pattern or a settlement; medium: one row; low: merchant gained; info: a hint. */
export type Severity = 'high' | 'medium' | 'low' | 'info';

export type FindingDetails = {
  /** Fee findings: the arithmetic of the expected fee. */
  arithmetic?: FeeCalc | null;
  /** The rule of the card the charge matched instead (wrong_rate_class). */
  chargedAsRule?: { id: string; label: string; ratePercent: RatePercent };
  /** rate_raised: the contract's rate and the rate charged from `date` on, in percent. */
  contractedRate?: RatePercent;
  observedRate?: RatePercent;
  /** per_txn_surcharge: the extra charged on every listed transaction. */
  surchargeFen?: Fen;
  /** Settlement findings: the settlement dates (POS side) and the rows behind them. */
  dueDates?: LocalDate[];
  dueTxnIds?: number[];
  /** Settlement findings: the bank credit's date when one was paired. */
  creditDate?: LocalDate;
  /** Deductions and credits: the bank line's summary text. */
  summary?: string | null;
  /** A gross-settlement fee collection that took too much: the month compared and its fees. */
  feesMonth?: string;
  feesFen?: Fen;
  /** duplicate_suspect: the minutes between the two charges. */
  minutesApart?: number;
};

export type Finding = {
  kind: FindingKind;
  severity: Severity;
  /** Stable across re-runs over the same rows: kind + the rows or dates that make the finding. */
  fingerprint: string;
  /** POS rows concerned (empty for settlement and bank findings: see details.dueTxnIds). */
  txnIds: number[];
  /** 参考号 of txnIds, as printed (rows without one are left out). */
  refNos: string[];
  bankLineIds: number[];
  /** What should have been (fee in fen, or money due), null when not applicable. */
  expectedFen: Fen | null;
  /** What was charged / received, in fen. */
  actualFen: Fen | null;
  /** What the merchant lost, in fen; negative when the merchant gained. */
  deltaFen: Fen;
  /** Transaction day; settlement findings: the day the money was due; patterns: the first day. */
  date: LocalDate;
  channel: Channel | null;
  terminalId: string | null;
  merchantNo: string | null;
  /** Plain sentences with the arithmetic. */
  zh: string;
  en: string;
  details: FindingDetails;
};

/** How POS rows without a settlement-date column get one. */
export type SettlementCycle = 'D+1' | 'T+1' | 'D0';
/**
 * `net` (差额结算): each day's settlement arrives as amount − fee. `gross` (全额结算): the full amount
 * arrives and the acquirer debits the fees from the account separately (daily, monthly…).
 */
export type SettlementBasis = 'net' | 'gross';
/** The fees charged on one transaction day (Σ 手续费, a void's returned fee netted), in fen. */
export type DayFee = { day: LocalDate; feeFen: Fen };

/** A recorded agreement that explains acquirer debits (e.g. "流量费 ¥36 a year, signed 2026-03"). */
export type DeductionAgreement = {
  /** Text the bank line's summary or counterparty must contain (empty/undefined: any). */
  keyword?: string;
  /** Exact amount agreed, in fen (undefined: any amount up to maxFen). */
  amountFen?: Fen;
  /** Highest amount the agreement covers, in fen. */
  maxFen?: Fen;
  from?: LocalDate;
  to?: LocalDate;
  note?: string;
};

export type ReconcileOptions = {
  settlementCycle: SettlementCycle;
  settlementBasis: SettlementBasis;
  /** Working-day calendar for T+1 (the node side wraps chinese-days). Default: Monday to Friday. */
  isWorkingDay: (date: LocalDate) => boolean;
  /** Bank lines whose counterparty contains one of these come from the acquirer. */
  acquirerCounterparties: string[];
  /** ...or whose summary or counterparty contains one of these (both compared in lower case). */
  acquirerSummaryKeywords: string[];
  /**
   * A settlement may reach the bank up to this many days after its due date (and 1 day before, or a
   * trading day's, from the next day on: see earliestPayDate).
   */
  matchWindowDays: number;
  /**
   * At most this many consecutive dues (trading days, for the rows the cycle dates) are tried as one
   * bank credit: a weekend, a holiday. The Spring Festival under T+1 is ten: the workday before and nine days off.
   */
  maxDaysPerCredit: number;
  deductionAgreements: DeductionAgreement[];
  /** Two equal charges on one card and terminal this close are a duplicate_suspect. */
  duplicateWindowMinutes: number;
  /** A pattern needs this many transactions on this many distinct days. */
  patternMinTxns: number;
  patternMinDays: number;
};

/**
 * The settlement of one merchant's rows of one day, summed by the caller instead of given row by row:
 * a month's context days serve only settlement matching, and a database sums them for much less than
 * it hands over their rows. Only for a day whose rows are all paid by the cycle (no settlement-date
 * column) and whose merchant numbers are never empty text (an empty one and a missing one are one
 * merchant). `txnIds` are in time order, then id.
 */
export type DaySettlement = { day: LocalDate; merchantNo: string | null; amountFen: Fen; txnIds: number[] };

export type ReconcileInput = {
  txns: readonly StoredPosTxn[];
  /**
   * Fees charged per transaction day up to the period's end, from at least `FEE_COLLECTION_REACH_DAYS`
   * days before it: under gross settlement the acquirer's fee debits are checked against them.
   * Omitted: summed from `txns`.
   */
  feeDays?: readonly DayFee[];
  /** Days outside the period given as settlement sums instead of rows (see `DaySettlement`). */
  daySums?: readonly DaySettlement[];
  /**
   * The first day the book has POS rows for. The days before it are unknown, not empty: a bank
   * statement that starts with their settlement (31 July's, paid on 1 August; under T+1 a Friday paid
   * with the weekend) must not read as a credit nobody owed. Omitted: the first day of `txns` and
   * `daySums`.
   */
  posFrom?: LocalDate;
  bankLines: readonly StoredBankLine[];
  cards: readonly RateCard[];
  /** Transaction dates to reconcile (inclusive). Rows outside are context only (originals, credits). */
  period?: { from: LocalDate; to: LocalDate };
  options?: Partial<ReconcileOptions>;
};
