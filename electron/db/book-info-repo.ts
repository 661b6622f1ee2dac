import type { BookInfo } from '../../shared/api/contract';
import type { Book } from './book';

type CountedTable = 'import_batches' | 'pos_transactions' | 'bank_lines' | 'mapping_templates';

// Table names are a closed set of constants: never user input.
function count(book: Book, table: CountedTable): number {
  const row = book.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
  return row.n;
}

function meta(book: Book, key: string): string | null {
  const row = book.db.prepare('SELECT value FROM book_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

/** What `book info` and the header of the UI show about a book. */
export function readBookInfo(book: Book): BookInfo {
  return {
    path: book.path,
    name: book.name,
    schemaVersion: book.schemaVersion,
    createdAt: meta(book, 'created_at'),
    createdByVersion: meta(book, 'created_by_version'),
    counts: {
      importBatches: count(book, 'import_batches'),
      posTransactions: count(book, 'pos_transactions'),
      bankLines: count(book, 'bank_lines'),
      mappingTemplates: count(book, 'mapping_templates'),
    },
  };
}
