import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sha256Of, useTempDir } from './support/temp';

const run = promisify(execFile);
const bin = new URL('../../bin/feetrail.mjs', import.meta.url).pathname;

async function feetrail(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, FEETRAIL_DATA_DIR: cwd },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('feetrail book (CLI)', () => {
  const tempDir = useTempDir();

  it('book init then book info reports an empty book at the current schema', async () => {
    const dir = tempDir();
    const init = await feetrail(dir, 'book', 'init', '--book', 'x.feetrail');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('x.feetrail');
    const info = await feetrail(dir, 'book', 'info', '--book', 'x.feetrail', '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as {
      name: string;
      schemaVersion: number;
      counts: Record<string, number>;
    };
    expect(parsed.name).toBe('x');
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(parsed.counts).toEqual({
      importBatches: 0,
      posTransactions: 0,
      bankLines: 0,
      mappingTemplates: 0,
    });
  });

  it('book info on a file that is not a book exits non-zero with a clear message and changes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'statement.xlsx');
    writeFileSync(path, 'PK\u0003\u0004 not really a book');
    const before = sha256Of(path);
    const res = await feetrail(dir, 'book', 'info', '--book', path);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('book_not_feetrail');
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(sha256Of(path)).toBe(before);
  });

  it('book init refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.feetrail'), 'keep me');
    const res = await feetrail(dir, 'book', 'init', '--book', 'x.feetrail');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('book_exists');
  });

  it('--help lists the commands without touching any book', async () => {
    const dir = tempDir();
    const res = await feetrail(dir, '--help');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('book');
  });
});
