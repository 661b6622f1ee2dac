/** Helpers shared by the reader tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawRow } from '../../shared/import/raw';
import { openSource } from '../../electron/io/read-file';
import type { OpenSourceOptions, RowsOptions } from '../../electron/io/read-file';
import { isFeeTrailError } from '../../shared/result';
import type { FeeTrailError } from '../../shared/result';

export const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
export const BANK = join(SAMPLES, 'bank');
export const EXAMPLE = join(SAMPLES, 'example-2026-08');

export async function readAll(
  path: string,
  opts: OpenSourceOptions = {},
  sheet?: string,
  rowOpts?: RowsOptions,
): Promise<RawRow[]> {
  const src = await openSource(path, opts);
  const rows: RawRow[] = [];
  for await (const r of src.rows(sheet, rowOpts)) rows.push(r);
  return rows;
}

/** Runs `fn` and returns the FeeTrailError it throws (fails the test on anything else). */
export async function caught(fn: () => Promise<unknown>): Promise<FeeTrailError> {
  try {
    await fn();
  } catch (e) {
    if (isFeeTrailError(e)) return e;
    throw new Error(`expected a FeeTrailError, got: ${String(e)}`, { cause: e });
  }
  throw new Error('expected a FeeTrailError, nothing was thrown');
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'feetrail-readers-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function cellsOf(rows: RawRow[], row: number): RawRow['cells'] | undefined {
  return rows.find((r) => r.row === row)?.cells;
}
