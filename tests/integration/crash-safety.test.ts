/**
 * Crash safety: the process is killed (SIGKILL, no chance to clean up) at random moments during an
 * import of 100,000 rows and during reconciliation, 20 times each. Every time the book must open, pass
 * `PRAGMA integrity_check`, and hold either all of the batch or none of it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBook, openBook } from '../../electron/db/book';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { ImportService } from '../../electron/services/import-service';
import { generatePosTxns, writePosFixture, generateBankLines, writeBankFixture } from '../fixtures/generator';

const ROWS = 100_000;
const KILLS = 20;
const cache = new URL('../../bench/.cache/', import.meta.url).pathname;
const child = new URL('./support/crash-child.ts', import.meta.url).pathname;
const options = { migrationsDir: sourceMigrationsDir(), appVersion: 'crash-test' };

/** Deterministic "random" kill delays, so a failure can be replayed. */
function delays(seed: number, n: number, maxMs: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 50 + (x % maxMs);
  });
}

/** Start the child, wait until it says it is writing, wait `afterMs`, kill it. Resolves with its stdout. */
function runAndKill(args: string[], afterMs: number, waitFor: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let armed = false;
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!armed && waitFor.test(out)) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), afterMs);
      }
    });
    p.on('error', reject);
    p.on('exit', () => resolve(out));
  });
}

/** A fresh copy of a book: a -wal or -shm left by an earlier killed run must not be replayed into it. */
function freshCopy(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${to}${suffix}`, { force: true });
  copyFileSync(from, to);
}

function count(path: string, table: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  let posFile = '';
  let emptyBook = '';
  let fullBook = '';

  beforeAll(async () => {
    mkdirSync(cache, { recursive: true });
    posFile = join(cache, `crash-pos-${ROWS}.xlsx`);
    const txns = generatePosTxns({ seed: 77, count: ROWS, startDate: '2025-09-01', days: 365 });
    if (!existsSync(posFile)) await writePosFixture(posFile, txns, {}, { streaming: true });
    emptyBook = join(cache, 'crash-empty.feetrail');
    if (!existsSync(emptyBook)) createBook(emptyBook, options).close();
    fullBook = join(cache, `crash-full-${ROWS}.feetrail`);
    if (!existsSync(fullBook)) {
      const book = createBook(fullBook, options);
      const imports = new ImportService({ maxRowsPerSheet: 2_000_000 });
      await imports.importFile(book, posFile, 'pos.xlsx');
      const bankFile = join(cache, `crash-bank-${ROWS}.xlsx`);
      await writeBankFixture(
        bankFile,
        generateBankLines({ seed: 77, posTxns: txns, startDate: '2025-09-01', days: 365 }),
        { kind: 'split' },
      );
      await imports.importFile(book, bankFile, 'bank.xlsx');
      book.close();
    }
  }, 600_000);

  it(`an import of ${ROWS} rows killed at ${KILLS} random moments leaves a sound book with all or none of it`, async () => {
    const outcomes = { none: 0, all: 0 };
    for (const [i, ms] of delays(7, KILLS, 4000).entries()) {
      const path = join(cache, `crash-import-${i}.feetrail`);
      freshCopy(emptyBook, path);
      await runAndKill(['import', path, posFile], ms, /rows \d+/);
      const book = openBook(path, options); // refuses a damaged book
      expect(book.db.pragma('integrity_check', { simple: true })).toBe('ok');
      book.close();
      const n = count(path, 'pos_transactions');
      expect([0, ROWS]).toContain(n);
      expect(count(path, 'import_batches')).toBe(n === 0 ? 0 : 1);
      outcomes[n === 0 ? 'none' : 'all'] += 1;
    }
    expect(outcomes.none).toBeGreaterThan(0);
  }, 900_000);

  it(`reconciliation killed at ${KILLS} random moments leaves either the old results or the whole new run`, async () => {
    for (const [i, ms] of delays(11, KILLS, 3000).entries()) {
      const path = join(cache, `crash-reconcile-${i}.feetrail`);
      freshCopy(fullBook, path);
      await runAndKill(['reconcile', path, '2025-09-01', '2026-08-31'], ms, /working/);
      const book = openBook(path, options);
      expect(book.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const runs = book.db.prepare('SELECT count(*) FROM reconcile_runs').pluck().get() as number;
      const findings = book.db.prepare('SELECT count(*) FROM findings').pluck().get() as number;
      const orphans = book.db
        .prepare('SELECT count(*) FROM findings WHERE run_id IS NULL')
        .pluck()
        .get() as number;
      book.close();
      expect([0, 1]).toContain(runs);
      if (runs === 0) expect(findings).toBe(0);
      expect(orphans).toBe(0);
    }
  }, 900_000);
});
