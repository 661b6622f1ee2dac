/**
 * Runs one measured step in a fresh Node process (so peak RSS belongs to that step alone) and returns
 * its wall time and peak resident memory. The steps under bench/steps/ run as the app runs its main
 * process: bundled to plain JavaScript (as electron-vite bundles it, dependencies left to
 * node_modules, the import worker an entry of its own), not through tsx. tsx compiles every module in
 * each thread that loads it (about 1 s per import under tsx is the worker compiling its modules), its
 * loader holds ~90 MB, and it wraps the closures made at run time to keep their names, none of which
 * the app pays.
 */
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);

export type StepResult = { ms: number; maxRssMb: number; extra?: Record<string, unknown> };

const STEPS_DIR = fileURLToPath(new URL('./steps/', import.meta.url));
const BUILT_DIR = fileURLToPath(new URL('./.built/', import.meta.url));

let built: Promise<void> | null = null;

/** Bundles every step (and the import worker beside them) into bench/.built/, once per bench run. */
function buildSteps(): Promise<void> {
  built ??= (async () => {
    rmSync(BUILT_DIR, { recursive: true, force: true });
    const steps = readdirSync(STEPS_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${STEPS_DIR}${f}`);
    await build({
      entryPoints: [
        ...steps,
        fileURLToPath(new URL('../electron/services/import-worker.ts', import.meta.url)),
      ],
      outdir: BUILT_DIR,
      entryNames: '[name]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    // sourceMigrationsDir() looks beside the module that calls it: here, the bundle.
    cpSync(fileURLToPath(new URL('../electron/db/migrations', import.meta.url)), `${BUILT_DIR}migrations`, {
      recursive: true,
    });
  })();
  return built;
}

export async function measureStep(step: string, args: string[]): Promise<StepResult> {
  await buildSteps();
  const { stdout } = await run(process.execPath, [`${BUILT_DIR}${step}.js`, ...args], {
    maxBuffer: 1 << 24,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as StepResult;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export async function repeat(
  times: number,
  step: string,
  args: string[],
): Promise<{ medianMs: number; maxRssMb: number; runs: StepResult[] }> {
  const runs: StepResult[] = [];
  for (let i = 0; i < times; i++) runs.push(await measureStep(step, args));
  return summary(runs);
}

type Repeated = { medianMs: number; maxRssMb: number; runs: StepResult[] };

function summary(runs: StepResult[]): Repeated {
  return {
    medianMs: median(runs.map((r) => r.ms)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    runs,
  };
}

/**
 * Two steps run alternately (a b a b …), `times` each: on a VM whose speed drifts from one minute to
 * the next, both then meet the same conditions, and `ratio` (the median of b ÷ a over the pairs) is
 * what a comparison of the two should quote.
 */
export async function interleaved(
  times: number,
  a: { step: string; args: string[] },
  b: { step: string; args: string[] },
): Promise<{ a: Repeated; b: Repeated; ratio: number }> {
  const ra: StepResult[] = [];
  const rb: StepResult[] = [];
  for (let i = 0; i < times; i++) {
    ra.push(await measureStep(a.step, a.args));
    rb.push(await measureStep(b.step, b.args));
  }
  return { a: summary(ra), b: summary(rb), ratio: median(rb.map((r, i) => r.ms / (ra[i]?.ms ?? r.ms))) };
}

/** Call at the end of a step: prints the one JSON line measureStep reads. */
export function report(startedAt: bigint, extra?: Record<string, unknown>): void {
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(maxRssMb), ...(extra ? { extra } : {}) })}\n`,
  );
}

/**
 * The Python that has pandas and openpyxl, for the pandas.read_excel baseline: `python3` on the PATH,
 * else the system one (Debian's python3-pandas installs there even when a pyenv shim comes first).
 */
export async function pandasPython(): Promise<string | null> {
  if (process.env['BENCH_PANDAS'] === '0') return null;
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      await run(python, ['-c', 'import pandas, openpyxl']);
      return python;
    } catch {
      // try the next one
    }
  }
  return null;
}
