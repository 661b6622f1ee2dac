/**
 * SQL aggregates behind the charts and the overview. Every query groups on indexed columns
 * (pos_transactions: the covering index on date and the group columns; findings date / kind+date) and
 * returns one row per group, never the rows themselves. The POS day groups are kept summed in
 * chart_day_groups (migration 0003): summing a year of rows takes ~100 ms, reading its ~4,000 groups
 * a few. Sign and fee conventions follow the reconcile summary
 * (shared/domain/reconcile/summary.ts), so the totals agree with it to the fen:
 * turnover = successful sales − successful voids − successful refunds; fees charged = fee_fen, or for a
 * successful sale without one, amount − settlement (shared/domain/reconcile/fee-check.ts chargedFee).
 */
import type { FindingDayGroup, FindingMonthGroup } from '../../shared/domain/chart-findings';
import type { DayGroup } from '../../shared/domain/chart-series';
import type { Book } from './book';

const POS_GROUP_COLUMNS = `txn_date AS date, channel, card_kind AS cardKind, merchant_no AS merchantNo,
  terminal_id AS terminalId,
  coalesce(sum(CASE WHEN status = 'success' THEN CASE txn_type WHEN 'sale' THEN amount_fen
    WHEN 'void' THEN -amount_fen WHEN 'refund' THEN -amount_fen ELSE 0 END ELSE 0 END), 0) AS turnoverFen,
  coalesce(sum(coalesce(fee_fen, CASE WHEN txn_type = 'sale' AND status = 'success' AND settle_fen IS NOT NULL
    THEN amount_fen - settle_fen END)), 0) AS feesFen,
  count(*) AS txnCount,
  coalesce(sum(CASE WHEN status = 'success' AND txn_type = 'sale' THEN amount_fen ELSE 0 END), 0) AS salesFen,
  coalesce(sum(CASE WHEN status = 'success' AND txn_type = 'sale' THEN 1 ELSE 0 END), 0) AS salesCount`;

/**
 * POS rows of a date range summed per day, channel, card kind, merchant and terminal. The grouping
 * follows the columns of pos_transactions_date_cover_idx, which also holds every column summed, so
 * SQLite reads the range from that index alone, already in group order (no row lookups, no sort).
 */
export const POS_DAY_GROUPS_SQL = `SELECT ${POS_GROUP_COLUMNS} FROM pos_transactions
  WHERE txn_date BETWEEN ? AND ? GROUP BY txn_date, channel, card_kind, merchant_no, terminal_id`;

/**
 * POS rows of `from..to` summed per day, channel, card kind, merchant and terminal, straight from the
 * rows: the reference that chart_day_groups must equal (the charts read keptDayGroups).
 */
export function posDayGroups(book: Book, from: string, to: string): DayGroup[] {
  return book.db.prepare(POS_DAY_GROUPS_SQL).all(from, to) as DayGroup[];
}

/** The stale days of a range (chart_stale_days is filled by the triggers of migration 0003). */
const STALE_DAYS = 'SELECT txn_date FROM chart_stale_days WHERE txn_date BETWEEN ? AND ?';

/**
 * Re-sums the days of `from..to` marked stale, with the very SQL of posDayGroups, and clears their mark,
 * in one transaction (a savepoint when an import's transaction is open: a rollback then restores the
 * marks with the rows). So a day not marked stale always holds exactly the sums of its rows.
 *
 * Who keeps the sums (triggers, in the transaction that changes the rows): POS rows are only ever added
 * and removed as import batches (import-repo's writer and undoBatch), and each sets the batch's dates or
 * status once; the trigger on that (migration 0004) re-sums the batch's date span at once, ~1% of a
 * 100,000-row import. An edit of a summed column (no such path today) marks its row's two days stale
 * (0003). There is no per-row INSERT/DELETE trigger: any writing trigger there makes SQLite keep a
 * statement journal for every row, measured at +15% CPU (~10× the system time) on that import.
 */
export function refreshDayGroups(book: Book, from: string, to: string): void {
  const db = book.db;
  if (db.prepare(`${STALE_DAYS} LIMIT 1`).get(from, to) === undefined) return;
  db.transaction(() => {
    db.prepare(`DELETE FROM chart_day_groups WHERE txn_date IN (${STALE_DAYS})`).run(from, to);
    db.prepare(
      `INSERT INTO chart_day_groups (txn_date, channel, card_kind, merchant_no, terminal_id, turnover_fen,
         fees_fen, txn_count, sales_fen, sales_count)
       SELECT ${POS_GROUP_COLUMNS} FROM pos_transactions WHERE txn_date IN (${STALE_DAYS})
       GROUP BY txn_date, channel, card_kind, merchant_no, terminal_id`,
    ).run(from, to);
    db.prepare('DELETE FROM chart_stale_days WHERE txn_date BETWEEN ? AND ?').run(from, to);
  })();
}

/** The kept day groups of a range, in the order posDayGroups returns them. */
export const DAY_GROUPS_SQL = `SELECT txn_date AS date, channel, card_kind AS cardKind, merchant_no AS merchantNo,
  terminal_id AS terminalId, turnover_fen AS turnoverFen, fees_fen AS feesFen, txn_count AS txnCount,
  sales_fen AS salesFen, sales_count AS salesCount
  FROM chart_day_groups WHERE txn_date BETWEEN ? AND ?
  ORDER BY txn_date, channel, card_kind, merchant_no, terminal_id`;

