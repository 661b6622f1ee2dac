/**
 * The reading half of an import: open the file, hand over its first rows for the analysis, then read
 * the chosen sheet in batches. The same code runs in the import worker (import-worker.ts, started by
 * import-worker-client.ts) or in the calling thread (`openInlineSource`). Normalising, deduplicating
 * and writing stay with the book's connection (import-service.ts), inside its transaction.
 *
 * On the worker, reading is all there is to do: exceljs alone takes that thread's core (its parse and
 * its garbage), so the normaliser runs on the book's thread beside the inserts, and each batch crosses
 * as a few transferred buffers (import-batch-pack.ts) rather than as rows of objects.
 */
import type { RawRow } from '../../shared/import/raw';
import { FeeTrailError, isFeeTrailError } from '../../shared/result';
import type { ErrorCode } from '../../shared/result';
import { openSource } from '../io/read-file';
import type { OpenSourceOptions } from '../io/read-file';
import type { ReadLimits } from '../io/read-limits';
import type { PackedBatch, ReadRow } from './import-batch-pack';
import { factsOf, SheetCursors } from './sheet-cursors';
import type { SourceFacts } from './sheet-cursors';

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

export type RowSource = {
  facts: SourceFacts;
  /** The first rows of the visible sheets (or of the plan's sheet), for header detection. */
  head(): Promise<RawRow[]>;
  /**
   * Every row of `sheet` in batches; a worker starts reading at once, ahead of the caller. Take each
   * batch's rows before asking for the next batch.
   */
  batches(sheet: string, signal?: AbortSignal): AsyncIterable<Iterable<ReadRow>>;
  /** Stops reading and releases the file (and the worker). Safe to call more than once. */
  close(): Promise<void>;
};

/** The file opened for reading, its sheets' first rows kept for the analysis. */
export type OpenedSource = { facts: SourceFacts; cursors: SheetCursors };

export async function openRows(plan: RowSourcePlan): Promise<OpenedSource> {
  const o: OpenSourceOptions = { limits: plan.limits, fileName: plan.fileName };
  if (plan.encoding) o.encoding = plan.encoding;
  const reader = await openSource(plan.path, o);
  return { facts: factsOf(reader), cursors: new SheetCursors(reader) };
}

/** Reading in the calling thread, yielding to the event loop after every batch. */
export async function openInlineSource(plan: RowSourcePlan): Promise<RowSource> {
  const { facts, cursors } = await openRows(plan);
  return {
    facts,
    head: () => cursors.head(plan.sheet),
    batches: async function* (sheet) {
      let batch: ReadRow[] = [];
      // The row is its own provenance: the writer makes its JSON.
      for await (const raw of cursors.rows(sheet)) {
        batch.push({ raw, source: raw });
        if (batch.length === BATCH_ROWS) {
          yield batch;
          batch = [];
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (batch.length > 0) yield batch;
    },
    close: () => cursors.close(),
  };
}

/** An error as it crosses threads: a FeeTrailError keeps its code and details. */
export type WireError = { code: string | null; message: string; details?: Record<string, unknown> };

export type ToWorker =
  | { type: 'open'; plan: RowSourcePlan & { needHead: boolean } }
  | { type: 'read'; sheet: string }
  | { type: 'ack' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'opened'; facts: SourceFacts; head: RawRow[] | null; headError: WireError | null }
  | { type: 'batch'; batch: PackedBatch }
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
