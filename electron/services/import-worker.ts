/**
 * The import worker (a `worker_threads` Worker, started by import-worker-client.ts): opens the file,
 * sends its facts and first rows, then on `read` streams the sheet's rows back in packed batches, never
 * more than WINDOW unacknowledged batches ahead of the writer so memory stays bounded. It only reads:
 * normalising and writing are the book's thread's half. It never touches the book.
 * Built by electron-vite as its own main-process entry (out/main/import-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackedBatch } from './import-batch-pack';
import { BatchPacker, transferablesOf } from './import-batch-pack';
import type { FromWorker, OpenedSource, RowSourcePlan, ToWorker, WireError } from './import-worker-rows';
import { BATCH_ROWS, openRows, toWire } from './import-worker-rows';

/** Batches in flight between the worker and the writer. */
const WINDOW = 4;

export type ImportWorkerData = RowSourcePlan & { needHead: boolean };

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread.');
const send = (m: FromWorker): void => port.postMessage(m);
// The batch's buffers are its own memory: hand them over rather than copy them.
const sendBatch = (batch: PackedBatch): void =>
  port.postMessage({ type: 'batch', batch } satisfies FromWorker, transferablesOf(batch));

let credits = WINDOW;
let wake: (() => void) | null = null;
let source: OpenedSource | null = null;

/** Sends the packer's rows once the writer has room for another batch. */
async function flush(packer: BatchPacker): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  sendBatch(packer.take());
}

async function stream(sheet: string): Promise<void> {
  if (!source) return;
  try {
    // Each row goes onto the tape as soon as it is read: a batch of rows kept as objects would survive
    // the young generation's collections and be promoted, to be freed only by a full collection.
    const packer = new BatchPacker();
    for await (const row of source.cursors.rows(sheet)) {
      // A batch names one sheet (a reader yields one sheet's rows, so this only guards the format).
      if (packer.count > 0 && packer.currentSheet !== row.sheet) await flush(packer);
      packer.add(row);
      if (packer.count === BATCH_ROWS) await flush(packer);
    }
    if (packer.count > 0) await flush(packer);
    send({ type: 'end' });
  } catch (e) {
    send({ type: 'error', error: toWire(e) });
  }
}

/** Opens the file and sends its facts (and its first rows when the analysis needs them). */
async function open(plan: ImportWorkerData): Promise<void> {
  try {
    source = await openRows(plan);
    let head: Awaited<ReturnType<OpenedSource['cursors']['head']>> | null = null;
    let headError: WireError | null = null;
    if (plan.needHead) {
      try {
        head = await source.cursors.head(plan.sheet);
      } catch (e) {
        headError = toWire(e);
      }
    }
    send({ type: 'opened', facts: source.facts, head, headError });
  } catch (e) {
    send({ type: 'error', error: toWire(e) });
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'ack') {
    credits += 1;
    const w = wake;
    wake = null;
    w?.();
  } else if (m.type === 'open') void open(m.plan);
  else void stream(m.sheet);
});

// Started with its plan, the worker opens the file at once; started ahead of need (a standby, see
// import-worker-client.ts), it says it is ready, its modules loaded, and waits for an `open`.
const plan = workerData as ImportWorkerData | null;
if (plan) void open(plan);
else send({ type: 'ready' });
