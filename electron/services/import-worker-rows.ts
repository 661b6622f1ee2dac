/**
 * The reading half of an import: open the file, hand over its first rows for the analysis, then read
 * and normalise the chosen sheet (the per-row step) in batches. The same code runs in the import worker (import-worker.ts,
 * started by import-worker-client.ts) or in the calling thread (`openInlineSource`). Deduplicating and
 * writing stay with the book's connection (import-service.ts), inside its transaction, and so does the
 * normaliser's file-wide step (occurrence counts: one key per row, which would crowd the worker's heap).
 *
 * The normaliser is pure shared code and the mapping plain JSON, so the worker normalises each row,
 * and each batch crosses as a few transferred buffers (import-batch-pack.ts) rather than as rows of
 * objects: the book's thread gives each record its fingerprint and binds its values into the inserts.
 */
import type { BankLine, PosTxn } from '../../shared/domain/types';
import type { ColumnMapping } from '../../shared/import/mapping-schema';
import { createRowStep } from '../../shared/import/normalise';
import type { StagedOutcome } from '../../shared/import/normalise';
import type { RawRow } from '../../shared/import/raw';
import { FeeTrailError, isFeeTrailError } from '../../shared/result';
import type { ErrorCode } from '../../shared/result';
import { openSource } from '../io/read-file';
import type { OpenSourceOptions } from '../io/read-file';
import type { ReadLimits } from '../io/read-limits';
import type { NormalisedRow, PackedBatch } from './import-batch-pack';
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

export type RowSource = {
  facts: SourceFacts;
  /** The first rows of the visible sheets (or of the plan's sheet), for header detection. */
  head(): Promise<RawRow[]>;
  /**
   * Every row of `sheet`, normalised with `mapping`, in batches; a worker starts reading at once, ahead
   * of the caller. Take each batch's rows before asking for the next batch.
   */
  batches(
    sheet: string,
    mapping: ColumnMapping,
    signal?: AbortSignal,
  ): AsyncIterable<Iterable<NormalisedRow>>;
  /** Stops reading and releases the file (and the worker). Safe to call more than once. */
  close(): Promise<void>;
};

/** A row with what the normaliser's per-row step made of it; the row itself is its provenance. */
export type RowWithOutcome = { outcome: StagedOutcome<PosTxn | BankLine>; source: RawRow };

/** A sheet's rows through the normaliser's per-row step, as they are read. */
export async function* normalisedRows(
  rows: AsyncIterable<RawRow>,
  mapping: ColumnMapping,
  fileName: string,
): AsyncGenerator<RowWithOutcome> {
  const step = createRowStep(mapping, { file: fileName });
  for await (const row of rows) yield { outcome: step(row), source: row };
}

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
    batches: async function* (sheet, mapping) {
      let batch: RowWithOutcome[] = [];
      for await (const row of normalisedRows(cursors.rows(sheet), mapping, plan.fileName)) {
        batch.push(row);
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

export type ToWorker = { type: 'read'; sheet: string; mapping: ColumnMapping } | { type: 'ack' };

export type FromWorker =
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
