/**
 * The reading half of an import: open the file, hand over its first rows for the analysis, then read
 * the chosen sheet in batches. The same code runs in the import worker (import-worker.ts, started by
 * import-worker-client.ts) or in the calling thread (`openInlineSource`). Normalising and writing stay
 * with the book's connection (import-service.ts): parsing the .xlsx is the bigger half of the work,
 * so the two threads are about evenly loaded. A batch is plain data: it crosses threads by structured clone.
 */
import type { RawRow } from '../../shared/import/raw';
import { FeeTrailError, isFeeTrailError } from '../../shared/result';
import type { ErrorCode } from '../../shared/result';
import { openSource } from '../io/read-file';
import type { OpenSourceOptions } from '../io/read-file';
import type { ReadLimits } from '../io/read-limits';
import { factsOf, SheetCursors } from './import-analysis';
import type { SourceFacts } from './import-analysis';

/** Rows per batch: big enough that messaging costs nothing, small enough for smooth progress. */
export const BATCH_ROWS = 1000;

/** What the reading half needs: the file and how to open it. Plain data (it is the worker's `workerData`). */
export type RowSourcePlan = {
  path: string;
  fileName: string;
  limits: Partial<ReadLimits>;
  /** CSV: the encoding the user chose. */
  encoding?: string;
  /** Only this sheet's first rows are read for the analysis. */
  sheet?: string;
};

/** A row as read, with the provenance text of its original cells already serialised. */
export type SourceRow = RawRow & { cellsJson: string };

export type RowSource = {
  facts: SourceFacts;
  /** The first rows of the visible sheets (or of the plan's sheet), for header detection. */
  head(): Promise<RawRow[]>;
  /** Every row of `sheet` in batches; a worker starts reading at once, ahead of the caller. */
  batches(sheet: string, signal?: AbortSignal): AsyncIterable<SourceRow[]>;
  /** Stops reading and releases the file (and the worker). Safe to call more than once. */
  close(): Promise<void>;
};

/** Groups rows into batches, serialising each row's cells for provenance on the way. */
export async function* rowBatches(
  rows: AsyncIterable<RawRow>,
  size = BATCH_ROWS,
): AsyncGenerator<SourceRow[]> {
  let out: SourceRow[] = [];
  for await (const row of rows) {
    out.push({ sheet: row.sheet, row: row.row, cells: row.cells, cellsJson: JSON.stringify(row.cells) });
    if (out.length === size) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/** Reading in the calling thread. Yields to the event loop after every batch when `yieldEachBatch`. */
export async function openInlineSource(plan: RowSourcePlan, yieldEachBatch = true): Promise<RowSource> {
  const o: OpenSourceOptions = { limits: plan.limits, fileName: plan.fileName };
  if (plan.encoding) o.encoding = plan.encoding;
  const reader = await openSource(plan.path, o);
  const cursors = new SheetCursors(reader);
  return {
    facts: factsOf(reader),
    head: () => cursors.head(plan.sheet),
    batches: async function* (sheet) {
      for await (const b of rowBatches(cursors.rows(sheet))) {
        yield b;
        if (yieldEachBatch) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    close: () => cursors.close(),
  };
}

/** An error as it crosses threads: a FeeTrailError keeps its code and details. */
export type WireError = { code: string | null; message: string; details?: Record<string, unknown> };

export type ToWorker = { type: 'read'; sheet: string } | { type: 'ack' };

export type FromWorker =
  | { type: 'opened'; facts: SourceFacts; head: RawRow[] | null; headError: WireError | null }
  | { type: 'batch'; rows: SourceRow[] }
  | { type: 'end' }
  | { type: 'error'; error: WireError };

export function toWire(e: unknown): WireError {
  if (isFeeTrailError(e))
    return { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  return { code: null, message: e instanceof Error ? e.message : String(e) };
}

export function fromWire(w: WireError): Error {
  return w.code === null
    ? new Error(w.message)
    : new FeeTrailError(w.code as ErrorCode, w.message, w.details);
}
