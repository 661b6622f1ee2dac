/**
 * Starts the import worker and speaks its protocol, offering the same `RowSource` as reading inline:
 * exceljs's parsing runs on another thread while the caller normalises and writes.
 *
 * Where the worker's code is: next to this module. Built by electron-vite, that is
 * `out/main/import-worker.js` (a second main entry; chunks sit beside it, see electron.vite.config.ts).
 * Run from source (tsx: CLI, host, bench; vitest), this module is a .ts file and so is the worker: a
 * small bootstrap registers tsx in the new thread and then imports import-worker.ts.
 */
import { Worker } from 'node:worker_threads';
import { FeeTrailError } from '../../shared/result';
import type { ImportWorkerData } from './import-worker';
import type { ReadRow } from './import-batch-pack';
import { unpackBatch } from './import-batch-pack';
import type { FromWorker, RowSource, RowSourcePlan, ToWorker } from './import-worker-rows';
import { fromWire } from './import-worker-rows';

/**
 * The worker's old generation, in MB. V8 sizes a heap from the machine's memory and collects lazily, so
 * an unlimited worker let exceljs's garbage pile up to 300 MB on a 100k-row file; what the worker keeps
 * alive is its code and a few batches (~40 MB; shared strings live outside the heap), so with this cap it
 * collects as it goes, paying for it in CPU time on the worker. A file that needs more (one enormous cell) ends the
 * worker with ERR_WORKER_OUT_OF_MEMORY, which becomes a file_too_large error naming the file.
 */
export const WORKER_HEAP_MB = 128;

/**
 * The worker's young generation, in MB (V8 gives a 128 MB heap 48). exceljs makes a dozen short-lived
 * objects per cell (sax events, the row's cells and their values), and with the default a share of
 * them is still alive at each scavenge: copied, promoted, then marked again by the old generation's
 * collector. With 64 MB more of it dies young: on a 100k-row file the worker's CPU fell ~20 % and V8's
 * helper threads' by half, for ~25 MB more peak RSS (the young generation is a fixed size, not a share
 * of the rows: the 1M-row file's peak stays near 300 MB).
 */
export const WORKER_YOUNG_MB = 64;

let started = 0;

/** How many import workers this process has started (each standby counts once). */
export function importWorkersStarted(): number {
  return started;
}

