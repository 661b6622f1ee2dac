/**
 * The import worker (a `worker_threads` Worker, started by import-worker-client.ts): opens the file,
 * sends its facts and first rows, then on `read` streams the sheet's rows back in batches, never more than
 * WINDOW unacknowledged batches ahead of the writer so memory stays bounded. It never touches the book.
 * Built by electron-vite as its own main-process entry (out/main/import-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, RowSource, RowSourcePlan, ToWorker, WireError } from './import-worker-rows';
import { openInlineSource, toWire } from './import-worker-rows';

/** Batches in flight between the worker and the writer. */
const WINDOW = 4;

export type ImportWorkerData = RowSourcePlan & { needHead: boolean };

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread.');
const plan = workerData as ImportWorkerData;
const send = (m: FromWorker): void => port.postMessage(m);

let credits = WINDOW;
let wake: (() => void) | null = null;
let source: RowSource | null = null;

async function stream(sheet: string): Promise<void> {
  if (!source) return;
  try {
    for await (const rows of source.batches(sheet)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits -= 1;
      send({ type: 'batch', rows });
    }
    send({ type: 'end' });
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
  } else void stream(m.sheet);
});

try {
  // The worker's own thread: no need to yield between batches.
  source = await openInlineSource(plan, false);
  let head: Awaited<ReturnType<RowSource['head']>> | null = null;
  let headError: WireError | null = null;
  if (plan.needHead) {
    try {
      head = await source.head();
    } catch (e) {
      headError = toWire(e);
    }
  }
  send({ type: 'opened', facts: source.facts, head, headError });
} catch (e) {
  send({ type: 'error', error: toWire(e) });
}
