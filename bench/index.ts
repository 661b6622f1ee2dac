/**
 * `npm run bench`: FeeTrail's speed targets, measured on generated data (see BENCHMARKS.md).
 * Each measured step runs in its own Node process so its peak RSS is its own. Fixtures are generated
 * once into bench/.cache/ and reused.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { fixtures, ROWS } from './fixtures';
import { interleaved, pandasPython, repeat } from './measure';

type Row = { name: string; medianMs: number; maxRssMb?: number; target?: string; note?: string };

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const exec = promisify(execFile);

async function optional(module: string, fn: string): Promise<Row[]> {
  const path = new URL(`./${module}.ts`, import.meta.url).pathname;
  if (!existsSync(path)) return [];
  const m = (await import(path)) as Record<string, () => Promise<Row[]>>;
  return (await m[fn]?.()) ?? [];
}

const f = await fixtures();
const rows: Row[] = [];

// The import and its baseline alternate, so the ratio compares runs made under the same conditions.
const read = await interleaved(RUNS, { step: 'bare-read', args: [f.pos] }, { step: 'import', args: [f.pos] });
const bare = read.a;
const imp = read.b;
rows.push({
  name: `bare exceljs streaming read, ${ROWS} rows (baseline)`,
  medianMs: bare.medianMs,
  maxRssMb: bare.maxRssMb,
});
rows.push({
  name: `import ${ROWS}-row POS .xlsx into a fresh book`,
  medianMs: imp.medianMs,
  maxRssMb: imp.maxRssMb,
  target: '≤ 1.5× bare read, RSS < 300 MB',
  note: `${read.ratio.toFixed(2)}× the bare read (median of ${RUNS} alternating pairs; ratio of the medians ${(imp.medianMs / bare.medianMs).toFixed(2)}×)`,
});
const python = await pandasPython();
if (python) {
  const py = new URL('./steps/pandas_read_excel.py', import.meta.url).pathname;
  const { stdout } = await exec(python, [py, f.pos], { maxBuffer: 1 << 24 });
  const r = JSON.parse(stdout.trim()) as { ms: number; maxRssMb: number };
  rows.push({
    name: 'pandas.read_excel of the same file (baseline)',
    medianMs: r.ms,
    maxRssMb: r.maxRssMb,
    note: 'one run',
  });
} else
  rows.push({
    name: 'pandas.read_excel (baseline)',
    medianMs: Number.NaN,
    note: 'python3-pandas not installed',
  });

const rec = await repeat(RUNS, 'reconcile', [f.book, '2025-09-01', '2026-08-31']);
rows.push({
  name: `reconcile ${ROWS} transactions against a year of bank lines`,
  medianMs: rec.medianMs,
  maxRssMb: rec.maxRssMb,
  target: '< 1 s',
});

rows.push(...(await optional('charts', 'benchCharts')));
rows.push(...(await optional('charts-draw', 'benchChartsDraw')));
rows.push(...(await optional('evidence', 'benchEvidence')));
rows.push(...(await optional('reports', 'benchReports')));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nFeeTrail benchmarks — ${machine}\n`);
console.log('| step | median ms | peak RSS MB | target | note |');
console.log('|---|---:|---:|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${Number.isNaN(r.medianMs) ? '–' : Math.round(r.medianMs)} | ${r.maxRssMb ?? '–'} | ${r.target ?? ''} | ${r.note ?? ''} |`,
  );
}
mkdirSync(new URL('./results/', import.meta.url).pathname, { recursive: true });
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  JSON.stringify({ machine, at: new Date().toISOString(), rows }, null, 2),
);
