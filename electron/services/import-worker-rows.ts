/**
 * The reading half of an import: open the file, hand over its first rows for the analysis, then read
 * the chosen sheet in batches. The same code runs in the import worker (import-worker.ts, started by
 * import-worker-client.ts) or in the calling thread (`openInlineSource`). Normalising and writing stay
 * with the book's connection (import-service.ts): parsing the .xlsx is the bigger half of the work,
 * so the two threads are about evenly loaded.
 *
 * From the worker a batch crosses as bytes (`PackedRows`): each row is written with v8's serializer (the
 * structured clone postMessage would use, so every value arrives exactly) as soon as it is read, and
 * read back one row at a time as the writer takes it. No row lives as objects while it waits in the
 * window, so neither heap keeps promoting rows it is about to drop: a 100k-row file otherwise leaves
 * each thread with well over 100 MB of dead rows before V8 gets round to collecting them.
 */
import { Deserializer, Serializer } from 'node:v8';
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
  /**
   * Every row of `sheet` in batches; a worker starts reading at once, ahead of the caller. Take each
   * batch's rows before asking for the next batch.
   */
  batches(sheet: string, signal?: AbortSignal): AsyncIterable<Iterable<SourceRow>>;
  /** Stops reading and releases the file (and the worker). Safe to call more than once. */
  close(): Promise<void>;
};

function sourceRow(row: RawRow): SourceRow {
  return { sheet: row.sheet, row: row.row, cells: row.cells, cellsJson: JSON.stringify(row.cells) };
}

/** Groups rows into batches, serialising each row's cells for provenance on the way. */
export async function* rowBatches(
  rows: AsyncIterable<RawRow>,
  size = BATCH_ROWS,
): AsyncGenerator<SourceRow[]> {
  let out: SourceRow[] = [];
  for await (const row of rows) {
    out.push(sourceRow(row));
    if (out.length === size) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

/**
 * A batch of rows as bytes: segments of rows written one after another by v8's serializer. Segments stay
 * under SEGMENT_BYTES because V8 deserialises a larger input straight into the old generation
 * (`kPretenureThreshold`, 100 KB), which would bring back the promoted garbage this format avoids;
 * that threshold is also why a batch of 1,000 rows sent as objects ended up there.
 */
export type PackedRows = { segments: { count: number; bytes: Uint8Array }[] };

const SEGMENT_BYTES = 64 * 1024;

/** Like rowBatches, but each row is serialised the moment it is read (on the worker). */
export async function* packedBatches(
  rows: AsyncIterable<RawRow>,
  size = BATCH_ROWS,
): AsyncGenerator<PackedRows> {
  let segments: PackedRows['segments'] = [];
  let out: Serializer | null = null;
  let count = 0;
  let bytes = 0;
  let total = 0;
  const flush = () => {
    if (out !== null) segments.push({ count, bytes: out.releaseBuffer() });
    out = null;
  };
  for await (const row of rows) {
    const r = sourceRow(row);
    // Cells and their JSON text, at most 2 bytes a character (V8 writes two-byte strings as UTF-16).
    const estimate = 4 * r.cellsJson.length + 64;
    if (out !== null && bytes + estimate > SEGMENT_BYTES) flush();
    if (out === null) {
      out = new Serializer();
      out.writeHeader();
      count = 0;
      bytes = 0;
    }
    out.writeValue(r);
    count += 1;
    bytes += estimate;
    total += 1;
    if (total === size) {
      flush();
      yield { segments };
      segments = [];
      total = 0;
    }
  }
  flush();
  if (segments.length > 0) yield { segments };
}

/** The rows of a packed batch, deserialised one at a time as they are taken. */
export function* unpackRows(batch: PackedRows): Generator<SourceRow> {
  for (const segment of batch.segments) {
    const input = new Deserializer(segment.bytes);
    input.readHeader();
    for (let i = 0; i < segment.count; i += 1) yield input.readValue() as SourceRow;
  }
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
    batches: async function* (sheet) {
      for await (const b of rowBatches(cursors.rows(sheet))) {
        yield b;
        await new Promise<void>((resolve) => setImmediate(resolve));
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
  | { type: 'batch'; rows: PackedRows }
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
