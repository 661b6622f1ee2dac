/**
 * Backups of a book, with SQLite's online backup API (consistent even while the book is open): made by
 * hand, and automatically before every import (rotating, keeping the newest `keep`). Restoring first
 * backs up the current state, so a restore can itself be undone.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { FeeTrailError } from '../../shared/result';
import type { Book, BookOpenOptions } from '../db/book';
import { backupsDirOf, bookNameOf, localNow } from '../db/book';
import { readBookHeader, FEETRAIL_APPLICATION_ID } from '../db/book-file';

export type BackupInfo = { name: string; path: string; size: number; createdAt: string; auto: boolean };

export const DEFAULT_KEEP_AUTO_BACKUPS = 10;

function stampOf(now: string): string {
  return now.replace(/[-: ]/g, '');
}

export function listBackups(bookPath: string): BackupInfo[] {
  const dir = backupsDirOf(bookPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.feetrail'))
    .map((name) => {
      const path = join(dir, name);
      const st = statSync(path);
      return { name, path, size: st.size, createdAt: st.mtime.toISOString(), auto: name.includes('-auto-') };
    })
    .sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1,
    );
}

/** Write a consistent copy of the open book into its backups folder (or to `target`). */
export async function backupBook(
  book: Book,
  label: string,
  target?: string,
  now: () => string = localNow,
): Promise<BackupInfo> {
  const dir = backupsDirOf(book.path);
  mkdirSync(dir, { recursive: true });
  let path = target ?? join(dir, `${bookNameOf(book.path)}-${label}-${stampOf(now())}.feetrail`);
  for (let i = 2; !target && existsSync(path); i++)
    path = join(dir, `${bookNameOf(book.path)}-${label}-${stampOf(now())}-${i}.feetrail`);
  await book.db.backup(path);
  const st = statSync(path);
  return {
    name: basename(path),
    path,
    size: st.size,
    createdAt: st.mtime.toISOString(),
    auto: label.startsWith('auto'),
  };
}

/** The automatic backup before an import; keeps only the newest `keep` automatic ones. */
export async function autoBackup(
  book: Book,
  keep = DEFAULT_KEEP_AUTO_BACKUPS,
  now: () => string = localNow,
): Promise<BackupInfo> {
  const made = await backupBook(book, 'auto-before-import', undefined, now);
  const autos = listBackups(book.path).filter((b) => b.auto && b.name.includes('-auto-before-import-'));
  for (const old of autos.slice(keep)) rmSync(old.path, { force: true });
  return made;
}

/** Is this file a healthy FeeTrail book? (read-only check, used before restoring from it) */
export function verifyBackup(path: string, options: Pick<BookOpenOptions, 'nativeBinding'> = {}): void {
  const header = existsSync(path) ? readBookHeader(path) : { kind: 'empty' as const };
  if (header.kind !== 'sqlite')
    throw new FeeTrailError('book_not_feetrail', `${basename(path)} is not a FeeTrail book backup.`, {
      path,
    });
  const db = new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (db.pragma('application_id', { simple: true }) !== FEETRAIL_APPLICATION_ID) {
      throw new FeeTrailError('book_not_feetrail', `${basename(path)} is not a FeeTrail book backup.`, {
        path,
      });
    }
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') {
      throw new FeeTrailError('book_corrupt', `${basename(path)} is damaged and cannot be restored.`, {
        path,
      });
    }
  } finally {
    db.close();
  }
}

/**
 * Replace the (closed) book at `bookPath` with the backup at `from`. The current file is first copied
 * into the backups folder as `before-restore`, whatever state it is in.
 */
export function restoreBook(
  bookPath: string,
  from: string,
  now: () => string = localNow,
): { savedCurrentAs: string | null } {
  verifyBackup(from);
  let savedCurrentAs: string | null = null;
  if (existsSync(bookPath)) {
    const dir = backupsDirOf(bookPath);
    mkdirSync(dir, { recursive: true });
    savedCurrentAs = join(dir, `${bookNameOf(bookPath)}-before-restore-${stampOf(now())}.feetrail`);
    copyFileSync(bookPath, savedCurrentAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${bookPath}${suffix}`, { force: true });
  copyFileSync(from, bookPath);
  return { savedCurrentAs };
}

/** The newest backup that passes the integrity check, offered when a book is found damaged. */
export function latestGoodBackup(bookPath: string): BackupInfo | null {
  for (const b of listBackups(bookPath)) {
    try {
      verifyBackup(b.path);
      return b;
    } catch {
      // Try the next older one.
    }
  }
  return null;
}
