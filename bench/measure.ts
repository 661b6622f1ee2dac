/**
 * Runs one measured step in a fresh Node process (so peak RSS belongs to that step alone) and returns
 * its wall time and peak resident memory. The step is a module under bench/steps/ run through tsx.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type StepResult = { ms: number; maxRssMb: number; extra?: Record<string, unknown> };

export async function measureStep(step: string, args: string[]): Promise<StepResult> {
  const script = new URL(`./steps/${step}.ts`, import.meta.url).pathname;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
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
  return {
    medianMs: median(runs.map((r) => r.ms)),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
    runs,
  };
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
