/**
 * `npm run bench:scale`: how FeeTrail's cost grows with the size of a book (issue 8). For each size in
 * BENCH_SCALE (default 10,000, 100,000 and 1,000,000 rows) it generates a POS export over a span
 * proportional to the size (about 274 transactions a day: 1M rows = ten years ending 2026-08-31) and
 * the matching bank statement into bench/.cache/, then times, each in its own Node (or Python)
 * process so peak RSS is the step's own:
 *
 * - baselines: exceljs's bare streaming read of the file, pandas.read_excel where installed, and a raw
 *   SQLite insert of the same number of rows (bench/steps/raw-insert.ts);
 * - FeeTrail's import of the file into a fresh book (bench/steps/import.ts);
 * - on a book holding the whole file and its bank statement: a month's ledger page and totals, the
 *   bank lines of a month, the chart series and overview of a month, and reconciling that month.
 *
 * It prints a markdown table (size × step: median time, peak RSS, ratio to the baseline, growth from
 * the previous size) and writes bench/results/scale.json; `tsx bench/scale.ts render` re-prints the
 * table from that file. BENCH_RUNS (default 3) runs each process step; queries run BENCH_QUERY_RUNS
 * (default 7) times after one warm-up call, inside one process. BENCH_PANDAS=0 skips pandas.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { txnFilterSchema, bankFilterSchema } from '../shared/api/ledger';
import { addDays } from '../shared/domain/local-date';
import { median, pandasPython, repeat, report } from './measure';

const exec = promisify(execFile);
const cache = fileURLToPath(new URL('./.cache/', import.meta.url));
const resultsFile = fileURLToPath(new URL('./results/scale.json', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** Last day of every generated span; the month queried and reconciled is the span's last month. */
const END = '2026-08-31';
const MONTH = '2026-08';
/** Rows a day: a million rows make ten years. */
const ROWS_PER_DAY = 1_000_000 / 3650;

export type ScaleStep = {
  step: string;
  /** Median wall time of the runs, ms. */
  ms: number;
  runs: number;
  maxRssMb?: number;
  /** The step this one is compared with, and the ratio of their times. */
  baseline?: string;
  ratio?: number;
  note?: string;
};
export type ScaleSize = { rows: number; days: number; from: string; to: string; steps: ScaleStep[] };
export type ScaleResults = { machine: string; load: string; at: string; sizes: ScaleSize[] };

/** The generated span for a size: proportional to it, never shorter than the month queried. */
export function spanOf(rows: number): { days: number; from: string; to: string } {
  const days = Math.max(31, Math.round(rows / ROWS_PER_DAY));
  return { days, from: addDays(END, -(days - 1)), to: END };
}

function fixturePaths(rows: number): { pos: string; bank: string; book: string } {
  return {
    pos: join(cache, `scale-pos-${rows}.xlsx`),
    bank: join(cache, `scale-bank-${rows}.xlsx`),
    book: join(cache, `scale-${rows}.feetrail`),
  };
}

