import { join } from 'node:path';
import type { Book } from '../../../electron/db/book';
import { createBook } from '../../../electron/db/book';
import { sourceMigrationsDir } from '../../../electron/db/migrations-dir';
import type { Services } from '../../../electron/services/create-services';
import { createServices } from '../../../electron/services/create-services';
import type { BankLine, PosTxn } from '../../../shared/domain/types';

export const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;

export function newBook(dir: string, name = 'shop'): Book {
  return createBook(join(dir, `${name}.feetrail`), {
    migrationsDir: sourceMigrationsDir(),
    appVersion: '0.0.0-test',
  });
}

/** The app's services, built as the desktop and the host build them, with `dir` as their data folder. */
export function servicesIn(dir: string): Services {
  return createServices({
    dataDir: dir,
    door: 'cli',
    appVersion: 't',
    migrationsDir: sourceMigrationsDir(),
    rememberRecent: false,
  });
}

/** servicesIn(dir) on a new book `shop.feetrail` in `dir`. */
export function servicesOnNewBook(dir: string): Services {
  const s = servicesIn(dir);
  s.books.createAt(join(dir, 'shop.feetrail'));
  return s;
}

/** Every row count that an import may change, to prove a refused import changed nothing. */
export function bookCounts(book: Book): Record<string, number> {
  const tables = [
    'import_batches',
    'source_rows',
    'pos_transactions',
    'bank_lines',
    'mapping_templates',
    'audit_log',
  ];
  return Object.fromEntries(
    tables.map((t) => [t, (book.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

const POS_SQL = `SELECT merchant_no AS merchantNo, terminal_id AS terminalId, txn_time AS txnTime, card_no AS cardNo,
  card_kind AS cardKind, channel, txn_type AS txnType, status, amount_fen AS amountFen, fee_fen AS feeFen,
  settle_fen AS settleFen, settle_date AS settleDate, ref_no AS refNo, orig_ref_no AS origRefNo, trace_no AS traceNo,
  batch_no AS batchNo FROM pos_transactions ORDER BY id`;

export function storedPos(book: Book): PosTxn[] {
  return book.db.prepare(POS_SQL).all() as PosTxn[];
}

const BANK_SQL = `SELECT txn_time AS txnTime, credit_fen AS creditFen, debit_fen AS debitFen, balance_fen AS balanceFen,
  counterparty, counterparty_account AS counterpartyAccount, summary, currency FROM bank_lines ORDER BY id`;

export function storedBank(book: Book): BankLine[] {
  return book.db.prepare(BANK_SQL).all() as BankLine[];
}
