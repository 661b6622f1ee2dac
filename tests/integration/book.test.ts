import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FEETRAIL_APPLICATION_ID } from '../../electron/db/book-file';
import { backupsDirOf, createBook, openBook } from '../../electron/db/book';
import { knownSchemaVersion, sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { FeeTrailError } from '../../shared/result';
import { sha256Of, useTempDir } from './support/temp';

const options = { migrationsDir: sourceMigrationsDir(), appVersion: '0.0.0-test' };

function expectRefusal(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FeeTrailError);
    expect((e as FeeTrailError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ${code} refusal`);
}

describe('the book file', () => {
  const tempDir = useTempDir();

  it('a new book is stamped, fully migrated, in WAL mode with foreign keys on', () => {
    const path = join(tempDir(), 'shop.feetrail');
    const book = createBook(path, options);
    expect(book.schemaVersion).toBe(knownSchemaVersion(options.migrationsDir));
    expect(book.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(book.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(book.db.pragma('application_id', { simple: true })).toBe(FEETRAIL_APPLICATION_ID);
    const tables = book.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'import_batches',
        'source_rows',
        'pos_transactions',
        'bank_lines',
        'audit_log',
      ]),
    );
    book.close();
    const again = openBook(path, options);
    expect(again.db.prepare('SELECT value FROM book_meta WHERE key = ?').get('created_by_version')).toEqual({
      value: '0.0.0-test',
    });
    again.close();
  });

  it('creating a book over an existing file is refused', () => {
    const path = join(tempDir(), 'taken.feetrail');
    writeFileSync(path, 'hello');
    expectRefusal(() => createBook(path, options), 'book_exists');
  });

  it('a file that is not SQLite is refused and left byte-for-byte unchanged', () => {
    const path = join(tempDir(), 'notes.feetrail');
    writeFileSync(path, '这不是账本 — just some text\n'.repeat(20));
    const before = sha256Of(path);
    expectRefusal(() => openBook(path, options), 'book_not_feetrail');
    expect(sha256Of(path)).toBe(before);
  });

  it('an empty file is refused and left unchanged', () => {
    const path = join(tempDir(), 'empty.feetrail');
    writeFileSync(path, '');
    expectRefusal(() => openBook(path, options), 'book_not_feetrail');
    expect(readFileSync(path).length).toBe(0);
  });

  it('a SQLite database of another program is refused and left unchanged', () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1);');
    other.close();
    const before = sha256Of(path);
    expectRefusal(() => openBook(path, options), 'book_not_feetrail');
    expect(sha256Of(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('a book written by a newer FeeTrail is refused and left unchanged', () => {
    const path = join(tempDir(), 'future.feetrail');
    createBook(path, options).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${knownSchemaVersion(options.migrationsDir) + 3}`);
    raw.close();
    const before = sha256Of(path);
    expectRefusal(() => openBook(path, options), 'book_newer_version');
    expect(sha256Of(path)).toBe(before);
  });

  it('a damaged book is refused and left unchanged', () => {
    const path = join(tempDir(), 'damaged.feetrail');
    const book = createBook(path, options);
    const insert = book.db.prepare('INSERT INTO audit_log(at, action, details_json) VALUES (?, ?, ?)');
    book.db.transaction(() => {
      for (let i = 0; i < 2000; i++)
        insert.run('2026-08-01 00:00:00', 'filler', JSON.stringify({ i, pad: 'x'.repeat(200) }));
    })();
    book.close();
    // Overwrite a stretch of pages in the middle with garbage, keeping the header intact.
    const fd = readFileSync(path);
    for (let i = 8192; i < 8192 + 16384 && i < fd.length; i++) fd[i] = (i * 7) & 0xff;
    writeFileSync(path, fd);
    const before = sha256Of(path);
    expectRefusal(() => openBook(path, options), 'book_corrupt');
    expect(sha256Of(path)).toBe(before);
  });

  it('a book at an older schema is backed up, then migrated with its data intact', () => {
    const dir = tempDir();
    const path = join(dir, 'old.feetrail');
    const book = createBook(path, options);
    book.db.prepare('INSERT INTO audit_log(at, action) VALUES (?, ?)').run('2026-08-01 10:00:00', 'kept');
    book.close();
    const before = sha256Of(path);
    // A later FeeTrail: the same migrations plus one more.
    const newer = join(dir, 'migrations');
    cpSync(options.migrationsDir, newer, { recursive: true });
    writeFileSync(
      join(newer, '9999_test_extra.sql'),
      'CREATE TABLE `extra_test` (`id` integer PRIMARY KEY);',
    );
    const journalPath = join(newer, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Record<string, unknown>[] };
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: Date.now(),
      tag: '9999_test_extra',
      breakpoints: true,
    });
    writeFileSync(journalPath, JSON.stringify(journal));

    let backup = '';
    const migrated = openBook(path, { ...options, migrationsDir: newer, onBackup: (p) => (backup = p) });
    expect(migrated.schemaVersion).toBe(knownSchemaVersion(options.migrationsDir) + 1);
    expect(
      migrated.db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra_test'").get(),
    ).toBeTruthy();
    expect(migrated.db.prepare("SELECT action FROM audit_log WHERE action = 'kept'").get()).toEqual({
      action: 'kept',
    });
    migrated.close();

    expect(readdirSync(backupsDirOf(path))).toHaveLength(1);
    expect(existsSync(backup)).toBe(true);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(options.migrationsDir));
    expect(copy.prepare("SELECT action FROM audit_log WHERE action = 'kept'").get()).toEqual({
      action: 'kept',
    });
    expect(copy.prepare("SELECT name FROM sqlite_master WHERE name = 'extra_test'").get()).toBeUndefined();
    copy.close();
    expect(before).not.toBe(sha256Of(path));

    // The older FeeTrail now refuses the migrated book, unchanged.
    const after = sha256Of(path);
    expectRefusal(() => openBook(path, options), 'book_newer_version');
    expect(sha256Of(path)).toBe(after);
  });
});
