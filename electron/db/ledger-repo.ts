/**
 * Reading transactions and bank lines for the tables: filtered, sorted, paged, with totals of what is
 * filtered. Every value reaches SQLite as a bound parameter; only fixed fragments are concatenated.
 */
import type { z } from 'zod';
import type {
  BankTotals,
  Page,
  Provenance,
  StoredBankLine,
  StoredTxn,
  TxnTotals,
  bankFilterSchema,
  txnFilterSchema,
} from '../../shared/api/ledger';
import type { RawCell } from '../../shared/import/raw';
import type { Book } from './book';

type TxnFilter = z.output<typeof txnFilterSchema>;
type BankFilter = z.output<typeof bankFilterSchema>;

const TXN_COLUMNS = `id, batch_id AS batchId, merchant_no AS merchantNo, terminal_id AS terminalId, txn_time AS txnTime,
  card_no AS cardNo, card_kind AS cardKind, channel, txn_type AS txnType, status, amount_fen AS amountFen,
  fee_fen AS feeFen, settle_fen AS settleFen, settle_date AS settleDate, ref_no AS refNo, orig_ref_no AS origRefNo,
  trace_no AS traceNo, batch_no AS batchNo`;

const BANK_COLUMNS = `id, batch_id AS batchId, txn_time AS txnTime, credit_fen AS creditFen, debit_fen AS debitFen,
  balance_fen AS balanceFen, counterparty, counterparty_account AS counterpartyAccount, summary, currency`;

const ORDER: Record<TxnFilter['sort'], string> = {
  time_asc: 'txn_time ASC, id ASC',
  time_desc: 'txn_time DESC, id DESC',
  amount_asc: 'amount_fen ASC, id ASC',
  amount_desc: 'amount_fen DESC, id DESC',
};

const BANK_ORDER: Record<BankFilter['sort'], string> = {
  time_asc: 'txn_time ASC, id ASC',
  time_desc: 'txn_time DESC, id DESC',
  amount_asc: '(credit_fen - debit_fen) ASC, id ASC',
  amount_desc: '(credit_fen - debit_fen) DESC, id DESC',
};

/** `%`, `_` and `\` in the user's search text are literal. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Where = { sql: string; params: unknown[] };

/** Conditions joined with AND; every value goes in as a bound parameter. */
function whereBuilder(): { add: (sql: string, ...values: unknown[]) => void; where: () => Where } {
  const parts: string[] = [];
  const params: unknown[] = [];
  return {
    add: (sql, ...values) => {
      parts.push(sql);
      params.push(...values);
    },
    where: () => ({ sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }),
  };
}

function txnWhere(f: TxnFilter): Where {
  const { add, where } = whereBuilder();
  if (f.from) add('txn_date >= ?', f.from);
  if (f.to) add('txn_date <= ?', f.to);
  if (f.terminalId) add('terminal_id = ?', f.terminalId);
  if (f.channel) add('channel = ?', f.channel);
  if (f.cardKind) add('card_kind = ?', f.cardKind);
  if (f.txnType) add('txn_type = ?', f.txnType);
  if (f.status) add('status = ?', f.status);
  if (f.minAmountFen !== undefined) add('amount_fen >= ?', f.minAmountFen);
  if (f.maxAmountFen !== undefined) add('amount_fen <= ?', f.maxAmountFen);
  if (f.text) {
    const p = likePattern(f.text);
    add(
      `(ref_no LIKE ? ESCAPE '\\' OR card_no LIKE ? ESCAPE '\\' OR terminal_id LIKE ? ESCAPE '\\'
        OR merchant_no LIKE ? ESCAPE '\\' OR orig_ref_no LIKE ? ESCAPE '\\' OR trace_no LIKE ? ESCAPE '\\')`,
      p,
      p,
      p,
      p,
      p,
      p,
    );
  }
  return where();
}

function bankWhere(f: BankFilter): Where {
  const { add, where } = whereBuilder();
  if (f.from) add('txn_date >= ?', f.from);
  if (f.to) add('txn_date <= ?', f.to);
  if (f.direction === 'credit') add('credit_fen > 0');
  if (f.direction === 'debit') add('debit_fen > 0');
  if (f.minAmountFen !== undefined) add('(credit_fen + debit_fen) >= ?', f.minAmountFen);
  if (f.maxAmountFen !== undefined) add('(credit_fen + debit_fen) <= ?', f.maxAmountFen);
  if (f.text) {
    const p = likePattern(f.text);
    add(
      `(summary LIKE ? ESCAPE '\\' OR counterparty LIKE ? ESCAPE '\\' OR counterparty_account LIKE ? ESCAPE '\\')`,
      p,
      p,
      p,
    );
  }
  return where();
}

