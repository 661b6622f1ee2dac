/**
 * The book's schema. drizzle-kit generates the numbered SQL migrations in ./migrations from this file
 * (`npm run db:generate`); a migration is never edited after it lands.
 *
 * Money columns hold integer fen. Time columns hold China wall-clock text `YYYY-MM-DD HH:mm:ss`
 * exactly as printed in the source file; `*_date` columns hold `YYYY-MM-DD` for indexed range queries.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CardKind, Channel, TxnStatus, TxnType } from '../../shared/domain/types';

/** Key/value facts about the book itself: who created it, which version last opened it. */
export const bookMeta = sqliteTable('book_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Append-only record of what changed the book and why (imports, undo, close, reopen…). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    action: text('action').notNull(),
    detailsJson: text('details_json').notNull().default('{}'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/** One imported file. The original is kept in the book's attachment store under its SHA-256. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').$type<'pos' | 'bank'>().notNull(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    sha256: text('sha256').notNull(),
    format: text('format').$type<'xlsx' | 'xls' | 'csv'>().notNull(),
    encoding: text('encoding'),
    sheet: text('sheet'),
    headerRow: integer('header_row'),
    mappingJson: text('mapping_json').notNull(),
    templateId: integer('template_id'),
    importedAt: text('imported_at').notNull(),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsAdded: integer('rows_added').notNull().default(0),
    rowsDuplicate: integer('rows_duplicate').notNull().default(0),
    rowsSkipped: integer('rows_skipped').notNull().default(0),
    firstDate: text('first_date'),
    lastDate: text('last_date'),
    status: text('status').$type<'committed' | 'undone'>().notNull().default('committed'),
    undoneAt: text('undone_at'),
  },
  (t) => [index('import_batches_sha_idx').on(t.sha256)],
);

/** Every data row of every imported file, with its original cells: the provenance evidence cites. */
export const sourceRows = sqliteTable(
  'source_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    sheet: text('sheet').notNull(),
    rowNumber: integer('row_number').notNull(),
    cellsJson: text('cells_json').notNull(),
    outcome: text('outcome').$type<'added' | 'duplicate' | 'skipped'>().notNull(),
    fingerprint: text('fingerprint'),
    reason: text('reason'),
  },
  (t) => [
    index('source_rows_batch_idx').on(t.batchId),
    index('source_rows_fingerprint_idx').on(t.fingerprint),
  ],
);

export const posTransactions = sqliteTable(
  'pos_transactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRowId: integer('source_row_id')
      .notNull()
      .references(() => sourceRows.id),
    fingerprint: text('fingerprint').notNull(),
    merchantNo: text('merchant_no'),
    terminalId: text('terminal_id'),
    txnTime: text('txn_time').notNull(),
    txnDate: text('txn_date').notNull(),
    cardNo: text('card_no'),
    cardKind: text('card_kind').$type<CardKind>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    txnType: text('txn_type').$type<TxnType>().notNull(),
    status: text('status').$type<TxnStatus>().notNull(),
    amountFen: integer('amount_fen').notNull(),
    feeFen: integer('fee_fen'),
    settleFen: integer('settle_fen'),
    settleDate: text('settle_date'),
    refNo: text('ref_no'),
    origRefNo: text('orig_ref_no'),
    traceNo: text('trace_no'),
    batchNo: text('batch_no'),
  },
  (t) => [
    uniqueIndex('pos_transactions_fingerprint_uq').on(t.fingerprint),
    index('pos_transactions_date_idx').on(t.txnDate),
    index('pos_transactions_channel_date_idx').on(t.channel, t.txnDate),
    index('pos_transactions_terminal_date_idx').on(t.terminalId, t.txnDate),
    index('pos_transactions_ref_idx').on(t.refNo),
    index('pos_transactions_batch_idx').on(t.batchId),
  ],
);

export const bankLines = sqliteTable(
  'bank_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRowId: integer('source_row_id')
      .notNull()
      .references(() => sourceRows.id),
    fingerprint: text('fingerprint').notNull(),
    txnTime: text('txn_time').notNull(),
    txnDate: text('txn_date').notNull(),
    creditFen: integer('credit_fen').notNull().default(0),
    debitFen: integer('debit_fen').notNull().default(0),
    balanceFen: integer('balance_fen'),
    counterparty: text('counterparty'),
    counterpartyAccount: text('counterparty_account'),
    summary: text('summary'),
    currency: text('currency'),
  },
  (t) => [
    uniqueIndex('bank_lines_fingerprint_uq').on(t.fingerprint),
    index('bank_lines_date_idx').on(t.txnDate),
    index('bank_lines_batch_idx').on(t.batchId),
  ],
);

/** Saved column mappings, recognised next time by the header signature of the file. */
export const mappingTemplates = sqliteTable(
  'mapping_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').$type<'pos' | 'bank'>().notNull(),
    headerSignature: text('header_signature').notNull(),
    mappingJson: text('mapping_json').notNull(),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'))`),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mapping_templates_name_uq').on(t.name),
    index('mapping_templates_sig_idx').on(t.headerSignature),
  ],
);
