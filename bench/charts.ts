/**
 * Chart and overview queries over a generated year of 100,000 POS rows (target: under 50 ms each).
 * The rows are written straight through the import repository (one transaction), without files, so
 * the set-up takes seconds. Cold rows time the first call after the book is opened (a new connection,
 * so an empty SQLite page cache, and a new service, so no month sums kept in memory): what the user
 * waits for when the app starts. The book keeps its day groups summed (chart_day_groups, migration
 * 0003/0004, re-summed by an import itself), so a cold call reads those; the "every day stale" row
 * marks every day of the year stale before each run (as edits of rows would), so that call re-sums
 * the rows first and writes them back: the worst case of a read. Warm rows
 * reuse one service, as the app does between imports; each warm query runs once first, then is timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBook, openBook } from '../electron/db/book';
import type { Book } from '../electron/db/book';
import { openBatchWriter } from '../electron/db/import-repo';
import { sourceMigrationsDir } from '../electron/db/migrations-dir';
import { ChartsService } from '../electron/services/charts-service';
import { generatePosTxns } from '../tests/fixtures/generator';
import { median } from './measure';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const NOW = () => '2026-09-05 12:00:00';
const OPTIONS = { migrationsDir: sourceMigrationsDir(), appVersion: 'bench' };

function fill(book: Book): void {
  const txns = generatePosTxns({ seed: 2025, count: ROWS, startDate: '2025-09-01', days: 365 });
  book.db.transaction(() => {
    const w = openBatchWriter(book, {
      kind: 'pos',
      fileName: 'bench.xlsx',
      fileSize: 0,
      sha256: 'bench',
      format: 'xlsx',
      encoding: null,
      sheet: 'bench',
      headerRow: 1,
      mappingJson: '{}',
      templateId: null,
      importedAt: NOW(),
    });
    txns.forEach((t, i) => w.addPos(t, `bench-${i}`, { sheet: 'bench', row: i + 2, cells: [] }));
    w.finish();
  })();
}

/** Milliseconds since `since` (process.hrtime.bigint()). */
function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function time(fn: () => unknown, runs = 9): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(elapsedMs(t));
  }
  return Math.round(median(ms) * 10) / 10;
}

/** Every POS day of the book marked stale (then closed again): a read re-sums them all. */
function markAllStale(path: string): void {
  const book = openBook(path, OPTIONS);
  book.db.exec('INSERT OR IGNORE INTO chart_stale_days SELECT DISTINCT txn_date FROM pos_transactions');
  book.close();
}

/** The median of `runs` first calls, each on the book just opened, with a new service. */
function timeCold(
  path: string,
  fn: (book: Book, charts: ChartsService) => unknown,
  runs = 5,
  before: (path: string) => void = () => undefined,
): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    before(path);
    const book = openBook(path, OPTIONS);
    try {
      const charts = new ChartsService(NOW);
      const t = process.hrtime.bigint();
      fn(book, charts);
      ms.push(elapsedMs(t));
    } finally {
      book.close();
    }
  }
  return Math.round(median(ms) * 10) / 10;
}

export async function benchCharts(): Promise<{ name: string; medianMs: number; note?: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'feetrail-bench-charts-'));
  try {
    const path = join(dir, 'charts.feetrail');
    const filled = createBook(path, OPTIONS);
    fill(filled);
    filled.db.pragma('optimize');
    filled.close();
    const year = { from: '2025-09-01', to: '2026-08-31' };
    const note = `${ROWS.toLocaleString('en')} POS rows over a year, target < 50 ms`;
    const cold = `${note}; first call after opening the book (empty page cache, no sums in memory)`;
    const yearByMonth = (b: Book, c: ChartsService) => c.series(b, { ...year, granularity: 'month' });
    const rows = [
      {
        name: 'charts: series by month, a year, cold, every day stale',
        medianMs: timeCold(path, yearByMonth, 5, markAllStale),
        note: `${cold}; every day stale: the rows are summed again`,
      },
      {
        name: 'charts: series by month, a year, cold',
        medianMs: timeCold(path, yearByMonth),
        note: cold,
      },
      {
        name: 'charts: series by day, one month, cold',
        medianMs: timeCold(path, (b, c) =>
          c.series(b, { from: '2026-08-01', to: '2026-08-31', granularity: 'day' }),
        ),
        note: cold,
      },
      {
        name: 'charts: overview:get, cold (one month)',
        medianMs: timeCold(path, (b, c) => c.overview(b, '2026-03')),
        note: cold,
      },
    ];
    // Warm: the month sums are kept by the service between calls (until an import lands or is undone).
    const book = openBook(path, OPTIONS);
    const charts = new ChartsService(NOW);
    rows.push(
      {
        name: 'charts: overview:get (one month)',
        medianMs: time(() => charts.overview(book, '2026-03')),
        note,
      },
      {
        name: 'charts: series by month, a year, total + channels',
        medianMs: time(() => charts.series(book, { ...year, granularity: 'month' })),
        note,
      },
      {
        name: 'charts: series by month, a year, one channel',
        medianMs: time(() => charts.series(book, { ...year, granularity: 'month', channel: 'alipay' })),
        note,
      },
      {
        name: 'charts: series by day, one month, total + channels',
        medianMs: time(() =>
          charts.series(book, { from: '2026-03-01', to: '2026-03-31', granularity: 'day' }),
        ),
        note,
      },
      {
        name: 'charts: series by day, a year, total + channels',
        medianMs: time(() => charts.series(book, { ...year, granularity: 'day' })),
        note,
      },
      {
        name: 'charts: findings by kind and month, a year',
        medianMs: time(() => charts.findings(book, year)),
        note: 'no reconcile run in this book: measures the query shape only',
      },
    );
    book.close();
    return await Promise.resolve(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/charts.ts` runs this file alone.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '-')) {
  benchCharts().then(
    (rows) => console.table(rows),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
