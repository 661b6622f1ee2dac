/**
 * Opening, creating and migrating a book: one SQLite file per shop.
 *
 * Order matters for the promise "a file that is not a FeeTrail book, or a book from a newer FeeTrail,
 * is refused and left byte-for-byte unchanged": the header is read with plain fs first, then SQLite
 * opens the file read-only to check integrity and versions, and only then is it opened for writing.
 * Pending migrations run after a consistent copy of the book has been written to its backups folder.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { FeeTrailError } from '../../shared/result';
import { BOOK_EXTENSION, FEETRAIL_APPLICATION_ID, readBookHeader } from './book-file';
import { knownSchemaVersion } from './migrations-dir';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export type Book = {
  readonly path: string;
  readonly name: string;
  readonly db: SqliteDatabase;
  readonly orm: Orm;
  readonly schemaVersion: number;
  close(): void;
};

export type BookOpenOptions = {
  migrationsDir: string;
  appVersion: string;
  /** better-sqlite3's `nativeBinding`: the Electron-ABI build in the desktop app, unset in Node. */
  nativeBinding?: string;
  /** Called with the backup's path when a backup was written before migrating. */
  onBackup?: (path: string) => void;
  /** Clock for stamps, injectable for tests. Returns local wall-clock `YYYY-MM-DD HH:mm:ss`. */
  now?: () => string;
};

export function bookNameOf(path: string): string {
  const base = basename(path);
  return base.toLowerCase().endsWith(BOOK_EXTENSION) ? base.slice(0, -BOOK_EXTENSION.length) : base;
}

/** Local wall-clock time of this machine as `YYYY-MM-DD HH:mm:ss`, for audit stamps. */
export function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function backupsDirOf(bookPath: string): string {
  return join(dirname(bookPath), `${bookNameOf(bookPath)}.backups`);
}

function sqliteOptions(options: BookOpenOptions, extra: Database.Options = {}): Database.Options {
  return options.nativeBinding ? { ...extra, nativeBinding: options.nativeBinding } : extra;
}