/** Starts a worker: with its plan it opens the file at once; without (null) it is a standby. */
function startWorker(data: ImportWorkerData | null, heapMb: number): Worker {
  started += 1;
  const here = import.meta.url;
  const options = {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  };
  if (!here.endsWith('.ts')) return new Worker(new URL('./import-worker.js', here), options);
  // tsx's ESM API registers its loader in the thread that imports it (`--import tsx` does not reach workers).
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./import-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

const cancelled = () => new FeeTrailError('cancelled', 'The import was cancelled; the book is unchanged.');

/**
 * A worker started ahead of need, its modules loaded (exceljs alone takes ~130 ms), waiting for a plan.
 * `ready` is false when it failed or stopped before saying so.
 */
type Standby = { worker: Worker; ready: Promise<boolean>; idle: NodeJS.Timeout | null };

let standby: Standby | null = null;

/** A standby nobody takes within this long of being ready is stopped: it holds ~40 MB. */
export const STANDBY_IDLE_MS = 10 * 60_000;

function startStandby(idleMs: number): Standby {
  const worker = startWorker(null, WORKER_HEAP_MB);
  // Waiting, it must not keep the process alive (a CLI run ends when its work does).
  worker.unref();
  const ready = new Promise<boolean>((resolve) => {
    worker.once('message', (m: FromWorker) => resolve(m.type === 'ready'));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  const s: Standby = { worker, ready, idle: null };
  // One that fails or stops is forgotten: the next import starts a worker of its own.
  worker.once('exit', () => {
    if (standby === s) standby = null;
  });
  void ready.then((ok) => {
    if (standby !== s) return;
    if (!ok) {
      standby = null;
      return;
    }
    s.idle = setTimeout(() => {
      if (standby === s) standby = null;
      void worker.terminate();
    }, idleMs);
    s.idle.unref();
  });
  return s;
}

/**
 * Starts an import worker ahead of need, so that the next import does not wait for a thread and its
 * modules (~0.3 s of a 100k-row import here). The preview calls it for a file big enough for the
 * worker (the user checks the preview, then imports), the CLI before its imports. Resolves when the
 * worker is ready. A waiting worker never keeps the process alive, and stops after `idleMs` unused.
 */
export async function warmUpImportWorker(idleMs = STANDBY_IDLE_MS): Promise<void> {
  standby ??= startStandby(idleMs);
  await standby.ready;
}

/** Whether a worker waits for the next import (`starting` while its modules load). */
export async function importWorkerStandby(): Promise<'none' | 'starting' | 'ready'> {
  const s = standby;
  if (!s) return 'none';
  const settled = await Promise.race([s.ready, new Promise<null>((resolve) => setImmediate(resolve, null))]);
  return settled === null ? 'starting' : settled ? 'ready' : 'none';
}

/** The standby, once ready, for this import (held by the process from now on); null without one. */
async function takeStandby(): Promise<Worker | null> {
  const s = standby;
  if (!s) return null;
  standby = null;
  if (s.idle) clearTimeout(s.idle);
  if (!(await s.ready)) {
    await s.worker.terminate();
    return null;
  }
  s.worker.ref();
  return s.worker;
}

/** The worker's messages as a queue the caller awaits one at a time. */
class Inbox {
  private readonly queue: FromWorker[] = [];
  private waiter: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(worker: Worker, fileName: string, heapMb: number) {
    worker.on('message', (m: FromWorker) => {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w.resolve(m);
      } else this.queue.push(m);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      const w = this.waiter;
      this.waiter = null;
      w?.reject(this.failure);
    };
    worker.on('error', (e: Error & { code?: string }) =>
      fail(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new FeeTrailError(
              'file_too_large',
              `${fileName} needs more memory to read than the ${heapMb} MB FeeTrail gives the reader (a cell or row far larger than any export has); nothing was imported.`,
              { file: fileName, reason: 'out_of_memory', limit: heapMb },
            )
          : new Error(`The import worker failed: ${e.message}`),
      ),
    );
    worker.on('exit', (code) => fail(new Error(`The import worker stopped (exit code ${code}).`)));
  }

  next(signal?: AbortSignal): Promise<FromWorker> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiter = null;
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = {
        resolve: (m) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(m);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
    });
  }
}

/** Reading on the import worker. Rejects with the reader's own error when the file cannot be opened. */
export async function openWorkerSource(
  plan: RowSourcePlan,
  needHead: boolean,
  heapMb = WORKER_HEAP_MB,
): Promise<RowSource> {
  const data: ImportWorkerData = { ...plan, needHead };
  // Only a worker of the usual heap is kept waiting.
  const warm = heapMb === WORKER_HEAP_MB ? await takeStandby() : null;
  const worker = warm ?? startWorker(data, heapMb);
  const inbox = new Inbox(worker, plan.fileName, heapMb);
  const send = (m: ToWorker) => worker.postMessage(m);
  if (warm) send({ type: 'open', plan: data });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await worker.terminate();
  };
  let first: FromWorker;
  try {
    first = await inbox.next();
  } catch (e) {
    await close();
    throw e;
  }
  if (first.type !== 'opened') {
    await close();
    throw first.type === 'error'
      ? fromWire(first.error)
      : new Error(`Unexpected ${first.type} from the import worker.`);
  }
  const { facts, head, headError } = first;

  async function* batches(signal?: AbortSignal): AsyncGenerator<Iterable<ReadRow>> {
    for (;;) {
      const m = await inbox.next(signal);
      if (m.type === 'end') return;
      if (m.type === 'error') throw fromWire(m.error);
      if (m.type !== 'batch') throw new Error(`Unexpected ${m.type} from the import worker.`);
      yield unpackBatch(m.batch);
      // The writer has taken the batch: the worker may read one more ahead.
      send({ type: 'ack' });
      // Batches already queued resolve as microtasks: give the event loop a turn between them, so the
      // window's IPC, the host's requests and progress polls are served while the writer catches up.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  return {
    facts,
    head: () => {
      if (headError) return Promise.reject(fromWire(headError));
      return Promise.resolve(head ?? []);
    },
    batches: (sheet: string, signal?: AbortSignal) => {
      send({ type: 'read', sheet });
      return batches(signal);
    },
    close,
  };
}
