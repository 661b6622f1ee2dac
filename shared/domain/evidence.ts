/**
 * The evidence pack's document model: everything the printed 申诉材料 shows, gathered from the book by
 * electron/services/evidence-data.ts and laid out by electron/io/evidence/. Money in fen, rates as
 * percent strings, times as China wall-clock text. Text that came from imported files stays plain text
 * here: the document escapes it and the spreadsheet neutralises it.
 */
import type { DisputeCase, DisputeEvent } from '../api/disputes';
import type { FindingView } from '../api/reconcile';
import type { Fen, RoundingMode } from '../money';
import type { RawCell } from '../import/raw';
import type { Channel } from './types';

export type EvidenceLanguage = 'zh' | 'en';

/** Where a cited row came from: file, sheet, row and the cells as imported (as display text). */
export type EvidenceSource = {
  fileName: string;
  sha256: string;
  sheet: string;
  row: number;
  cells: string[];
};

export type EvidenceTxn = {
  findingId: number;
  txnId: number;
  txnTime: string;
  terminalId: string | null;
  refNo: string | null;
  cardNo: string | null;
  channel: Channel;
  cardKind: string;
  txnType: string;
  status: string;
  amountFen: Fen;
  /** The rule of the contract that prices it (null when none does: a failed row, a void…). */
  ruleLabel: string | null;
  ratePercent: string | null;
  capFen: Fen | null;
  minFen: Fen | null;
  fixedFen: Fen | null;
  rounding: RoundingMode | null;
  expectedFen: Fen | null;
  arithmeticZh: string;
  arithmeticEn: string;
  chargedFen: Fen | null;
  /** charged − expected, in fen (> 0: overcharged). */
  diffFen: Fen | null;
  source: EvidenceSource;
};

export type EvidenceBankLine = {
  lineId: number;
  txnTime: string;
  summary: string | null;
  counterparty: string | null;
  creditFen: Fen;
  debitFen: Fen;
  balanceFen: Fen | null;
  source: EvidenceSource;
};

export type EvidenceSettlementLine = EvidenceBankLine & {
  /** Matched by amount alone: the payer is not named as the acquirer in the settings. */
  byAmountOnly: boolean;
};

/** Due dates of the case's trading days with what reconciliation matched to them. */
export type EvidenceSettlementDay = {
  /** The days the money was due in the bank: several when one credit (or one mismatch) paid them together. */
  dueDates: string[];
  /** All the money due on those dates, in fen. */
  expectedFen: Fen;
  /** What the lines paid toward it, in fen (their amounts less `beforeDataFen`). */
  receivedFen: Fen;
  /** What the lines paid for trading days before the book's POS data, in fen. */
  beforeDataFen: Fen;
  /** The bank statement ends before these dues' matching window does: not judged yet. */
  pending: boolean;
  /** The bank lines that paid those dues, any payer, any date in the matching window. */
  lines: EvidenceSettlementLine[];
};

export type EvidenceRatePoint = {
  date: string;
  /** fees charged ÷ turnover of the day's sales, percent (null: no sales). */
  effectivePercent: string | null;
  /** fees the contract gives ÷ the same turnover, percent. */
  contractedPercent: string | null;
};

export type EvidenceRateVersion = {
  cardName: string;
  scope: string | null;
  effectiveFrom: string;
  rules: {
    label: string;
    ratePercent: string;
    capFen: Fen | null;
    minFen: Fen | null;
    fixedFen: Fen | null;
  }[];
};

export type EvidenceFile = {
  kind: 'pos' | 'bank';
  fileName: string;
  sha256: string;
  importedAt: string;
  size: number;
};

export type EvidenceModel = {
  language: EvidenceLanguage;
  printedAt: string;
  case: DisputeCase;
  findings: FindingView[];
  txns: EvidenceTxn[];
  settlement: EvidenceSettlementDay[];
  /** Bank lines the findings themselves cite (settlement and deduction findings). */
  findingLines: EvidenceBankLine[];
  rates: EvidenceRateVersion[];
  rateSeries: EvidenceRatePoint[];
  files: EvidenceFile[];
  events: DisputeEvent[];
};

/** A raw cell as the appendix prints it. */
export function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'object') return c.value;
  return String(c);
}
