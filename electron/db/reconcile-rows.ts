/**
 * The rows reconciliation reads, loaded for speed: a year is 100,000 POS rows. Only the columns the
 * engine uses, each day's rows as one JSON text that SQLite writes and JSON.parse reads back: handing
 * each row to JS through better-sqlite3 (an array and a value at a time) costs about twice as much.
 * JSON.parse shares the short repeated strings (kinds, channels, types, statuses, most terminals: V8
 * internalises short string values) and merchant numbers are shared here, so few strings stay alive per
 * row. The order (time, then id) is made in JS: SQLite hands a day's rows in the order of its covering
 * date index (channel, card kind, …), and sorting them there would build a temporary sort tree.
 */
import type { Fen } from '../../shared/money';
import type {
  DaySettlement,
  SettlementBasis,
  StoredBankLine,
  StoredPosTxn,
} from '../../shared/domain/reconcile/types';
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

/** `byTimeThenId` for rows still in their JSON shape. */
function tupleOrder(a: TxnTuple, b: TxnTuple): number {
  return a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : a[0] - b[0];
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

/** The POS rows of a reconciliation: rows in the engine's shape, and context days as sums. */
export type ReconcileTxns = { txns: StoredPosTxn[]; daySums: DaySettlement[] };

/** What a row adds to its day's settlement, per basis, as `settlementAmount` (settlement-dues.ts) computes it. */
const SETTLEMENT_AMOUNT: Record<SettlementBasis, string> = {
  net: `CASE WHEN settle_fen IS NOT NULL THEN settle_fen
    WHEN status = 'failed' THEN -coalesce(fee_fen, 0)
    WHEN txn_type = 'sale' THEN amount_fen - coalesce(fee_fen, 0)
    ELSE -amount_fen - coalesce(fee_fen, 0) END`,
  gross: `CASE WHEN status = 'failed' THEN 0 WHEN txn_type = 'sale' THEN amount_fen ELSE -amount_fen END`,
};

/**
 * The context's two windows of days, before and after the period: each is a range of the date index of
 * its own, where one range across the period would step over all of its rows (a year's 100,000).
 */
const CONTEXT_WINDOWS = [
  'txn_date >= @from AND txn_date < @periodFrom',
  'txn_date > @periodTo AND txn_date <= @to',
] as const;

type DaySumRow = { day: string; merchantNo: string | null; amountFen: number; ids: string; odd: number };

/**
 * The settlements of the context days from `allFrom` on (outside the period), summed per day and
 * merchant: all those days' rows serve only settlement matching, apart from the few voids, refunds and
 * named sales that are also read as rows. A day with a settlement-date column or an empty merchant
 * number is not summed: its dues do not follow from the day alone, so its rows are read (`rowDays`).
 */
function contextDaySums(
  book: Book,
  spans: TxnSpans,
  basis: SettlementBasis,
): { daySums: DaySettlement[]; rowDays: string[] } {
  const params = {
    from: spans.allFrom,
    periodFrom: spans.period.from,
    periodTo: spans.period.to,
    to: spans.to,
  };
  const rows = CONTEXT_WINDOWS.flatMap(
    (days) =>
      book.db
        .prepare(
          `SELECT txn_date AS day, merchant_no AS merchantNo, sum(${SETTLEMENT_AMOUNT[basis]}) AS amountFen,
             group_concat(id ORDER BY txn_time, id) AS ids,
             count(settle_date) + count(CASE WHEN merchant_no = '' THEN 1 END) AS odd
           FROM pos_transactions WHERE ${days} GROUP BY txn_date, merchant_no`,
        )
        .all(params) as DaySumRow[],
  );
  const rowDays = new Set(rows.filter((r) => r.odd > 0).map((r) => r.day));
  const daySums = rows
    .filter((r) => !rowDays.has(r.day))
    .map((r) => ({
      day: r.day,
      merchantNo: r.merchantNo,
      amountFen: r.amountFen as Fen,
      txnIds: r.ids.split(',').map(Number),
    }));
  return { daySums, rowDays: [...rowDays] };
}

/**
 * One JSON text per day of the rows `where` selects, columns in `TxnTuple` order, handed over one at a
 * time: a day's text is garbage once read, where the whole year's (14 MB) held at once lived long
 * enough to be copied into the old generation.
 */
function rowsByDay(
  book: Book,
  cardNo: string,
  refNo: string,
  where: string,
  params: object,
): IterableIterator<string> {
  return book.db
    .prepare(
      `SELECT json_group_array(json_array(id, merchant_no, terminal_id, txn_time, ${cardNo}, card_kind, channel,
         txn_type, status, amount_fen, fee_fen, settle_fen, settle_date, ${refNo}, orig_ref_no))
       FROM pos_transactions WHERE ${where} GROUP BY txn_date`,
    )
    .pluck()
    .iterate(params) as IterableIterator<string>;
}

/**
 * The POS rows of a reconciliation, ordered by time then id, in the engine's shape. 凭证号 and 批次号
 * are not read: reconciliation never uses them. Merchant numbers and terminals, the same few on every
 * row, come back coded as numbers and share one string each. Context rows (outside the period) come
 * without what nothing reads of them, so no string is made for it: no card number (duplicates and fee
 * checks look at the period only), and a sale no void or refund names has no 参考号 (only named sales
 * are looked up by it; context rows appear in findings by id only). The context days from `allFrom` on
 * come as settlement sums (`contextDaySums`); of their rows only voids, refunds and named sales are read.
 */
export function reconcileTxns(book: Book, spans: TxnSpans, basis: SettlementBasis = 'net'): ReconcileTxns {
  const { daySums, rowDays } = contextDaySums(book, spans, basis);
  const params = {
    from: spans.from,
    to: spans.to,
    periodFrom: spans.period.from,
    periodTo: spans.period.to,
    allFrom: spans.allFrom,
    settledFrom: spans.settledFrom,
  };
  const inContext = 'txn_date BETWEEN @from AND @to AND txn_date NOT BETWEEN @periodFrom AND @periodTo';
  const read = new TxnReader();
  read.days(
    rowsByDay(book, 'card_no', 'ref_no', 'txn_date BETWEEN @periodFrom AND @periodTo', params),
    false,
  );
  // Context rows are picked by what the date index holds (date, type) where it can, so the days' other
  // sales cost an index entry each: voids and refunds, the rows of `rowDays`, and before `allFrom` the
  // rows settled late enough to take part in matching.
  for (const days of CONTEXT_WINDOWS) {
    read.days(
      rowsByDay(
        book,
        'NULL',
        `CASE WHEN txn_type <> 'sale' THEN ref_no END`,
        `${days} AND (txn_type <> 'sale' OR txn_date IN (SELECT value FROM json_each(@rowDays))
          OR (txn_date < @allFrom AND settle_date >= @settledFrom))`,
        { ...params, rowDays: JSON.stringify(rowDays) },
      ),
      true,
    );
  }
  // Every void and refund of [from, to] is read by now: the context sales they name (any merchant, as
  // the engine looks them up) are read by 参考号, or given it if read already.
  const named = new Set<string>();
  for (const t of read.txns) if (t.txnType !== 'sale' && t.origRefNo !== null) named.add(t.origRefNo);
  read.days(
    rowsByDay(
      book,
      'NULL',
      'ref_no',
      `ref_no IN (SELECT value FROM json_each(@named)) AND txn_type = 'sale' AND ${inContext}`,
      { ...params, named: JSON.stringify([...named]) },
    ),
    true,
  );
  return { txns: read.txns.sort(byTimeThenId), daySums };
}

/**
 * Turns the JSON texts of `rowsByDay` into rows. Merchant numbers and terminals share one string each
 * (a year repeats a handful 100,000 times). A context row read twice (a named sale of a day read as
 * rows) is kept once, with its 参考号.
 */
class TxnReader {
  readonly txns: StoredPosTxn[] = [];
  private readonly merchants = new SharedText();
  private readonly terminals = new SharedText();
  private readonly contextById = new Map<number, StoredPosTxn>();

  /**
   * Each day's rows are put in time order before they become objects, so the objects are made, and lie
   * in memory, in the order every pass of the engine walks them: walking a year's rows made in index
   * order, each a cache miss away from the next, cost the engine's passes about 100 ms more.
   */
  days(texts: Iterable<string>, context: boolean): void {
    for (const text of texts) {
      for (const r of (JSON.parse(text) as TxnTuple[]).sort(tupleOrder)) {
        const known = context ? this.contextById.get(r[0]) : undefined;
        if (known) {
          known.refNo ??= r[13];
          continue;
        }
        const t: StoredPosTxn = {
          id: r[0],
          merchantNo: this.merchants.of(r[1]),
          terminalId: this.terminals.of(r[2]),
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
        };
        this.txns.push(t);
        if (context) this.contextById.set(t.id, t);
      }
    }
  }
}

/**
 * One string per distinct value of a column that repeats on every row (merchant numbers, terminals).
 * Rows of one value come in runs, so the row before's value is compared first: that spares hashing
 * each row's fresh copy for the lookup.
 */
class SharedText {
  private readonly known = new Map<string, string>();
  private last: string | null = null;

  of(v: string | null): string | null {
    if (v === null) return null;
    if (v === this.last) return this.last;
    let known = this.known.get(v);
    if (known === undefined) this.known.set(v, (known = v));
    this.last = known;
    return known;
  }
}

/** The first day the book has POS rows for (the date index's first entry), or null in an empty book. */
export function firstPosDay(book: Book): string | null {
  const day = book.db.prepare('SELECT min(txn_date) FROM pos_transactions').pluck().get() as string | null;
  return day ?? null;
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
