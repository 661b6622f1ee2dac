/**
 * Writing one imported file into the book: the batch, every source row with its original cells, and the
 * normalised records, deduplicated by fingerprint. The caller holds the transaction (`runImportTransaction`),
 * so a file lands whole or not at all.
 *
 * Bulk rows go through prepared statements, not drizzle's row builder: 100k rows in one transaction is
 * the common case and the builder costs several times more per row.
 */
import type { Statement } from 'better-sqlite3';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { posReusedFingerprint } from '../../shared/import/fingerprint';
import type { RawCell } from '../../shared/import/raw';
import type { Book } from './book';

export type BatchMeta = {
  kind: 'pos' | 'bank';
  fileName: string;
  fileSize: number;
  sha256: string;
  format: 'xlsx' | 'xls' | 'csv';
  encoding: string | null;
  sheet: string | null;
  headerRow: number | null;
  mappingJson: string;
  templateId: number | null;
  importedAt: string;
};

/** Where a row came from: its original cells, or their JSON text when already serialised (import worker). */
export type SourceRef =
  | { sheet: string; row: number; cells: readonly RawCell[] }
  | { sheet: string; row: number; cellsJson: string };
/** `reused`: added, under posReusedFingerprint, as its 参考号 was another transaction's. */
export type RowOutcome = 'added' | 'duplicate' | 'reused';

export type BatchCounts = { total: number; added: number; duplicate: number; skipped: number };

export type BatchWriter = {
  readonly batchId: number;
  addPos(txn: PosTxn, fingerprint: string, source: SourceRef): RowOutcome;
  addBank(line: BankLine, fingerprint: string, source: SourceRef): RowOutcome;
  addSkipped(source: SourceRef, reason: string): void;
  /** The row number of this batch's first row written with `fingerprint`, if any. */
  firstRowOf(fingerprint: string): number | undefined;
  counts(): BatchCounts;
  /** Record the final counts and the date range on the batch row. */
  finish(): BatchCounts;
};

type StoredKey = { day: string; amount: number };

function dateOf(time: string): string {
  return time.slice(0, 10);
}

/**
 * The first row of a batch with a fingerprint, found through source_rows_fingerprint_idx. The `+` keeps
 * SQLite from taking source_rows_batch_idx instead (it does in a book without statistics), which would
 * walk every row of the batch written so far on each lookup: quadratic in the file's rows.
 */
export const FIRST_ROW_WITH_FINGERPRINT =
  'SELECT row_number FROM source_rows WHERE fingerprint = ? AND +batch_id = ? ORDER BY id LIMIT 1';

