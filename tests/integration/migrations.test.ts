/**
 * Every released schema migrates forward with its data intact. For each migration, a book is made at
 * the schema just before it (the migrations folder cut after that point), filled with real data, then
 * opened by this build: backed up first, migrated, nothing lost. The queries the app relies on are
 * checked to use their indexes.
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Book } from '../../electron/db/book';
import { backupsDirOf, createBook, openBook } from '../../electron/db/book';
import {
  DAY_GROUPS_SQL,
  POS_DAY_GROUPS_SQL,
  keptDayGroups,
  posDayGroups,
  readKeptDayGroups,
} from '../../electron/db/charts-repo';
import { undoBatch } from '../../electron/db/import-repo';
import { knownSchemaVersion, sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { ImportService } from '../../electron/services/import-service';
import { SAMPLES, bookCounts } from './support/book';
import { useTempDir } from './support/temp';

type Journal = { entries: { idx: number; tag: string }[] };
const full = sourceMigrationsDir();
const journal = JSON.parse(readFileSync(join(full, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(dir: string, count: number): string {
  const out = join(dir, `migrations-${count}`);
  cpSync(full, out, { recursive: true });
  const kept = journal.entries.slice(0, count);
  writeFileSync(join(out, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const f of readdirSync(out)) {
    if (f.endsWith('.sql') && !kept.some((e) => f === `${e.tag}.sql`)) rmSync(join(out, f));
  }
  return out;
}

/** Copy every row of the tables `db` has from the book at `sourcePath`, over their common columns. */
function copyTables(db: Database.Database, sourcePath: string): void {
  db.prepare('ATTACH DATABASE ? AS src').run(sourcePath);
  const tables = db
    .prepare(
      "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .pluck()
    .all() as string[];
  db.transaction(() => {
    for (const t of ['import_batches', 'source_rows', 'pos_transactions', 'bank_lines', ...tables]) {
      if (!tables.includes(t)) continue;
      const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).map(
        (c) => `"${c}"`,
      );
      db.exec(
        `INSERT OR IGNORE INTO main."${t}" (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM src."${t}"`,
      );
    }
  })();
  db.exec('DETACH DATABASE src');
}

/**
 * A book at schema `version` holding the example month: imported by today's code into a current book,
 * then copied into the old schema's tables (columns both have), as a book of that version held it.
 */
