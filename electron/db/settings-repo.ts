/** Book-wide settings as JSON values, each validated by its caller's schema. */
import type { Book } from './book';

export function getSetting(book: Book, key: string): unknown {
  const raw = book.db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(key) as
    string | undefined;
  return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
}

export function setSetting(book: Book, key: string, value: unknown, at: string): void {
  book.db
    .prepare(
      `INSERT INTO settings(key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), at);
}