/** Runs this file in another process in one of its child modes; returns its last stdout line. */
async function child(mode: string, args: string[], heapMb?: number): Promise<string> {
  const flags = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  const { stdout } = await exec(process.execPath, [...flags, '--import', 'tsx', self, mode, ...args], {
    maxBuffer: 1 << 26,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return stdout.trim().split('\n').pop() ?? '';
}

// ---- child modes -------------------------------------------------------------------------------

/** Writes the POS export and the bank statement of a size (the whole list is built in memory). */
async function generate(rows: number): Promise<void> {
  const { writeBankFixture, writePosFixture, generateBankLines, generatePosTxns } =
    await import('../tests/fixtures/generator');
  const { pos, bank } = fixturePaths(rows);
  const { days, from } = spanOf(rows);
  const txns = generatePosTxns({ seed: 2016, count: rows, startDate: from, days });
  // Written under a temporary name first, so an interrupted run never leaves a half file in the cache.
  await writePosFixture(`${pos}.part.xlsx`, txns, { titleRows: true, footer: true }, { streaming: true });
  renameSync(`${pos}.part.xlsx`, pos);
  const lines = generateBankLines({ seed: 2016, posTxns: txns, startDate: from, days });
  await writeBankFixture(`${bank}.part.xlsx`, lines, { kind: 'split' }, { streaming: true });
  renameSync(`${bank}.part.xlsx`, bank);
}

/** Imports a size's two files into a book kept in the cache, for the queries. */
async function buildBook(rows: number): Promise<void> {
  const { createBook } = await import('../electron/db/book');
  const { sourceMigrationsDir } = await import('../electron/db/migrations-dir');
  const { ImportService } = await import('../electron/services/import-service');
  const { pos, bank, book } = fixturePaths(rows);
  // Built in place; the marker is written last, so a half-built book is rebuilt on the next run.
  for (const leftover of [book, `${book}-wal`, `${book}-shm`, book.replace(/\.feetrail$/, '.files')])
    rmSync(leftover, { recursive: true, force: true });
  const b = createBook(book, { migrationsDir: sourceMigrationsDir(), appVersion: 'bench' });
  const imports = new ImportService({ maxRowsPerSheet: 2_000_000 });
  await imports.importFile(b, pos, 'pos.xlsx');
  await imports.importFile(b, bank, 'bank.xlsx');
  b.db.pragma('optimize');
  b.close();
  writeFileSync(`${book}.ready`, new Date().toISOString());
}

function timeRuns(fn: () => unknown, runs: number): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return Math.round(median(ms) * 10) / 10;
}

/** Times a month's interactive queries on a prepared book; prints one JSON line for measureStep. */
async function queries(bookPath: string, month: string, runs: number, from: string): Promise<void> {
  const { openBook } = await import('../electron/db/book');
  const { sourceMigrationsDir } = await import('../electron/db/migrations-dir');
  const { listBankLines, listTransactions } = await import('../electron/db/ledger-repo');
  const { ChartsService } = await import('../electron/services/charts-service');
  const { ReconcileService } = await import('../electron/services/reconcile-service');
  const { monthRange } = await import('../electron/services/period');
  const book = openBook(bookPath, { migrationsDir: sourceMigrationsDir(), appVersion: 'bench' });
  const now = (): string => `${END} 23:00:00`;
  const period = monthRange(month);
  // A bench on an empty month would measure nothing: refuse it.
  const inMonth = listTransactions(book, txnFilterSchema.parse({ ...period, limit: 1 })).total;
  if (inMonth === 0) throw new Error(`${bookPath} has no transactions in ${month}`);
  const t0 = process.hrtime.bigint();
  // A fresh ChartsService for each call: its month sums are not kept, as on the first call after an import.
  const times: Record<string, number> = {
    'ledger: a month, first page of 200 + totals': timeRuns(
      () => listTransactions(book, txnFilterSchema.parse(period)),
      runs,
    ),
    'ledger: a month, one channel, by amount, page 10': timeRuns(
      () =>
        listTransactions(
          book,
          txnFilterSchema.parse({ ...period, channel: 'card', sort: 'amount_desc', offset: 1800 }),
        ),
      runs,
    ),
    'ledger: a month, text search': timeRuns(
      () => listTransactions(book, txnFilterSchema.parse({ ...period, text: '0001' })),
      runs,
    ),
    'bank lines: a month, first page + totals': timeRuns(
      () => listBankLines(book, bankFilterSchema.parse(period)),
      runs,
    ),
    'charts: series by day, a month': timeRuns(
      () => new ChartsService(now).series(book, { ...period, granularity: 'day' }),
      runs,
    ),
    'charts: overview, a month': timeRuns(() => new ChartsService(now).overview(book, month), runs),
    'charts: series by month, whole book (first call)': timeRuns(
      () => new ChartsService(now).series(book, { from, to: END, granularity: 'month' }),
      Math.min(runs, 3),
    ),
    'reconcile: one month (load, engine, store)': timeRuns(
      () => new ReconcileService(now).run(book, { month }),
      Math.min(runs, 3),
    ),
  };
  report(t0, times);
  book.close();
}

// ---- the table ---------------------------------------------------------------------------------

function fmtMs(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : `${ms} ms`;
}

/** The markdown table of a scale run: one row per size and step, with the growth from the previous size. */
export function renderScaleTable(r: ScaleResults): string {
  const out = [
    `Machine: ${r.machine}; ${r.at}; load average at start ${r.load}.`,
    '',
    '| rows | span | step | median | runs | peak RSS | vs baseline | × previous size |',
    '| ---: | ---- | ---- | -----: | ---: | -------: | ----------- | --------------: |',
  ];
  const previous = new Map<string, { rows: number; ms: number }>();
  for (const size of r.sizes) {
    for (const s of size.steps) {
      const before = previous.get(s.step);
      const growth =
        before && !Number.isNaN(s.ms) && !Number.isNaN(before.ms) && before.ms > 0
          ? `${(s.ms / before.ms).toFixed(1)} × (rows × ${(size.rows / before.rows).toFixed(0)})`
          : '';
      const vs = [
        s.baseline !== undefined && s.ratio !== undefined ? `${s.ratio.toFixed(2)} × ${s.baseline}` : '',
        s.note ?? '',
      ]
        .filter((t) => t !== '')
        .join('; ');
      out.push(
        `| ${size.rows.toLocaleString('en')} | ${size.days} days | ${s.step} | ${fmtMs(s.ms)} | ${s.runs} | ${
          s.maxRssMb === undefined ? '–' : `${s.maxRssMb} MB`
        } | ${vs} | ${growth} |`,
      );
      previous.set(s.step, { rows: size.rows, ms: s.ms });
    }
  }
  return out.join('\n');
}

// ---- the orchestrator --------------------------------------------------------------------------

type Measured = { medianMs: number; maxRssMb?: number; note?: string };

/** Runs a step; one that fails is recorded as failed (the first line of its error) and the run goes on. */
async function attempt(fn: () => Promise<Measured>): Promise<Measured> {
  try {
    return await fn();
  } catch (e) {
    console.error(e);
    const text =
      e instanceof Error ? (e.message.split('\n').find((l) => /Error/.test(l)) ?? e.message) : String(e);
    return { medianMs: Number.NaN, note: `failed: ${text.trim().slice(0, 200)}` };
  }
}

async function measureSize(
  rows: number,
  runs: number,
  queryRuns: number,
  python: string | null,
): Promise<ScaleSize> {
  const f = fixturePaths(rows);
  const span = spanOf(rows);
  mkdirSync(cache, { recursive: true });
  if (!existsSync(f.pos) || !existsSync(f.bank)) {
    console.log(`generating ${rows} POS rows over ${span.days} days and their bank statement…`);
    await child('generate', [String(rows)], 12_288);
  }
  const steps: ScaleStep[] = [];
  const log = (step: string, m: Measured, n: number, more: Partial<ScaleStep> = {}): void => {
    const s: ScaleStep = { step, ms: m.medianMs, runs: n, ...more };
    if (m.maxRssMb !== undefined) s.maxRssMb = m.maxRssMb;
    if (m.note !== undefined) s.note = m.note;
    steps.push(s);
    console.log(
      `  ${rows} · ${step}: ${fmtMs(s.ms)}${s.maxRssMb ? `, ${s.maxRssMb} MB` : ''} ${s.note ?? ''}`,
    );
  };

  const bare = await attempt(() => repeat(runs, 'bare-read', [f.pos]));
  log('bare exceljs streaming read (baseline)', bare, runs);
  const py = fileURLToPath(new URL('./steps/pandas_read_excel.py', import.meta.url));
  const pd = python
    ? await attempt(async () => {
        const { stdout } = await exec(python, [py, f.pos], { maxBuffer: 1 << 24 });
        const r = JSON.parse(stdout.trim()) as { ms: number; maxRssMb: number };
        return { medianMs: r.ms, maxRssMb: r.maxRssMb };
      })
    : { medianMs: Number.NaN, note: 'pandas not installed, or BENCH_PANDAS=0' };
  log('pandas.read_excel (baseline)', pd, python ? 1 : 0);
  const raw = await attempt(() => repeat(runs, 'raw-insert', [String(rows)]));
  log('raw SQLite insert, one transaction (baseline)', raw, runs);
  const imp = await attempt(() => repeat(runs, 'import', [f.pos]));
  log('FeeTrail import into a fresh book', imp, runs, {
    baseline: 'bare read',
    ratio: imp.medianMs / bare.medianMs,
    ...(imp.note === undefined
      ? { note: `${(imp.medianMs / raw.medianMs).toFixed(1)} × the raw insert` }
      : {}),
  });

  let q: { maxRssMb: number; extra: Record<string, number> } = { maxRssMb: 0, extra: {} };
  const built = await attempt(async () => {
    if (!existsSync(`${f.book}.ready`)) {
      console.log(`  building the query book for ${rows} rows (import of both files, not timed)…`);
      await child('book', [String(rows)]);
    }
    q = JSON.parse(await child('queries', [f.book, MONTH, String(queryRuns), span.from])) as typeof q;
    return { medianMs: 0 };
  });
  if (built.note !== undefined) log('month queries', built, 0);
  for (const [step, ms] of Object.entries(q.extra)) {
    const wholeBook = step.includes('whole book');
    const reconcile = step.startsWith('reconcile');
    // The queries share one process: its peak RSS is shown once, on the heaviest of them.
    log(
      step,
      { medianMs: ms, ...(reconcile ? { maxRssMb: q.maxRssMb } : {}) },
      reconcile || wholeBook ? Math.min(queryRuns, 3) : queryRuns,
      {
        note: `${wholeBook ? `${span.from}..${span.to}` : `month ${MONTH}`}; target < 100 ms${
          reconcile ? '; RSS of the whole query process' : ''
        }`,
      },
    );
  }
  return { rows, ...span, steps };
}

async function main(): Promise<void> {
  const sizes = (process.env['BENCH_SCALE'] ?? '10000,100000,1000000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const runs = Number(process.env['BENCH_RUNS'] ?? 3);
  const queryRuns = Number(process.env['BENCH_QUERY_RUNS'] ?? 7);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const results: ScaleResults = {
    machine,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    at: new Date().toISOString(),
    sizes: [],
  };
  const python = await pandasPython();
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  for (const rows of sizes) {
    results.sizes.push(await measureSize(rows, runs, queryRuns, python));
    // Written after every size, so a long 1M run that is interrupted keeps what it measured.
    writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  }
  console.log(`\n${renderScaleTable(results)}`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'generate') await generate(Number(args[0]));
else if (mode === 'book') await buildBook(Number(args[0]));
else if (mode === 'queries')
  await queries(args[0] ?? '', args[1] ?? MONTH, Number(args[2] ?? 7), args[3] ?? spanOf(0).from);
else if (mode === 'render')
  console.log(renderScaleTable(JSON.parse(readFileSync(args[0] ?? resultsFile, 'utf8')) as ScaleResults));
else await main();
