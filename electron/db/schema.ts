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
    // Covers every column the day groups of the charts read (electron/db/charts-repo.ts posDayGroups),
    // in GROUP BY order: a year of series is summed from this index alone, without touching the rows
    // or sorting. Its prefix serves every other date-range query (it replaced the plain date index).
    index('pos_transactions_date_cover_idx').on(
      t.txnDate,
      t.channel,
      t.cardKind,
      t.merchantNo,
      t.terminalId,
      t.status,
      t.txnType,
      t.amountFen,
      t.feeFen,
      t.settleFen,
    ),
    index('pos_transactions_channel_date_idx').on(t.channel, t.txnDate),
    index('pos_transactions_terminal_date_idx').on(t.terminalId, t.txnDate),
    index('pos_transactions_ref_idx').on(t.refNo),
    index('pos_transactions_batch_idx').on(t.batchId),
  ],
);

/**
 * The charts' day groups of pos_transactions (electron/db/charts-repo.ts POS_DAY_GROUPS_SQL), kept
 * summed so a year of series reads a few thousand rows instead of summing 100,000. Exact by
 * construction, with triggers (migrations 0003 and 0004; not expressible here) in the transaction that
 * changes the rows: a POS batch written or undone re-sums its days from pos_transactions with the same
 * SQL; an edit of a summed column lists the row's days in chart_stale_days, which charts-repo re-sums
 * before it reads any of them.
 */
export const chartDayGroups = sqliteTable(
  'chart_day_groups',
  {
    txnDate: text('txn_date').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    cardKind: text('card_kind').$type<CardKind>().notNull(),
    merchantNo: text('merchant_no'),
    terminalId: text('terminal_id'),
    turnoverFen: integer('turnover_fen').notNull(),
    feesFen: integer('fees_fen').notNull(),
    txnCount: integer('txn_count').notNull(),
    salesFen: integer('sales_fen').notNull(),
    salesCount: integer('sales_count').notNull(),
  },
  (t) => [index('chart_day_groups_key_idx').on(t.txnDate, t.channel, t.cardKind, t.merchantNo, t.terminalId)],
);

/** Days whose chart_day_groups no longer match pos_transactions (filled by the triggers of 0003). */
export const chartStaleDays = sqliteTable('chart_stale_days', {
  txnDate: text('txn_date').primaryKey(),
});

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

/** Book-wide settings as JSON values (settlement cycle, acquirer keywords, report details…). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A merchant's rate card (the JSON of shared/domain/rate-card.ts, with its versions). Several cards
 * may exist, scoped to a merchant no. or terminal; the unscoped one applies to everything else.
 */
export const rateCards = sqliteTable('rate_cards', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  cardJson: text('card_json').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Agreements the merchant recorded that explain acquirer debits (annual SIM fee…). */
export const deductionAgreements = sqliteTable('deduction_agreements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  agreementJson: text('agreement_json').notNull(),
  createdAt: text('created_at').notNull(),
});

/** One reconciliation run over a date range, with its summary. */
export const reconcileRuns = sqliteTable(
  'reconcile_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    ranAt: text('ran_at').notNull(),
    /** The newest import batch the run saw, to tell whether a later import made it stale. */
    lastBatchId: integer('last_batch_id'),
    summaryJson: text('summary_json').notNull(),
  },
  (t) => [index('reconcile_runs_period_idx').on(t.periodFrom, t.periodTo)],
);

export type FindingState =
  'open' | 'accepted' | 'dismissed' | 'to_dispute' | 'disputed' | 'resolved' | 'rejected';

/**
 * What reconciliation found. Re-running replaces open findings; a finding the user triaged keeps its
 * state when the same fingerprint comes back.
 */
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id').references(() => reconcileRuns.id, { onDelete: 'set null' }),
    fingerprint: text('fingerprint').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    date: text('date').notNull(),
    channel: text('channel'),
    terminalId: text('terminal_id'),
    merchantNo: text('merchant_no'),
    expectedFen: integer('expected_fen'),
    actualFen: integer('actual_fen'),
    deltaFen: integer('delta_fen').notNull(),
    refNosJson: text('ref_nos_json').notNull().default('[]'),
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
    detailsJson: text('details_json').notNull().default('{}'),
    state: text('state').$type<FindingState>().notNull().default('open'),
    triageReason: text('triage_reason'),
    triagedAt: text('triaged_at'),
    recoveredFen: integer('recovered_fen').notNull().default(0),
    /** False when the last run over this finding's dates no longer found it. */
    current: integer('current', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('findings_fingerprint_uq').on(t.fingerprint),
    index('findings_date_idx').on(t.date),
    index('findings_kind_date_idx').on(t.kind, t.date),
    index('findings_state_idx').on(t.state),
  ],
);

export const findingTxns = sqliteTable(
  'finding_txns',
  {
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    txnId: integer('txn_id')
      .notNull()
      .references(() => posTransactions.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('finding_txns_uq').on(t.findingId, t.txnId), index('finding_txns_txn_idx').on(t.txnId)],
);

export const findingBankLines = sqliteTable(
  'finding_bank_lines',
  {
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    bankLineId: integer('bank_line_id')
      .notNull()
      .references(() => bankLines.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('finding_bank_lines_uq').on(t.findingId, t.bankLineId),
    index('finding_bank_lines_line_idx').on(t.bankLineId),
  ],
);

export type DisputeStatus = 'draft' | 'submitted' | 'under_review' | 'resolved' | 'rejected' | 'withdrawn';

export const disputes = sqliteTable(
  'disputes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseNo: text('case_no').notNull(),
    title: text('title').notNull(),
    acquirer: text('acquirer').notNull(),
    merchantName: text('merchant_name'),
    merchantNo: text('merchant_no'),
    terminalsJson: text('terminals_json').notNull().default('[]'),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    claimedFen: integer('claimed_fen').notNull(),
    claimedReason: text('claimed_reason'),
    remedy: text('remedy'),
    deadline: text('deadline'),
    status: text('status').$type<DisputeStatus>().notNull().default('draft'),
    recoveredFen: integer('recovered_fen').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('disputes_case_no_uq').on(t.caseNo), index('disputes_status_idx').on(t.status)],
);

export const disputeFindings = sqliteTable(
  'dispute_findings',
  {
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id),
  },
  (t) => [
    uniqueIndex('dispute_findings_uq').on(t.disputeId, t.findingId),
    index('dispute_findings_finding_idx').on(t.findingId),
  ],
);

/** The case timeline: every status change, contact and generated document. */
export const disputeEvents = sqliteTable(
  'dispute_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    type: text('type').$type<'created' | 'status' | 'contact' | 'document' | 'note' | 'edited'>().notNull(),
    /** Contact log: hotline, app, email, sms, letter, regulator. */
    channel: text('channel'),
    ticketNo: text('ticket_no'),
    person: text('person'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    /** Generated documents: file name and SHA-256. */
    documentName: text('document_name'),
    documentSha256: text('document_sha256'),
  },
  (t) => [index('dispute_events_dispute_idx').on(t.disputeId, t.at)],
);

/** Month close: a closed month refuses imports, undo and triage that would change it. */
export const periods = sqliteTable('periods', {
  month: text('month').primaryKey(),
  state: text('state').$type<'open' | 'closed'>().notNull(),
  noTradeDaysJson: text('no_trade_days_json').notNull().default('[]'),
  closedAt: text('closed_at'),
  reopenedAt: text('reopened_at'),
  reopenReason: text('reopen_reason'),
});
