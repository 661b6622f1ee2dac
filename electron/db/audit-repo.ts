import type { Book } from './book';

/** Append one entry to the book's audit log (what changed the book, when, and the facts of it). */
export function appendAudit(book: Book, at: string, action: string, details: Record<string, unknown>): void {
  book.db
    .prepare('INSERT INTO audit_log(at, action, details_json) VALUES (?, ?, ?)')
    .run(at, action, JSON.stringify(details));
}

export type AuditEntry = { id: number; at: string; action: string; details: Record<string, unknown> };

export function listAudit(book: Book, limit = 500): AuditEntry[] {
  const rows = book.db
    .prepare('SELECT id, at, action, details_json AS detailsJson FROM audit_log ORDER BY id DESC LIMIT ?')
    .all(limit) as { id: number; at: string; action: string; detailsJson: string }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    details: JSON.parse(r.detailsJson) as Record<string, unknown>,
  }));
}