async function exampleBookAt(dir: string, path: string, version: number): Promise<Book> {
  const book = createBook(path, {
    migrationsDir: migrationsUpTo(dir, version),
    appVersion: `old-${version}`,
  });
  const source = createBook(join(dir, 'source.feetrail'), { migrationsDir: full, appVersion: 'src' });
  const imports = new ImportService();
  await imports.importFile(source, join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'), 'pos_export.xlsx');
  await imports.importFile(source, join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'), 'bank.xlsx');
  source.close();
  copyTables(book.db, join(dir, 'source.feetrail'));
  return book;
}

/** The query plan's lines joined with ` | `. */
function planOf(book: Book, sql: string, ...params: unknown[]): string {
  return (book.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

const AUGUST = ['2026-08-01', '2026-08-31'] as const;

describe('schema migrations', () => {
  const tempDir = useTempDir();
  const latest = knownSchemaVersion(full);

  it('the journal and the SQL files agree', () => {
    const sql = readdirSync(full)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(sql).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
    expect(latest).toBe(journal.entries.length);
  });

  for (let v = 1; v < journal.entries.length; v++) {
    it(`a book at schema ${v} (${journal.entries[v - 1]?.tag}) migrates to ${latest} with its data intact`, async () => {
      const dir = tempDir();
      const path = join(dir, `v${v}.feetrail`);
      const book = await exampleBookAt(dir, path, v);
      const before = bookCounts(book);
      const feeBefore = book.db.prepare('SELECT sum(fee_fen) FROM pos_transactions').pluck().get();
      book.close();

      const migrated = openBook(path, { migrationsDir: full, appVersion: 'new' });
      expect(migrated.schemaVersion).toBe(latest);
      expect(migrated.db.pragma('user_version', { simple: true })).toBe(latest);
      const after = bookCounts(migrated);
      for (const [table, n] of Object.entries(before)) {
        if (table !== 'audit_log') expect(after[table]).toBe(n);
      }
      expect(migrated.db.prepare('SELECT sum(fee_fen) FROM pos_transactions').pluck().get()).toBe(feeBefore);
      expect(migrated.db.pragma('foreign_key_check')).toEqual([]);
      expect(migrated.db.pragma('integrity_check', { simple: true })).toBe('ok');
      migrated.close();

      const backups = readdirSync(backupsDirOf(path));
      expect(backups).toHaveLength(1);
      const copy = new Database(join(backupsDirOf(path), backups[0] ?? ''), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(v);
      expect(copy.prepare('SELECT count(*) FROM pos_transactions').pluck().get()).toBe(
        before['pos_transactions'],
      );
      copy.close();
    });
  }

  it('0002: the chart day groups come out the same, now summed from the covering index alone', async () => {
    const dir = tempDir();
    const path = join(dir, 'v2.feetrail');
    const book = await exampleBookAt(dir, path, 2);
    // Before: the date index finds the rows, each row is looked up and the groups are sorted.
    expect(planOf(book, POS_DAY_GROUPS_SQL, ...AUGUST)).toMatch(
      /^SEARCH pos_transactions USING INDEX pos_transactions_date_idx .*TEMP B-TREE FOR GROUP BY/,
    );
    const groups = posDayGroups(book, ...AUGUST);
    expect(groups.length).toBeGreaterThan(31);
    book.close();

    const migrated = openBook(path, { migrationsDir: full, appVersion: 'new' });
    expect(planOf(migrated, POS_DAY_GROUPS_SQL, ...AUGUST)).toBe(
      'SEARCH pos_transactions USING COVERING INDEX pos_transactions_date_cover_idx (txn_date>? AND txn_date<?)',
    );
    expect(posDayGroups(migrated, ...AUGUST)).toEqual(groups);
    const indexes = migrated.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pos_transactions'")
      .pluck()
      .all();
    expect(indexes).toContain('pos_transactions_date_cover_idx');
    expect(indexes).not.toContain('pos_transactions_date_idx');
    migrated.close();
  });

  it('0003: the chart day groups are kept summed, backfilled equal to the rows, and kept so by triggers', async () => {
    const dir = tempDir();
    const path = join(dir, 'v3.feetrail');
    const book = await exampleBookAt(dir, path, 3);
    const groups = posDayGroups(book, ...AUGUST);
    expect(groups.length).toBeGreaterThan(31);
    book.close();

    const migrated = openBook(path, { migrationsDir: full, appVersion: 'new' });
    // Backfilled by the migration: nothing stale, the kept rows equal the rows' own sums.
    expect(migrated.db.prepare('SELECT count(*) FROM chart_stale_days').pluck().get()).toBe(0);
    expect(migrated.db.prepare(DAY_GROUPS_SQL).all(...AUGUST)).toEqual(groups);
    expect(keptDayGroups(migrated, ...AUGUST)).toEqual(groups);
    const triggers = migrated.db
      .prepare("SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual([
      'import_batches.import_batches_chart_days',
      'pos_transactions.pos_transactions_chart_update',
    ]);
    // A batch written or undone marks its days from the two covering indexes, no row read.
    expect(
      planOf(
        migrated,
        `SELECT txn_date FROM pos_transactions WHERE txn_date BETWEEN ? AND ?
         UNION SELECT txn_date FROM chart_day_groups WHERE txn_date BETWEEN ? AND ?`,
        ...AUGUST,
        ...AUGUST,
      ),
    ).toMatch(
      /SEARCH pos_transactions USING COVERING INDEX pos_transactions_date_cover_idx .*SEARCH chart_day_groups USING COVERING INDEX chart_day_groups_key_idx/,
    );
    // Read in key order from its index (no sort); stale days re-summed from the covering index.
    expect(planOf(migrated, DAY_GROUPS_SQL, ...AUGUST)).toBe(
      'SEARCH chart_day_groups USING INDEX chart_day_groups_key_idx (txn_date>? AND txn_date<?)',
    );
    const staleDays = 'SELECT txn_date FROM chart_stale_days WHERE txn_date BETWEEN ? AND ?';
    expect(
      planOf(
        migrated,
        `SELECT count(*) FROM pos_transactions WHERE txn_date IN (${staleDays})
         GROUP BY txn_date, channel, card_kind, merchant_no, terminal_id`,
        ...AUGUST,
      ),
    ).toMatch(
      /^SEARCH pos_transactions USING COVERING INDEX pos_transactions_date_cover_idx \(txn_date=\?\)/,
    );
    expect(planOf(migrated, staleDays, ...AUGUST)).toMatch(/^SEARCH chart_stale_days USING COVERING INDEX/);
    migrated.close();
  });

  it('0004: a POS batch written or undone re-sums its days in its own transaction, none left stale', async () => {
    const dir = tempDir();
    const path = join(dir, 'v4.feetrail');
    const book = await exampleBookAt(dir, path, 4);
    const groups = posDayGroups(book, ...AUGUST);
    book.close();

    const migrated = openBook(path, { migrationsDir: full, appVersion: 'new' });
    expect(readKeptDayGroups(migrated, ...AUGUST)).toEqual(groups);
    const pos = migrated.db
      .prepare("SELECT id FROM import_batches WHERE kind = 'pos' AND status = 'committed'")
      .pluck()
      .get() as number;
    undoBatch(migrated, pos, '2026-09-05 10:00:00');
    // Re-summed by the trigger as the undo marked the batch: nothing stale, nothing left of August.
    expect(migrated.db.prepare('SELECT count(*) FROM chart_stale_days').pluck().get()).toBe(0);
    expect(readKeptDayGroups(migrated, ...AUGUST)).toEqual([]);
    expect(posDayGroups(migrated, ...AUGUST)).toEqual([]);
    migrated.close();
  });

  it('the queries the app relies on use their indexes', () => {
    const book = createBook(join(tempDir(), 'plan.feetrail'), { migrationsDir: full, appVersion: 't' });
    const plan = (sql: string, ...params: unknown[]) => planOf(book, sql, ...params);
    // The charts' day groups: no SCAN of pos_transactions, no row lookups, no sort.
    expect(plan(POS_DAY_GROUPS_SQL, ...AUGUST)).toBe(
      'SEARCH pos_transactions USING COVERING INDEX pos_transactions_date_cover_idx (txn_date>? AND txn_date<?)',
    );
    expect(plan(DAY_GROUPS_SQL, ...AUGUST)).toBe(
      'SEARCH chart_day_groups USING INDEX chart_day_groups_key_idx (txn_date>? AND txn_date<?)',
    );
    expect(
      plan('SELECT DISTINCT txn_date FROM pos_transactions WHERE txn_date BETWEEN ? AND ?', ...AUGUST),
    ).toMatch(/^SEARCH pos_transactions USING COVERING INDEX pos_transactions_date_cover_idx/);
    expect(plan('SELECT count(*) FROM bank_lines WHERE txn_date BETWEEN ? AND ?', ...AUGUST)).toMatch(
      /^SEARCH bank_lines USING COVERING INDEX bank_lines_date_idx/,
    );
    // Reconciliation's load of a period (POS rows and bank lines by date).
    expect(plan('SELECT * FROM pos_transactions WHERE txn_date BETWEEN ? AND ?', ...AUGUST)).toMatch(
      /^SEARCH pos_transactions USING INDEX pos_transactions_date_cover_idx/,
    );
    expect(
      plan(
        'SELECT channel, sum(fee_fen) FROM pos_transactions WHERE channel = ? AND txn_date BETWEEN ? AND ? GROUP BY txn_date',
        'alipay',
        '2026-08-01',
        '2026-08-31',
      ),
    ).toMatch(/USING INDEX pos_transactions_channel_date_idx/);
    expect(plan('SELECT 1 FROM pos_transactions WHERE fingerprint = ?', 'x')).toMatch(
      /USING COVERING INDEX pos_transactions_fingerprint_uq|USING INDEX pos_transactions_fingerprint_uq/,
    );
    expect(plan('SELECT 1 FROM bank_lines WHERE fingerprint = ?', 'x')).toMatch(/bank_lines_fingerprint_uq/);
    expect(plan('SELECT * FROM pos_transactions WHERE ref_no = ?', '258000000057')).toMatch(
      /pos_transactions_ref_idx/,
    );
    expect(
      plan('SELECT * FROM bank_lines WHERE txn_date BETWEEN ? AND ?', '2026-08-01', '2026-08-31'),
    ).toMatch(/bank_lines_date_idx/);
    expect(plan('SELECT * FROM findings WHERE date BETWEEN ? AND ?', '2026-08-01', '2026-08-31')).toMatch(
      /findings_(date|kind_date)_idx/,
    );
    expect(plan('SELECT txn_id FROM finding_txns WHERE finding_id = ?', 1)).toMatch(/finding_txns_uq/);
    expect(
      plan("SELECT s.id FROM source_rows s WHERE s.fingerprint = ? AND s.outcome = 'duplicate'", 'x'),
    ).toMatch(/source_rows_fingerprint_idx/);
    book.close();
  });
});