function applyPragmas(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  // FULL: a bookkeeper's committed import must survive a power cut, and imports are one transaction each.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function wrap(path: string, db: SqliteDatabase, schemaVersion: number): Book {
  const orm = drizzle(db, { schema });
  return {
    path,
    name: bookNameOf(path),
    db,
    orm,
    schemaVersion,
    close: () => {
      if (db.open) {
        // Fold the WAL back into the book so the file on its own is complete (copies, backups, mail).
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}

function runMigrations(db: SqliteDatabase, options: BookOpenOptions, known: number): void {
  migrate(drizzle(db, { schema }), { migrationsFolder: options.migrationsDir });
  db.pragma(`user_version = ${known}`);
  db.pragma(`application_id = ${FEETRAIL_APPLICATION_ID}`);
}

function setMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO book_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Create a new, empty book at `path` (which must not exist yet) and open it. */
export function createBook(path: string, options: BookOpenOptions): Book {
  if (existsSync(path)) {
    throw new FeeTrailError('book_exists', `A file already exists at ${path}`, { path });
  }
  mkdirSync(dirname(path), { recursive: true });
  const known = knownSchemaVersion(options.migrationsDir);
  const db = new Database(path, sqliteOptions(options));
  try {
    applyPragmas(db);
    db.pragma(`application_id = ${FEETRAIL_APPLICATION_ID}`);
    runMigrations(db, options, known);
    const now = (options.now ?? localNow)();
    db.transaction(() => {
      setMeta(db, 'created_at', now);
      setMeta(db, 'created_by_version', options.appVersion);
      setMeta(db, 'last_opened_by_version', options.appVersion);
      db.prepare('INSERT INTO audit_log(at, action, details_json) VALUES (?, ?, ?)').run(
        now,
        'book.created',
        JSON.stringify({ version: options.appVersion }),
      );
    })();
    return wrap(path, db, known);
  } catch (e) {
    db.close();
    throw e;
  }
}

type Inspection = { userVersion: number };

/** Read-only checks: is this a healthy FeeTrail book this build can open? Never writes. */
function inspect(path: string, options: BookOpenOptions, known: number): Inspection {
  const header = readBookHeader(path);
  if (
    header.kind !== 'sqlite' ||
    (header.applicationId !== FEETRAIL_APPLICATION_ID && header.applicationId !== 0)
  ) {
    throw new FeeTrailError('book_not_feetrail', `${basename(path)} is not a FeeTrail book.`, { path });
  }
  if (header.userVersion > known) {
    throw new FeeTrailError(
      'book_newer_version',
      `${basename(path)} was written by a newer version of FeeTrail (schema ${header.userVersion}; this version knows ${known}). Update FeeTrail to open it.`,
      { path, bookSchema: header.userVersion, knownSchema: known },
    );
  }
  let ro: SqliteDatabase | undefined;
  try {
    ro = new Database(path, sqliteOptions(options, { readonly: true, fileMustExist: true }));
    const check = ro.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new FeeTrailError('book_corrupt', `${basename(path)} is damaged (${String(check)}).`, { path });
    }
    const applicationId = Number(ro.pragma('application_id', { simple: true }));
    const userVersion = Number(ro.pragma('user_version', { simple: true }));
    const hasMeta = ro
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'book_meta'")
      .get();
    if (applicationId !== FEETRAIL_APPLICATION_ID || (userVersion > 0 && !hasMeta)) {
      throw new FeeTrailError('book_not_feetrail', `${basename(path)} is not a FeeTrail book.`, { path });
    }
    if (userVersion > known) {
      throw new FeeTrailError(
        'book_newer_version',
        `${basename(path)} was written by a newer version of FeeTrail.`,
        {
          path,
          bookSchema: userVersion,
          knownSchema: known,
        },
      );
    }
    return { userVersion };
  } catch (e) {
    if (e instanceof FeeTrailError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') {
      throw new FeeTrailError('book_not_feetrail', `${basename(path)} is not a FeeTrail book.`, { path });
    }
    throw new FeeTrailError('book_corrupt', `${basename(path)} cannot be read: it is damaged.`, {
      path,
      sqlite: code,
    });
  } finally {
    ro?.close();
  }
}

/** Write a consistent copy of the book (SQLite's VACUUM INTO works on a read-only connection). */
export function backupBook(path: string, label: string, options: BookOpenOptions): string {
  const dir = backupsDirOf(path);
  mkdirSync(dir, { recursive: true });
  const stamp = (options.now ?? localNow)().replace(/[-: ]/g, '');
  let target = join(dir, `${bookNameOf(path)}-${label}-${stamp}${BOOK_EXTENSION}`);
  for (let i = 2; existsSync(target); i++) {
    target = join(dir, `${bookNameOf(path)}-${label}-${stamp}-${i}${BOOK_EXTENSION}`);
  }
  const ro = new Database(path, sqliteOptions(options, { readonly: true, fileMustExist: true }));
  try {
    ro.prepare('VACUUM INTO ?').run(target);
  } finally {
    ro.close();
  }
  return target;
}

/** Open an existing book: refuse foreign, damaged or newer files unchanged; back up, then migrate. */
export function openBook(path: string, options: BookOpenOptions): Book {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new FeeTrailError('book_not_found', `No book at ${path}`, { path });
  }
  const known = knownSchemaVersion(options.migrationsDir);
  const { userVersion } = inspect(path, options, known);
  if (userVersion < known && userVersion > 0) {
    const backup = backupBook(path, `before-v${known}`, options);
    options.onBackup?.(backup);
  }
  const db = new Database(path, sqliteOptions(options, { fileMustExist: true }));
  try {
    applyPragmas(db);
    if (userVersion < known) runMigrations(db, options, known);
    setMeta(db, 'last_opened_by_version', options.appVersion);
    return wrap(path, db, known);
  } catch (e) {
    db.close();
    throw e;
  }
}
