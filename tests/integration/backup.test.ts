import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/db/book';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import {
  autoBackup,
  backupBook,
  latestGoodBackup,
  listBackups,
  restoreBook,
} from '../../electron/services/backup-service';
import { ImportService } from '../../electron/services/import-service';
import { FeeTrailError } from '../../shared/result';
import { SAMPLES, bookCounts, newBook, servicesOnNewBook } from './support/book';
import { useTempDir } from './support/temp';

const options = { migrationsDir: sourceMigrationsDir(), appVersion: 't' };

describe('backups', () => {
  const tempDir = useTempDir();

  it('a backup and restore round trip brings back exactly the backed-up rows', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    await new ImportService().importFile(
      book,
      join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'),
      'bank.xlsx',
    );
    const backup = await backupBook(book, 'manual');
    const atBackup = bookCounts(book);
    await new ImportService().importFile(
      book,
      join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'),
      'pos.xlsx',
    );
    expect(bookCounts(book).pos_transactions).toBe(1888);
    const path = book.path;
    book.close();
    const r = restoreBook(path, backup.path);
    expect(r.savedCurrentAs).not.toBeNull();
    const restored = openBook(path, options);
    expect(bookCounts(restored)).toEqual(atBackup);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();
    // The state before the restore was kept, so the restore itself can be undone.
    const before = openBook(r.savedCurrentAs ?? '', options);
    expect(bookCounts(before).pos_transactions).toBe(1888);
    before.close();
  });

  it('every import through the app is preceded by an automatic backup, and only the newest ones are kept', async () => {
    const dir = tempDir();
    const s = servicesOnNewBook(dir);
    const book = s.books.require();
    await s.imports.importFile(book, join(SAMPLES, 'bank', 'abc-personal.xlsx'), 'abc.xlsx');
    expect(listBackups(book.path).filter((b) => b.auto)).toHaveLength(1);
    for (let i = 0; i < 3; i++) await autoBackup(book, 2);
    expect(listBackups(book.path).filter((b) => b.auto)).toHaveLength(2);
    s.close();
  });

  it('a damaged book is refused, and the newest good backup is offered', async () => {
    const dir = tempDir();
    const s = servicesOnNewBook(dir);
    const path = join(dir, 'shop.feetrail');
    const book = s.books.require();
    await new ImportService().importFile(
      book,
      join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'),
      'pos.xlsx',
    );
    const good = await backupBook(book, 'manual');
    s.books.closeCurrent();
    const bytes = readFileSync(path);
    for (let i = 8192; i < bytes.length - 4096; i += 4096) bytes.fill(0x5a, i, i + 512);
    writeFileSync(path, bytes);
    let error: FeeTrailError | undefined;
    try {
      s.books.openAt(path);
    } catch (e) {
      error = e as FeeTrailError;
    }
    expect(error?.code).toBe('book_corrupt');
    expect(error?.details?.['latestGoodBackup']).toMatchObject({ name: good.name });
    expect(latestGoodBackup(path)?.name).toBe(good.name);
    restoreBook(path, good.path);
    expect(s.books.openAt(path).counts.posTransactions).toBe(1888);
    s.close();
  });

  it('restoring from a file that is not a book is refused and changes nothing', () => {
    const dir = tempDir();
    const book = newBook(dir);
    const path = book.path;
    book.close();
    const junk = join(dir, 'junk.feetrail');
    writeFileSync(junk, 'not a book');
    const before = readFileSync(path);
    expect(() => restoreBook(path, junk)).toThrow(FeeTrailError);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
