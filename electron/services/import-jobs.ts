/**
 * Long imports as jobs the UI can poll and cancel through any door (IPC or HTTP): `start` returns at
 * once, `get` reports rows read so far, `cancel` aborts and the transaction rolls back.
 * One import runs at a time per book: a second one waits its turn rather than interleaving writes.
 */
import { randomUUID } from 'node:crypto';
import type { ImportJob, ImportOptions } from '../../shared/api/imports';
import { FeeTrailError, isFeeTrailError } from '../../shared/result';
import type { BookService } from './book-service';
import type { ImportService } from './import-service';

type Entry = { job: ImportJob; controller: AbortController };

const KEEP_FINISHED = 50;

export class ImportJobs {
  private readonly jobs = new Map<string, Entry>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly books: BookService,
    private readonly imports: ImportService,
  ) {}

  start(
    file: { path: string; name: string },
    options: ImportOptions,
    run: { skipErrorRows: boolean; saveTemplateAs?: string | undefined },
  ): ImportJob {
    const book = this.books.require();
    const controller = new AbortController();
    const job: ImportJob = {
      jobId: randomUUID(),
      fileName: file.name,
      state: 'running',
      done: 0,
      total: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.jobId, { job, controller });
    this.prune();
    const work = async () => {
      try {
        job.result = await this.imports.importFile(book, file.path, file.name, options, {
          ...run,
          signal: controller.signal,
          onProgress: (done) => (job.done = done),
        });
        job.state = 'done';
      } catch (e) {
        const fe = isFeeTrailError(e)
          ? e
          : new FeeTrailError('internal', 'The import failed; the book is unchanged.');
        job.state = fe.code === 'cancelled' ? 'cancelled' : 'failed';
        job.error = fe.toAppError();
      }
    };
    this.queue = this.queue.then(work, work);
    return { ...job };
  }

  get(jobId: string): ImportJob {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new FeeTrailError('not_found', 'No such import job.', { jobId });
    return { ...entry.job };
  }

  cancel(jobId: string): ImportJob {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new FeeTrailError('not_found', 'No such import job.', { jobId });
    entry.controller.abort();
    return { ...entry.job };
  }

  /** Resolves when every queued import has finished (tests, orderly shutdown). */
  idle(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.job.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(e.job.jobId);
  }
}