/** A row of DAY_GROUPS_SQL read as an array: date, channel, card kind, merchant, terminal, then the sums. */
type DayGroupColumns = [
  string,
  DayGroup['channel'],
  DayGroup['cardKind'],
  string | null,
  string | null,
  number,
  number,
  number,
  number,
  number,
];

/**
 * The kept day groups of `from..to` as they are: call refreshDayGroups over the range first.
 *
 * Read as arrays and made into objects here: better-sqlite3's own row objects take about twice as long
 * to build as these literals (measured on the ten years of the 1M-row book, ~36,000 groups). The
 * objects are the same, field for field.
 */
export function readKeptDayGroups(book: Book, from: string, to: string): DayGroup[] {
  const rows = book.db.prepare(DAY_GROUPS_SQL).raw(true).all(from, to) as DayGroupColumns[];
  return rows.map((r) => ({
    date: r[0],
    channel: r[1],
    cardKind: r[2],
    merchantNo: r[3],
    terminalId: r[4],
    turnoverFen: r[5],
    feesFen: r[6],
    txnCount: r[7],
    salesFen: r[8],
    salesCount: r[9],
  }));
}

/** The day groups of `from..to` (equal to posDayGroups): stale days re-summed first, then read. */
export function keptDayGroups(book: Book, from: string, to: string): DayGroup[] {
  refreshDayGroups(book, from, to);
  return readKeptDayGroups(book, from, to);
}

/**
 * Changes whenever an import lands or is undone (the only ways POS rows change): the key under which
 * aggregates may be kept between calls.
 */
export function dataRevision(book: Book): string {
  return book.db
    .prepare(
      `SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(status = 'undone'), 0)
       FROM import_batches`,
    )
    .pluck()
    .get() as string;
}

/** The days of `from..to` that have at least one POS row (read from the date index alone). */
export function posDays(book: Book, from: string, to: string): string[] {
  return book.db
    .prepare(
      'SELECT DISTINCT txn_date FROM pos_transactions WHERE txn_date BETWEEN ? AND ? ORDER BY txn_date',
    )
    .pluck()
    .all(from, to) as string[];
}

export function bankLineCount(book: Book, from: string, to: string): number {
  return book.db
    .prepare('SELECT count(*) FROM bank_lines WHERE txn_date BETWEEN ? AND ?')
    .pluck()
    .get(from, to) as number;
}

/** Current findings of `from..to` per day, channel and kind (the markers on the time axis). */
export function findingDayGroups(book: Book, from: string, to: string): FindingDayGroup[] {
  return book.db
    .prepare(
      `SELECT date, channel, kind, count(*) AS count, sum(delta_fen) AS deltaFen, min(id) AS firstId
       FROM findings WHERE date BETWEEN ? AND ? AND current = 1 GROUP BY date, channel, kind ORDER BY date`,
    )
    .all(from, to) as FindingDayGroup[];
}

/** Findings still being pursued: their positive deltas are the money at stake. */
const AT_STAKE = `current = 1 AND state IN ('open', 'to_dispute', 'disputed') AND delta_fen > 0`;

/**
 * Findings of `from..to` per month and kind: count and delta of the current ones, money at stake,
 * and what was recovered (also on findings a later run no longer raises).
 */
export function findingMonthGroups(book: Book, from: string, to: string): FindingMonthGroup[] {
  return book.db
    .prepare(
      `SELECT substr(date, 1, 7) AS month, kind,
         coalesce(sum(current = 1), 0) AS count,
         coalesce(sum(CASE WHEN current = 1 THEN delta_fen ELSE 0 END), 0) AS deltaFen,
         coalesce(sum(CASE WHEN ${AT_STAKE} THEN delta_fen ELSE 0 END), 0) AS atStakeFen,
         coalesce(sum(recovered_fen), 0) AS recoveredFen
       FROM findings WHERE date BETWEEN ? AND ? GROUP BY month, kind ORDER BY month`,
    )
    .all(from, to) as FindingMonthGroup[];
}

/** The month's money at stake and its open findings (not yet triaged). */
export function findingStakes(
  book: Book,
  from: string,
  to: string,
): { atStakeFen: number; openFindings: number } {
  return book.db
    .prepare(
      `SELECT coalesce(sum(CASE WHEN ${AT_STAKE} THEN delta_fen ELSE 0 END), 0) AS atStakeFen,
         coalesce(sum(current = 1 AND state = 'open'), 0) AS openFindings
       FROM findings WHERE date BETWEEN ? AND ?`,
    )
    .get(from, to) as { atStakeFen: number; openFindings: number };
}

/** Days the merchant declared as no-trade days for the month (month close), if any. */
export function noTradeDays(book: Book, month: string): string[] {
  const json = book.db
    .prepare('SELECT no_trade_days_json FROM periods WHERE month = ?')
    .pluck()
    .get(month) as string | undefined;
  if (json === undefined) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string') : [];
}
