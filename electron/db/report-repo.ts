/**
 * SQL behind month close and the reports. Aggregates group on indexed columns and return one row per
 * group. Turnover and fees follow the reconcile summary's conventions (as electron/db/charts-repo.ts):
 * turnover = successful sales − successful voids − successful refunds; fees charged = fee_fen, or for a
 * successful sale without one, amount − settlement. The fee difference of a group is what reconciliation
 * found: the sum of the deltas of its current fee findings (so it equals the run summary's feeDeltaFen).
 */
import { FEE_FINDING_KINDS } from '../../shared/domain/reconcile/types';
import type { DayFee } from '../../shared/domain/reconcile/types';
import type { Book } from './book';

const FEE_KINDS_SQL = FEE_FINDING_KINDS.map((k) => `'${k}'`).join(', ');

const TURNOVER = `coalesce(sum(CASE WHEN status = 'success' THEN CASE txn_type WHEN 'sale' THEN amount_fen
    WHEN 'void' THEN -amount_fen WHEN 'refund' THEN -amount_fen ELSE 0 END ELSE 0 END), 0)`;
const FEES = `coalesce(sum(coalesce(fee_fen, CASE WHEN txn_type = 'sale' AND status = 'success' AND settle_fen IS NOT NULL
    THEN amount_fen - settle_fen END)), 0)`;

/**
 * Fees charged per transaction day from `from` to `to` (days with rows only), as the engine's
 * `feeDaysOf` sums them: what a gross-settlement acquirer's fee debits are checked against.
 */
export function feesPerDay(book: Book, from: string, to: string): DayFee[] {
  return book.db
    .prepare(
      `SELECT txn_date AS day, ${FEES} AS feeFen FROM pos_transactions
       WHERE txn_date BETWEEN ? AND ? GROUP BY txn_date ORDER BY txn_date`,
    )
    .all(from, to) as DayFee[];
}

export function posDaysOf(book: Book, from: string, to: string): string[] {
  return book.db
    .prepare(
      'SELECT DISTINCT txn_date FROM pos_transactions WHERE txn_date BETWEEN ? AND ? ORDER BY txn_date',
    )
    .pluck()
    .all(from, to) as string[];
}

export function bankDateRange(
  book: Book,
  from: string,
  to: string,
): { first: string | null; last: string | null } {
  return book.db
    .prepare(
      'SELECT min(txn_date) AS first, max(txn_date) AS last FROM bank_lines WHERE txn_date BETWEEN ? AND ?',
    )
    .get(from, to) as { first: string | null; last: string | null };
}

/** Findings of `from..to` nobody has triaged yet. */
export function openFindingCount(book: Book, from: string, to: string): number {
  return book.db
    .prepare("SELECT count(*) FROM findings WHERE date BETWEEN ? AND ? AND state = 'open'")
    .pluck()
    .get(from, to) as number;
}

export type PosGroup = {
  month: string;
  channel: string;
  terminalId: string | null;
  merchantNo: string | null;
  turnoverFen: number;
  feesFen: number;
  txnCount: number;
};

/** POS rows of `from..to` per month, channel, merchant and terminal. */
export function posGroups(book: Book, from: string, to: string): PosGroup[] {
  return book.db
    .prepare(
      `SELECT substr(txn_date, 1, 7) AS month, channel, terminal_id AS terminalId, merchant_no AS merchantNo,
         ${TURNOVER} AS turnoverFen, ${FEES} AS feesFen, count(*) AS txnCount
       FROM pos_transactions WHERE txn_date BETWEEN ? AND ?
       GROUP BY month, channel, terminal_id, merchant_no ORDER BY month, channel, terminal_id`,
    )
    .all(from, to) as PosGroup[];
}

export type FindingGroup = {
  month: string;
  channel: string | null;
  terminalId: string | null;
  feeDeltaFen: number;
  recoveredFen: number;
};

/** Fee differences (current fee findings) and money recovered (all findings) per month, channel, terminal. */
export function findingGroups(book: Book, from: string, to: string): FindingGroup[] {
  return book.db
    .prepare(
      `SELECT substr(date, 1, 7) AS month, channel, terminal_id AS terminalId,
         coalesce(sum(CASE WHEN current = 1 AND kind IN (${FEE_KINDS_SQL}) THEN delta_fen ELSE 0 END), 0) AS feeDeltaFen,
         coalesce(sum(recovered_fen), 0) AS recoveredFen
       FROM findings WHERE date BETWEEN ? AND ? GROUP BY month, channel, terminal_id`,
    )
    .all(from, to) as FindingGroup[];
}

export type ReportFinding = {
  id: number;
  date: string;
  kind: string;
  channel: string | null;
  terminalId: string | null;
  deltaFen: number;
  state: string;
  triageReason: string | null;
  recoveredFen: number;
  refNos: string;
  zh: string;
  en: string;
};

/** Findings of `from..to` the reports list: current ones and any a user acted on. */
export function reportFindings(book: Book, from: string, to: string): ReportFinding[] {
  return book.db
    .prepare(
      `SELECT id, date, kind, channel, terminal_id AS terminalId, delta_fen AS deltaFen, state,
         triage_reason AS triageReason, recovered_fen AS recoveredFen, ref_nos_json AS refNos, message_zh AS zh,
         message_en AS en
       FROM findings WHERE date BETWEEN ? AND ? AND (current = 1 OR state <> 'open') ORDER BY date, id`,
    )
    .all(from, to) as ReportFinding[];
}

export type ReportDispute = {
  caseNo: string;
  title: string;
  status: string;
  periodFrom: string | null;
  periodTo: string | null;
  claimedFen: number;
  recoveredFen: number;
  createdAt: string;
};

/** Disputes whose period overlaps `from..to`, or that claim a finding dated in it. */
export function reportDisputes(book: Book, from: string, to: string): ReportDispute[] {
  return book.db
    .prepare(
      `SELECT d.case_no AS caseNo, d.title, d.status, d.period_from AS periodFrom, d.period_to AS periodTo,
         d.claimed_fen AS claimedFen, d.recovered_fen AS recoveredFen, d.created_at AS createdAt
       FROM disputes d
       WHERE (d.period_from <= ? AND d.period_to >= ?)
          OR d.id IN (SELECT x.dispute_id FROM dispute_findings x JOIN findings f ON f.id = x.finding_id
                      WHERE f.date BETWEEN ? AND ?)
       ORDER BY d.id`,
    )
    .all(to, from, from, to) as ReportDispute[];
}