export function listTransactions(book: Book, f: TxnFilter): Page<StoredTxn, TxnTotals> {
  const w = txnWhere(f);
  const rows = book.db
    .prepare(
      `SELECT ${TXN_COLUMNS} FROM pos_transactions ${w.sql} ORDER BY ${ORDER[f.sort]} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, f.limit, f.offset) as StoredTxn[];
  const agg = book.db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(amount_fen), 0) AS amountFen, coalesce(sum(fee_fen), 0) AS feeFen,
         coalesce(sum(settle_fen), 0) AS settleFen FROM pos_transactions ${w.sql}`,
    )
    .get(...w.params) as { total: number } & TxnTotals;
  return {
    rows,
    total: agg.total,
    totals: { amountFen: agg.amountFen, feeFen: agg.feeFen, settleFen: agg.settleFen },
  };
}

export function listBankLines(book: Book, f: BankFilter): Page<StoredBankLine, BankTotals> {
  const w = bankWhere(f);
  const rows = book.db
    .prepare(
      `SELECT ${BANK_COLUMNS} FROM bank_lines ${w.sql} ORDER BY ${BANK_ORDER[f.sort]} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, f.limit, f.offset) as StoredBankLine[];
  const agg = book.db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(credit_fen), 0) AS creditFen, coalesce(sum(debit_fen), 0) AS debitFen
         FROM bank_lines ${w.sql}`,
    )
    .get(...w.params) as { total: number } & BankTotals;
  return { rows, total: agg.total, totals: { creditFen: agg.creditFen, debitFen: agg.debitFen } };
}

function provenanceOf(
  book: Book,
  table: 'pos_transactions' | 'bank_lines',
  id: number,
): Provenance | undefined {
  const row = book.db
    .prepare(
      `SELECT b.id AS batchId, b.file_name AS fileName, b.sha256, b.imported_at AS importedAt, s.sheet,
         s.row_number AS row, s.cells_json AS cellsJson
       FROM ${table} t JOIN source_rows s ON s.id = t.source_row_id JOIN import_batches b ON b.id = t.batch_id
       WHERE t.id = ?`,
    )
    .get(id) as (Omit<Provenance, 'cells'> & { cellsJson: string }) | undefined;
  if (!row) return undefined;
  const { cellsJson, ...rest } = row;
  return { ...rest, cells: JSON.parse(cellsJson) as RawCell[] };
}

export function getTransaction(
  book: Book,
  id: number,
): { txn: StoredTxn; provenance: Provenance } | undefined {
  const txn = book.db.prepare(`SELECT ${TXN_COLUMNS} FROM pos_transactions WHERE id = ?`).get(id) as
    StoredTxn | undefined;
  const provenance = txn ? provenanceOf(book, 'pos_transactions', id) : undefined;
  return txn && provenance ? { txn, provenance } : undefined;
}

export function getBankLine(
  book: Book,
  id: number,
): { line: StoredBankLine; provenance: Provenance } | undefined {
  const line = book.db.prepare(`SELECT ${BANK_COLUMNS} FROM bank_lines WHERE id = ?`).get(id) as
    StoredBankLine | undefined;
  const provenance = line ? provenanceOf(book, 'bank_lines', id) : undefined;
  return line && provenance ? { line, provenance } : undefined;
}

export function listTerminals(book: Book): string[] {
  return book.db
    .prepare(
      'SELECT DISTINCT terminal_id FROM pos_transactions WHERE terminal_id IS NOT NULL ORDER BY terminal_id',
    )
    .pluck()
    .all() as string[];
}

/** Every transaction dated in [from, to], oldest first (reconciliation input). */
export function txnsBetween(book: Book, from: string, to: string): StoredTxn[] {
  return book.db
    .prepare(
      `SELECT ${TXN_COLUMNS} FROM pos_transactions WHERE txn_date BETWEEN ? AND ? ORDER BY txn_time, id`,
    )
    .all(from, to) as StoredTxn[];
}

export function bankLinesBetween(book: Book, from: string, to: string): StoredBankLine[] {
  return book.db
    .prepare(`SELECT ${BANK_COLUMNS} FROM bank_lines WHERE txn_date BETWEEN ? AND ? ORDER BY txn_time, id`)
    .all(from, to) as StoredBankLine[];
}

export function txnsByIds(book: Book, ids: readonly number[]): StoredTxn[] {
  const stmt = book.db.prepare(`SELECT ${TXN_COLUMNS} FROM pos_transactions WHERE id = ?`);
  return ids.flatMap((id) => (stmt.get(id) as StoredTxn | undefined) ?? []);
}
