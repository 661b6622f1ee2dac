/**
 * The rows reconciliation reads, loaded for speed: a year is 100,000 POS rows. Only the columns the
 * engine uses, as arrays (`.raw()`) turned into one object shape; the few-valued text columns come
 * back as small integers from SQL so no string is made for them per row; and the order (time, then id)
 * is made in JS, where sorting rows that are already almost in order (the usual import order) costs a
 * single pass instead of SQLite's temporary sort tree.
 */
import type { StoredBankLine, StoredPosTxn } from '../../shared/domain/reconcile/types';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../../shared/domain/types';
import type { Book } from './book';

/** `CASE col WHEN 'a' THEN 0 … ELSE col END`: a known value as its index, anything else as text. */
function coded(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${column} END`;
}

/** The same with the values bound as parameters (for values read from the book). */
function codedBy(column: string, count: number): string {
  return count === 0 ? column : `CASE ${column} ${'WHEN ? THEN ? '.repeat(count)}ELSE ${column} END`;
}

function decode<T extends string | null>(v: unknown, values: readonly T[]): T {
  return (typeof v === 'number' ? values[v] : v) as T;
}

/** Few enough distinct merchant numbers or terminals to code them (a shop has a handful). */
const MAX_CODED = 200;

type TxnTuple = [
  number,
  unknown,
  unknown,
  string,
  string | null,
  unknown,
  unknown,
  unknown,
  unknown,
  number,
  number | null,
  number | null,
  string | null,
  string | null,
  string | null,
];

function byTimeThenId(a: { txnTime: string; id: number }, b: { txnTime: string; id: number }): number {
  return a.txnTime < b.txnTime ? -1 : a.txnTime > b.txnTime ? 1 : a.id - b.id;
}

/** The distinct values of a column over the range, when few (else none: the column is read as text). */
function distinctValues(
  book: Book,
  column: 'merchant_no' | 'terminal_id',
  from: string,
  to: string,
): string[] {
  const values = book.db
    .prepare(
      `SELECT DISTINCT ${column} FROM pos_transactions WHERE txn_date BETWEEN ? AND ? AND ${column} IS NOT NULL LIMIT ${MAX_CODED + 1}`,
    )
    .pluck()
    .all(from, to) as string[];
  return values.length > MAX_CODED ? [] : values;
}

/** Which POS rows a reconciliation reads (dates inclusive). */
export type TxnSpans = {
  /** Every row dated in [from, to] is a candidate; rows outside `period` are context. */
  from: string;
  to: string;
  /** The period reported: its rows come with every column. */
  period: { from: string; to: string };
  /**
   * Before `allFrom`, only the rows that can change a result are read: voids and refunds, the sales
   * they name by 原参考号, and rows whose settlement-date column is on or after `settledFrom` (the
   * others are paid too early to take part in settlement matching, see `settlementReach`).
   */
  allFrom: string;
  settledFrom: string;
};

/**
 * The POS rows of a reconciliation, ordered by time then id, in the engine's shape. 凭证号 and 批次号
 * are not read: reconciliation never uses them. Merchant numbers and terminals, the same few on every
 * row, come back coded as numbers and share one string each. Context rows (outside the period) come
 * without what nothing reads of them, so no string is made for it: no card number (duplicates and fee
 * checks look at the period only), and a sale no void or refund names has no 参考号 (only named sales
 * are looked up by it; context rows appear in findings by id only).
 */
export function reconcileTxns(book: Book, spans: TxnSpans): StoredPosTxn[] {
  const { from, to } = spans;
  const merchants = distinctValues(book, 'merchant_no', from, to);
  const terminals = distinctValues(book, 'terminal_id', from, to);
  // The 参考号 that voids and refunds name, as the engine collects them (any merchant).
  const named = `ref_no IN (SELECT orig_ref_no FROM pos_transactions WHERE txn_date BETWEEN @from AND @to
    AND txn_type <> 'sale' AND orig_ref_no IS NOT NULL)`;
  const inPeriod = 'txn_date BETWEEN @periodFrom AND @periodTo';
  const sql = `SELECT id, ${codedBy('merchant_no', merchants.length)}, ${codedBy('terminal_id', terminals.length)},
    txn_time, CASE WHEN ${inPeriod} THEN card_no END, ${coded('card_kind', CARD_KINDS)}, ${coded('channel', CHANNELS)},
    ${coded('txn_type', TXN_TYPES)}, ${coded('status', TXN_STATUSES)}, amount_fen, fee_fen, settle_fen, settle_date,
    CASE WHEN txn_type <> 'sale' OR ${inPeriod} OR ${named} THEN ref_no END, orig_ref_no
    FROM pos_transactions WHERE txn_date BETWEEN @from AND @to
    AND (txn_date >= @allFrom OR txn_type <> 'sale' OR settle_date >= @settledFrom OR ${named})`;
  const pairs = (values: string[]) => values.flatMap((v, i) => [v, i]);
  const rows = book.db
    .prepare(sql)
    .raw()
    .all(...pairs(merchants), ...pairs(terminals), {
      from,
      to,
      periodFrom: spans.period.from,
      periodTo: spans.period.to,
      allFrom: spans.allFrom,
      settledFrom: spans.settledFrom,
    }) as TxnTuple[];
  const out = new Array<StoredPosTxn>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as TxnTuple;
    out[i] = {
      id: r[0],
      merchantNo: decode<string | null>(r[1], merchants),
      terminalId: decode<string | null>(r[2], terminals),
      txnTime: r[3],
      cardNo: r[4],
      cardKind: decode(r[5], CARD_KINDS),
      channel: decode(r[6], CHANNELS),
      txnType: decode(r[7], TXN_TYPES),
      status: decode(r[8], TXN_STATUSES),
      amountFen: r[9] as StoredPosTxn['amountFen'],
      feeFen: r[10] as StoredPosTxn['feeFen'],
      settleFen: r[11] as StoredPosTxn['settleFen'],
      settleDate: r[12],
      refNo: r[13],
      origRefNo: r[14],
    };
  }
  return out.sort(byTimeThenId);
}

/** Every bank line dated in [from, to], ordered by time then id. */
export function reconcileBankLines(book: Book, from: string, to: string): StoredBankLine[] {
  const rows = book.db
    .prepare(
      `SELECT id, txn_time AS txnTime, credit_fen AS creditFen, debit_fen AS debitFen, balance_fen AS balanceFen,
         counterparty, counterparty_account AS counterpartyAccount, summary, currency
       FROM bank_lines WHERE txn_date BETWEEN ? AND ?`,
    )
    .all(from, to) as StoredBankLine[];
  return rows.sort(byTimeThenId);
}
