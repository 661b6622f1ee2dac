/**
 * The rows reconciliation reads, loaded for speed: a year is 100,000 POS rows. Only the columns the
 * engine uses, each day's rows as one JSON text that SQLite writes and JSON.parse reads back: handing
 * each row to JS through better-sqlite3 (an array and a value at a time) costs about twice as much.
 * JSON.parse shares the short repeated strings (kinds, channels, types, statuses, most terminals: V8
 * internalises short string values) and merchant numbers are shared here, so few strings stay alive per
 * row. The order (time, then id) is made in JS, where sorting rows that are almost in order is cheap.
 */
import type { StoredBankLine, StoredPosTxn } from '../../shared/domain/reconcile/types';
import type { Book } from './book';

/**
 * One row as SQLite writes it in JSON, in the engine's order: id, merchant_no, terminal_id, txn_time,
 * card_no, card_kind, channel, txn_type, status, amount_fen, fee_fen, settle_fen, settle_date, ref_no,
 * orig_ref_no. Integers stay exact (all below 2^53); text and NULL as they are.
 */
type TxnTuple = [
  number,
  string | null,
  string | null,
  string,
  string | null,
  StoredPosTxn['cardKind'],
  StoredPosTxn['channel'],
  StoredPosTxn['txnType'],
  StoredPosTxn['status'],
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
  // The 参考号 that voids and refunds name, as the engine collects them (any merchant).
  const named = `ref_no IN (SELECT orig_ref_no FROM pos_transactions WHERE txn_date BETWEEN @from AND @to
    AND txn_type <> 'sale' AND orig_ref_no IS NOT NULL)`;
  const inPeriod = 'txn_date BETWEEN @periodFrom AND @periodTo';
  const sql = `SELECT json_group_array(json_array(id, merchant_no, terminal_id, txn_time,
    CASE WHEN ${inPeriod} THEN card_no END, card_kind, channel, txn_type, status, amount_fen, fee_fen, settle_fen,
    settle_date, CASE WHEN txn_type <> 'sale' OR ${inPeriod} OR ${named} THEN ref_no END, orig_ref_no))
    FROM pos_transactions WHERE txn_date BETWEEN @from AND @to
    AND (txn_date >= @allFrom OR txn_type <> 'sale' OR settle_date >= @settledFrom OR ${named})
    GROUP BY txn_date`;
  const days = book.db.prepare(sql).pluck().all({
    from: spans.from,
    to: spans.to,
    periodFrom: spans.period.from,
    periodTo: spans.period.to,
    allFrom: spans.allFrom,
    settledFrom: spans.settledFrom,
  }) as string[];
  // One string for each merchant number and terminal (a year repeats a handful 100,000 times).
  const shared = new Map<string, string>();
  const one = (v: string | null): string | null => {
    if (v === null) return null;
    const known = shared.get(v);
    if (known !== undefined) return known;
    shared.set(v, v);
    return v;
  };
  const out: StoredPosTxn[] = [];
  for (const day of days) {
    for (const r of JSON.parse(day) as TxnTuple[]) {
      out.push({
        id: r[0],
        merchantNo: one(r[1]),
        terminalId: one(r[2]),
        txnTime: r[3],
        cardNo: r[4],
        cardKind: r[5],
        channel: r[6],
        txnType: r[7],
        status: r[8],
        amountFen: r[9] as StoredPosTxn['amountFen'],
        feeFen: r[10] as StoredPosTxn['feeFen'],
        settleFen: r[11] as StoredPosTxn['settleFen'],
        settleDate: r[12],
        refNo: r[13],
        origRefNo: r[14],
      });
    }
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
