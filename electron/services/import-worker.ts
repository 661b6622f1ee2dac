/**
 * The import worker (a `worker_threads` Worker, started by import-worker-client.ts): opens the file,
 * sends its facts and first rows, then on `read` streams the sheet's rows back in batches, never more than
 * WINDOW unacknowledged batches ahead of the writer so memory stays bounded. It never touches the book.
 * Built by electron-vite as its own main-process entry (out/main/import-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type {
  FromWorker,
  OpenedSource,
  PackedRows,
  RowSourcePlan,
  ToWorker,
  WireError,
} from './import-worker-rows';
import { openRows, packedBatches, toWire } from './import-worker-rows';

/** Batches in flight between the worker and the writer. */
const WINDOW = 4;

export type ImportWorkerData = RowSourcePlan & { needHead: boolean };

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread.');
const plan = workerData as ImportWorkerData;
const send = (m: FromWorker): void => port.postMessage(m);
const sendBatch = (rows: PackedRows): void => {
  // Each serializer's buffer is its own memory: hand it over rather than copy it.
  const transfer: ArrayBuffer[] = [];
  for (const { bytes } of rows.segments) {
    const buffer = bytes.buffer;
    if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength)
      transfer.push(buffer);
  }
  port.postMessage({ type: 'batch', rows } satisfies FromWorker, transfer);
};

let credits = WINDOW;
let wake: (() => void) | null = null;
let source: OpenedSource | null = null;

async function stream(sheet: string): Promise<void> {
  if (!source) return;
  try {
    for await (const rows of packedBatches(source.cursors.rows(sheet))) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits -= 1;
      sendBatch(rows);
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
