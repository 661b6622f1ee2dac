/**
 * The import job with its reader on a worker thread: the same book as reading inline, progress that
 * advances while the job runs, cancel (through ImportJobs, as the UI and the host do) that leaves the
 * book unchanged, and reader errors that keep their code across the thread.
 */
import { execFile } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ImportService, readsOnWorker, WORKER_MIN_BYTES } from '../../electron/services/import-service';
import {
  importWorkersStarted,
  importWorkerStandby,
  openWorkerSource,
  warmUpImportWorker,
} from '../../electron/services/import-worker-client';
import type { ImportJob } from '../../shared/api/imports';
import { FeeTrailError } from '../../shared/result';
import { generatePosTxns, writePosFixture } from '../fixtures/generator';
import { bookCounts, newBook, servicesOnNewBook, storedPos } from './support/book';
import { useTempDir } from './support/temp';

const tempDir = useTempDir('feetrail-import-worker-');

/** What an import leaves in the book, apart from ids and times. */
function contents(book: ReturnType<typeof newBook>) {
  return {
    pos: storedPos(book),
    sources: book.db
      .prepare(
        'SELECT sheet, row_number, cells_json, outcome, fingerprint, reason FROM source_rows ORDER BY id',
      )
      .all(),
    batch: book.db
      .prepare(
        'SELECT rows_total, rows_added, rows_duplicate, rows_skipped, first_date, last_date, sheet, header_row FROM import_batches',
      )
      .all(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(get: () => ImportJob, done: (j: ImportJob) => boolean): Promise<ImportJob> {
  for (let i = 0; i < 6000; i++) {
    const j = get();
    if (done(j)) return j;
    await sleep(20);
  }
  throw new Error('the import job did not get there in two minutes');
}

describe('the import worker', () => {
  it('takes big files by default and leaves small ones on the calling thread', () => {
    const dir = tempDir();
    const small = join(dir, 'small.csv');
    const big = join(dir, 'big.csv');
    writeFileSync(small, 'a,b\n1,2\n');
    writeFileSync(big, Buffer.alloc(WORKER_MIN_BYTES, 0x61));
    expect(readsOnWorker('auto', small)).toBe(false);
    expect(readsOnWorker('auto', big)).toBe(true);
    expect(readsOnWorker('auto', join(dir, 'missing.csv'))).toBe(false);
    expect(readsOnWorker('worker', small)).toBe(true);
    expect(readsOnWorker('inline', big)).toBe(false);
  });

  it('gives the same book as reading inline, row for row, provenance included', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 31, count: 2500 }), {
      titleRows: true,
      footer: true,
    });
    const viaWorker = newBook(dir, 'worker');
    const inline = newBook(dir, 'inline');
    const a = await new ImportService({}, undefined, undefined, 'worker').importFile(
      viaWorker,
      path,
      'pos.xlsx',
    );
    const b = await new ImportService({}, undefined, undefined, 'inline').importFile(
      inline,
      path,
      'pos.xlsx',
    );
    expect(a).toEqual(b);
    expect(a.added).toBe(2500);
    expect(a.skipped).toBeGreaterThan(0); // the footer's totals row, kept as provenance
    expect(contents(viaWorker)).toEqual(contents(inline));
    viaWorker.close();
    inline.close();
  });

  it('a worker started ahead of need takes the next import; one left unused stops', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 33, count: 1500 }), { titleRows: true });
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    const warm = new ImportService({}, undefined, undefined, 'worker');
    await warm.warmUp([path]);
    expect(await importWorkerStandby()).toBe('ready');

    const viaStandby = newBook(dir, 'standby');
    const inline = newBook(dir, 'inline');
    const startedBefore = importWorkersStarted();
    const a = await warm.importFile(viaStandby, path, 'pos.xlsx');
    // The import took the waiting worker and started none.
    expect(importWorkersStarted()).toBe(startedBefore);
    expect(await importWorkerStandby()).toBe('none');
    const b = await new ImportService({}, undefined, undefined, 'inline').importFile(
      inline,
      path,
      'pos.xlsx',
    );
    expect(a).toEqual(b);
    expect(a.added).toBe(1500);
    expect(contents(viaStandby)).toEqual(contents(inline));

    // The preview starts one for the import that follows it; a reader error on it keeps its code.
    await warm.preview(viaStandby, { fileId: 'f1', path: broken, name: 'broken.xlsx' }).catch(() => null);
    expect(await importWorkerStandby()).not.toBe('none');
    const before = bookCounts(viaStandby);
    const e = await warm.importFile(viaStandby, broken, 'broken.xlsx').then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as FeeTrailError).code).toBe('file_unreadable');
    expect((e as FeeTrailError).message).toContain('broken.xlsx');
    expect(bookCounts(viaStandby)).toEqual(before);

    // Nobody takes it: it stops by itself.
    await warmUpImportWorker(200);
    expect(await importWorkerStandby()).toBe('ready');
    await sleep(600);
    expect(await importWorkerStandby()).toBe('none');
    viaStandby.close();
    inline.close();
  });

  it('the CLI reads a big file on a worker started while it backs up the book, and ends when done', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 34, count: 15_000 }), {}, { streaming: true });
    expect(statSync(path).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const bin = new URL('../../bin/feetrail.mjs', import.meta.url).pathname;
    const book = join(dir, 'cli.feetrail');
    const run = promisify(execFile);
    const env = { ...process.env, FEETRAIL_DATA_DIR: dir };
    await run(process.execPath, [bin, 'book', 'init', '--book', book], { env });
    // A standby left waiting at the end must not keep the process alive: the timeout would kill it.
    const { stdout } = await run(process.execPath, [bin, 'import', '--book', book, '--json', path], {
      env,
      timeout: 90_000,
    });
    const out = JSON.parse(stdout) as { files: { added: number }[] };
    expect(out.files.map((f) => f.added)).toEqual([15_000]);
  }, 120_000);

  it('a job reports progress while it runs; cancelling it leaves the book exactly as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 32, count: 30_000 }), {}, { streaming: true });
    const s = servicesOnNewBook(dir);
    const book = s.books.require();
    const before = bookCounts(book);

    const job = s.importJobs.start({ path, name: 'big.xlsx' }, {}, { skipErrorRows: false });
    const first = await waitFor(
      () => s.importJobs.get(job.jobId),
      (j) => j.done > 0 || j.state !== 'running',
    );
    expect(first.state).toBe('running');
    const later = await waitFor(
      () => s.importJobs.get(job.jobId),
      (j) => j.done > first.done || j.state !== 'running',
    );
    expect(later.done).toBeGreaterThan(first.done);
    s.importJobs.cancel(job.jobId);
    await s.importJobs.idle();
    const end = s.importJobs.get(job.jobId);
    expect(end.state).toBe('cancelled');
    expect(end.error?.code).toBe('cancelled');
    expect(bookCounts(book)).toEqual(before);

    // The book is usable at once: the same file imports whole afterwards.
    const again = s.importJobs.start({ path, name: 'big.xlsx' }, {}, { skipErrorRows: false });
    await s.importJobs.idle();
    const done = s.importJobs.get(again.jobId);
    expect(done.state).toBe('done');
    expect(done.result?.added).toBe(30_000);
    expect(done.done).toBeGreaterThanOrEqual(30_000);
    s.close();
  }, 180_000);

  it('a reader error raised on the worker keeps its code and names the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    const book = newBook(dir);
    const before = bookCounts(book);
    const e = await new ImportService().importFile(book, path, 'broken.xlsx').then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FeeTrailError);
    expect((e as FeeTrailError).code).toBe('file_unreadable');
    expect((e as FeeTrailError).message).toContain('broken.xlsx');
    expect(bookCounts(book)).toEqual(before);
    book.close();
  });

  it('a worker that runs out of its heap gives file_too_large naming the file, not a crash', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 5, count: 200 }));
    // 4 MB cannot even hold the reader's code: the worker dies of ERR_WORKER_OUT_OF_MEMORY.
    const e = await openWorkerSource({ path, fileName: 'pos.xlsx', limits: {} }, true, 4).then(
      (source) => source.close().then(() => null),
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(FeeTrailError);
    expect((e as FeeTrailError).code).toBe('file_too_large');
    expect((e as FeeTrailError).message).toContain('pos.xlsx');
    expect((e as FeeTrailError).details).toMatchObject({
      file: 'pos.xlsx',
      reason: 'out_of_memory',
      limit: 4,
    });
  });
});
