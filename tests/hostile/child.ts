/**
 * Runs corpus entries in a child process, so a hang or a memory blow-up is caught by the parent's
 * timeout and `--max-old-space-size` instead of taking the test runner down:
 *   node --max-old-space-size=512 --import tsx tests/hostile/child.ts <dir> <id>…
 * `<dir>/files/<id>/<file>` must already exist (the parent builds the corpus). Each entry gets a fresh
 * book in `<dir>/books/`; preview, then import, then the book's row counts, integrity_check and stored
 * rows are printed as one `RESULT {json}` line per entry, and `RSS <kB>` (peak resident set) last.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ImportService } from '../../electron/services/import-service';
import { isFeeTrailError } from '../../shared/result';
import { bookCounts, newBook, storedPos } from '../integration/support/book';
import { CORPUS } from './corpus';
import type { SpotField } from './corpus';

export type Failure = {
  code: string;
  message: string;
  details: Record<string, unknown>;
  /** The first located issue, when the error carries issues. */
  issue: IssueLike | null;
};

export type Attempt = { ok: true; value: Record<string, unknown> } | { ok: false; error: Failure };

export type ChildResult = {
  id: string;
  ms: number;
  preview: Attempt;
  imported: Attempt;
  before: Record<string, number>;
  after: Record<string, number>;
  integrity: string;
  stored: SpotField[];
  forbiddenFound: string[];
};

type IssueLike = {
  code: string;
  sheet: string;
  row: number;
  columnLetter?: string;
  message: string;
  messageEn?: string;
};

function failure(e: unknown): Failure {
  if (!isFeeTrailError(e)) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { code: 'crash', message: `${err.message}\n${err.stack ?? ''}`, details: {}, issue: null };
  }
  const { issues, ...details } = e.details ?? {};
  const list = Array.isArray(issues) ? (issues as IssueLike[]) : [];
  const first = list.find((i) => (i as { severity?: string }).severity === 'error') ?? list[0];
  return {
    code: e.code,
    message: e.message,
    details,
    issue: first
      ? {
          code: first.code,
          sheet: first.sheet,
          row: first.row,
          message: first.message,
          ...(first.messageEn ? { messageEn: first.messageEn } : {}),
          ...(first.columnLetter ? { columnLetter: first.columnLetter } : {}),
        }
      : null,
  };
}

async function attempt(fn: () => Promise<Record<string, unknown>>): Promise<Attempt> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: failure(e) };
  }
}

const [dir = '', ...ids] = process.argv.slice(2);
for (const id of ids) {
  const entry = CORPUS.find((c) => c.id === id);
  if (!entry) throw new Error(`no corpus entry ${id}`);
  const path = join(dir, 'files', id, entry.file);
  const book = newBook(join(dir, 'books'), id);
  const service = new ImportService(entry.limits ?? {}, () => '2026-09-01 10:00:00');
  const before = bookCounts(book);
  const t0 = performance.now();
  const preview = await attempt(async () => {
    const p = await service.preview(book, { fileId: id, path, name: entry.file });
    return {
      canCommit: p.canCommit,
      blockers: p.blockers,
      stats: p.stats,
      sheet: p.sheet,
      issue: p.issues.find((i) => i.severity === 'error') ?? null,
    };
  });
  const imported = await attempt(async () => {
    const r = await service.importFile(book, path, entry.file);
    return { added: r.added, duplicates: r.duplicates, skipped: r.skipped };
  });
  const ms = Math.round(performance.now() - t0);
  const after = bookCounts(book);
  const integrity = String(book.db.pragma('integrity_check', { simple: true }));
  const stored = storedPos(book)
    .slice(0, 10)
    .map(({ txnTime, refNo, amountFen, feeFen, settleFen, cardNo, merchantNo }) => ({
      txnTime,
      refNo,
      amountFen,
      feeFen,
      settleFen,
      cardNo: cardNo !== null && cardNo.length > 200 ? `${cardNo.slice(0, 200)}…` : cardNo,
      merchantNo,
    }));
  const bookPath = book.path;
  book.close();
  const bytes = [bookPath, `${bookPath}-wal`]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p).toString('latin1'))
    .join('');
  const forbiddenFound = (entry.forbidden ?? []).filter((s) => bytes.includes(s));
  const result: ChildResult = {
    id,
    ms,
    preview,
    imported,
    before,
    after,
    integrity,
    stored,
    forbiddenFound,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}
process.stdout.write(`RSS ${process.resourceUsage().maxRSS}\n`);
