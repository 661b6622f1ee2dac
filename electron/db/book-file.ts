/**
 * Recognising a FeeTrail book from its file header, before SQLite is allowed to touch it.
 *
 * SQLite's 100-byte header holds the `user_version` (offset 60) and `application_id` (offset 68) as
 * big-endian integers. FeeTrail stamps every book with its application id and keeps the schema version
 * in `user_version`, so a foreign file or a book from a newer FeeTrail is refused without opening it
 * for writing: the file stays byte-for-byte as it was.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** "FTRL" — FeeTrail's SQLite application id. */
export const FEETRAIL_APPLICATION_ID = 0x4654524c;
export const BOOK_EXTENSION = '.feetrail';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type BookHeader =
  { kind: 'empty' } | { kind: 'not-sqlite' } | { kind: 'sqlite'; applicationId: number; userVersion: number };

export function readBookHeader(path: string): BookHeader {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    if (n === 0) return { kind: 'empty' };
    if (n < 100 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'not-sqlite' };
    return { kind: 'sqlite', userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68) };
  } finally {
    closeSync(fd);
  }
}