/** Start writing a batch. Must be called inside a transaction the caller commits or rolls back. */
export function openBatchWriter(book: Book, meta: BatchMeta): BatchWriter {
  const db = book.db;
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batches(kind, file_name, file_size, sha256, format, encoding, sheet, header_row,
           mapping_json, template_id, imported_at)
         VALUES (@kind, @fileName, @fileSize, @sha256, @format, @encoding, @sheet, @headerRow, @mappingJson,
           @templateId, @importedAt)`,
      )
      .run(meta).lastInsertRowid,
  );
  const insertSource: Statement = db.prepare(
    `INSERT INTO source_rows(batch_id, sheet, row_number, cells_json, outcome, fingerprint, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const posExists = db.prepare('SELECT 1 FROM pos_transactions WHERE fingerprint = ?').pluck();
  const posStored = db.prepare(
    'SELECT txn_date AS day, amount_fen AS amount FROM pos_transactions WHERE fingerprint = ?',
  );
  // Rows kept under a reused 参考号 whose first holder was undone since: their key is looked for too,
  // but only in a book that has such rows (a range of the fingerprint index; nearly every book has none).
  let anyReused =
    db
      .prepare(
        `SELECT 1 FROM pos_transactions WHERE fingerprint >= '["pos1r"' AND fingerprint < '["pos1s' LIMIT 1`,
      )
      .get() !== undefined;
  const bankExists = db.prepare('SELECT 1 FROM bank_lines WHERE fingerprint = ?').pluck();
  const insertPos = db.prepare(
    `INSERT INTO pos_transactions(batch_id, source_row_id, fingerprint, merchant_no, terminal_id, txn_time, txn_date,
       card_no, card_kind, channel, txn_type, status, amount_fen, fee_fen, settle_fen, settle_date, ref_no,
       orig_ref_no, trace_no, batch_no)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBank = db.prepare(
    `INSERT INTO bank_lines(batch_id, source_row_id, fingerprint, txn_time, txn_date, credit_fen, debit_fen,
       balance_fen, counterparty, counterparty_account, summary, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const firstRow = db.prepare(FIRST_ROW_WITH_FINGERPRINT).pluck();
  const exists = meta.kind === 'pos' ? posExists : bankExists;
  // firstRowOf asks the book whether a fingerprint is there before the row is added, and the add asks
  // the same of the same fingerprint next: the answer is kept for that one add (any add clears it).
  let asked: string | null = null;
  let askedExists = false;
  const isKnown = (lookup: Statement, fingerprint: string): boolean => {
    const known =
      asked === fingerprint && lookup === exists ? askedExists : lookup.get(fingerprint) !== undefined;
    asked = null;
    return known;
  };
  const counts: BatchCounts = { total: 0, added: 0, duplicate: 0, skipped: 0 };
  let firstDate: string | null = null;
  let lastDate: string | null = null;

  const source = (
    ref: SourceRef,
    outcome: string,
    fingerprint: string | null,
    reason: string | null,
  ): number =>
    Number(
      insertSource.run(
        batchId,
        ref.sheet,
        ref.row,
        'cellsJson' in ref ? ref.cellsJson : JSON.stringify(ref.cells),
        outcome,
        fingerprint,
        reason,
      ).lastInsertRowid,
    );

  const seeDate = (time: string): void => {
    const d = dateOf(time);
    if (firstDate === null || d < firstDate) firstDate = d;
    if (lastDate === null || d > lastDate) lastDate = d;
  };

  return {
    batchId,
    addPos(t, base, ref) {
      counts.total += 1;
      seeDate(t.txnTime);
      let fingerprint = base;
      const kept = anyReused && t.refNo !== null ? posReusedFingerprint(t) : null;
      if (kept !== null && posExists.get(kept) !== undefined) {
        fingerprint = kept;
        source(ref, 'duplicate', fingerprint, null);
        counts.duplicate += 1;
        return 'duplicate';
      }
      if (isKnown(posExists, base)) {
        // The 参考号 is in the book: the same transaction (a re-import, an overlapping export), or, on
        // another day or for another amount, another transaction that reuses it.
        const stored = t.refNo === null ? undefined : (posStored.get(base) as StoredKey | undefined);
        const reused =
          stored !== undefined && (stored.day !== dateOf(t.txnTime) || stored.amount !== t.amountFen);
        if (reused) fingerprint = posReusedFingerprint(t);
        if (!reused || posExists.get(fingerprint) !== undefined) {
          source(ref, 'duplicate', fingerprint, null);
          counts.duplicate += 1;
          return 'duplicate';
        }
      }
      const sourceRowId = source(ref, 'added', fingerprint, null);
      insertPos.run(
        batchId,
        sourceRowId,
        fingerprint,
        t.merchantNo,
        t.terminalId,
        t.txnTime,
        dateOf(t.txnTime),
        t.cardNo,
        t.cardKind,
        t.channel,
        t.txnType,
        t.status,
        t.amountFen,
        t.feeFen,
        t.settleFen,
        t.settleDate,
        t.refNo,
        t.origRefNo,
        t.traceNo,
        t.batchNo,
      );
      counts.added += 1;
      if (fingerprint === base) return 'added';
      anyReused = true;
      return 'reused';
    },
    addBank(l, fingerprint, ref) {
      counts.total += 1;
      seeDate(l.txnTime);
      if (isKnown(bankExists, fingerprint)) {
        source(ref, 'duplicate', fingerprint, null);
        counts.duplicate += 1;
        return 'duplicate';
      }
      const sourceRowId = source(ref, 'added', fingerprint, null);
      insertBank.run(
        batchId,
        sourceRowId,
        fingerprint,
        l.txnTime,
        dateOf(l.txnTime),
        l.creditFen,
        l.debitFen,
        l.balanceFen,
        l.counterparty,
        l.counterpartyAccount,
        l.summary,
        l.currency,
      );
      counts.added += 1;
      return 'added';
    },
    addSkipped(ref, reason) {
      counts.total += 1;
      counts.skipped += 1;
      source(ref, 'skipped', null, reason);
    },
    firstRowOf(fingerprint) {
      // A row of this batch with the fingerprint was either added or found to be a duplicate, so the
      // book's records hold that fingerprint: when they do not (nearly every row), no row of the batch
      // has it, and that answer comes from the records' unique index instead of source_rows'.
      askedExists = exists.get(fingerprint) !== undefined;
      asked = fingerprint;
      return askedExists ? (firstRow.get(fingerprint, batchId) as number | undefined) : undefined;
    },
    counts: () => ({ ...counts }),
    finish() {
      db.prepare(
        `UPDATE import_batches SET rows_total = ?, rows_added = ?, rows_duplicate = ?, rows_skipped = ?,
           first_date = ?, last_date = ? WHERE id = ?`,
      ).run(counts.total, counts.added, counts.duplicate, counts.skipped, firstDate, lastDate, batchId);
      return { ...counts };
    },
  };
}

let savepointSeq = 0;

/**
 * Run `work` (which may await between chunks of rows) inside one write transaction on the book's
 * connection. Any throw, cancellation included, rolls the whole of `work` back. Nested calls become
 * savepoints, so the CLI can import several files as one all-or-nothing unit.
 */
export async function runImportTransaction<T>(book: Book, work: () => Promise<T>): Promise<T> {
  const db = book.db;
  if (db.inTransaction) {
    const name = `import_${++savepointSeq}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (e) {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
      throw e;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

export type BatchRow = {
  id: number;
  kind: 'pos' | 'bank';
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  sheet: string | null;
  headerRow: number | null;
  templateId: number | null;
  importedAt: string;
  rowsTotal: number;
  rowsAdded: number;
  rowsDuplicate: number;
  rowsSkipped: number;
  firstDate: string | null;
  lastDate: string | null;
  status: 'committed' | 'undone';
  undoneAt: string | null;
};

const BATCH_COLUMNS = `id, kind, file_name AS fileName, file_size AS fileSize, sha256, format, sheet,
  header_row AS headerRow, template_id AS templateId, imported_at AS importedAt, rows_total AS rowsTotal,
  rows_added AS rowsAdded, rows_duplicate AS rowsDuplicate, rows_skipped AS rowsSkipped,
  first_date AS firstDate, last_date AS lastDate, status, undone_at AS undoneAt`;

export function listBatches(book: Book): BatchRow[] {
  return book.db.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batches ORDER BY id DESC`).all() as BatchRow[];
}

export function getBatch(book: Book, id: number): BatchRow | undefined {
  return book.db.prepare(`SELECT ${BATCH_COLUMNS} FROM import_batches WHERE id = ?`).get(id) as
    BatchRow | undefined;
}

/**
 * The committed batch of this file's `sheet`, if any: importing it again adds nothing. Another sheet
 * of the same workbook (a sheet per month) is another import.
 */
export function findCommittedBatchBySha(
  book: Book,
  sha256: string,
  kind: 'pos' | 'bank',
  sheet: string | null,
): BatchRow | undefined {
  return book.db
    .prepare(
      `SELECT ${BATCH_COLUMNS} FROM import_batches WHERE sha256 = ? AND kind = ? AND sheet IS ? AND status = 'committed' ORDER BY id LIMIT 1`,
    )
    .get(sha256, kind, sheet) as BatchRow | undefined;
}

/**
 * Roll a batch back. A row this batch added that a later batch also contained (recorded there as a
 * duplicate) is not lost: it is handed to that later batch, whose source row becomes its provenance.
 * Returns how many rows were removed and how many were handed on.
 */
export function undoBatch(book: Book, batchId: number, at: string): { removed: number; rehomed: number } {
  const db = book.db;
  let removed = 0;
  let rehomed = 0;
  db.transaction(() => {
    for (const table of ['pos_transactions', 'bank_lines'] as const) {
      const rows = db.prepare(`SELECT id, fingerprint FROM ${table} WHERE batch_id = ?`).all(batchId) as {
        id: number;
        fingerprint: string;
      }[];
      const heir = db.prepare(
        `SELECT s.id AS sourceRowId, s.batch_id AS batchId FROM source_rows s
           JOIN import_batches b ON b.id = s.batch_id
          WHERE s.fingerprint = ? AND s.outcome = 'duplicate' AND b.status = 'committed' AND b.id <> ?
          ORDER BY s.id LIMIT 1`,
      );
      const move = db.prepare(`UPDATE ${table} SET batch_id = ?, source_row_id = ? WHERE id = ?`);
      const promote = db.prepare(`UPDATE source_rows SET outcome = 'added' WHERE id = ?`);
      const drop = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
      for (const r of rows) {
        const h = heir.get(r.fingerprint, batchId) as { sourceRowId: number; batchId: number } | undefined;
        if (h) {
          move.run(h.batchId, h.sourceRowId, r.id);
          promote.run(h.sourceRowId);
          db.prepare(
            'UPDATE import_batches SET rows_added = rows_added + 1, rows_duplicate = rows_duplicate - 1 WHERE id = ?',
          ).run(h.batchId);
          rehomed += 1;
        } else {
          drop.run(r.id);
          removed += 1;
        }
      }
    }
    db.prepare(`UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(at, batchId);
    db.prepare('INSERT INTO audit_log(at, action, details_json) VALUES (?, ?, ?)').run(
      at,
      'import.undone',
      JSON.stringify({ batchId, removed, rehomed }),
    );
  })();
  return { removed, rehomed };
}
