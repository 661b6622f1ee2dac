/**
 * A batch of read rows as a few flat buffers, so it crosses from the import worker to the book's thread
 * without a structured clone of each row (see import-worker-rows.ts for where it is used).
 *
 * The worker does nothing to a row but read it: each row goes onto a tape as its number (in a
 * Float64Array) and the JSON text of its cells (UTF-8, one Buffer for the batch, each row's byte length
 * beside it; JSON.stringify escapes lone surrogates, so the UTF-8 is exact). That JSON is the row's
 * provenance exactly as the book keeps it, and JSON.parse gives the cells back for the normaliser on
 * the book's thread: one native call per row on either side rather than one per cell. The buffers are
 * transferred, not copied, and the book's thread reads the tape back a row at a time, so no batch of
 * rows ever sits in either heap as objects (V8 would promote a 1,000-row batch of objects to the old
 * generation, where only a full collection frees it).
 *
 * JSON cannot carry every number: -0 comes back as 0 and ±Infinity as null (a date's serial may be
 * either, from an .xlsx `<v>-0</v>` or `<v>1e999</v>`). A row holding one crosses as its cells too, in
 * a short list beside the tape, so the book's thread normalises exactly what the reader read.
 */
import type { RawCell, RawRow } from '../../shared/import/raw';
import type { SourceRef } from '../db/import-repo';

/** One row as the book's thread takes it: its cells to normalise, and its provenance to write. */
export type ReadRow = { raw: RawRow; source: SourceRef };

export type PackedBatch = {
  sheet: string;
  count: number;
  /** Each row's number in its sheet. */
  rows: Float64Array;
  /** The UTF-8 bytes of every row's cells JSON, one after another. */
  text: Uint8Array;
  /** Each row's JSON length in bytes. */
  textLengths: Int32Array;
  /** The cells of the rows whose JSON would not give them back exactly, by the row's index in the batch. */
  exact: { index: number; cells: RawCell[] }[];
};

const exactNumber = (n: number): boolean => Number.isFinite(n) && !Object.is(n, -0);

/** Whether JSON.parse(JSON.stringify(cells)) gives back the very same cells. */
function survivesJson(cells: readonly RawCell[]): boolean {
  for (const c of cells) {
    if (typeof c === 'number') {
      if (!exactNumber(c)) return false;
    } else if (typeof c === 'object' && c !== null && c.kind === 'date') {
      if (c.serial !== undefined && !exactNumber(c.serial)) return false;
    }
  }
  return true;
}

/** Collects rows of one sheet onto a tape; `take` hands the batch over and starts anew. */
export class BatchPacker {
  private rows: number[] = [];
  private textLengths: number[] = [];
  private exact: PackedBatch['exact'] = [];
  private text = Buffer.allocUnsafeSlow(256 * 1024);
  private textBytes = 0;
  private sheet: string | null = null;

  get count(): number {
    return this.rows.length;
  }

  /** The sheet of the rows so far; a row of another sheet needs a batch of its own. */
  get currentSheet(): string | null {
    return this.sheet;
  }

  add(row: RawRow): void {
    this.sheet ??= row.sheet;
    if (!survivesJson(row.cells)) this.exact.push({ index: this.rows.length, cells: row.cells });
    this.rows.push(row.row);
    this.string(JSON.stringify(row.cells));
  }

  /** The batch so far, its buffers the caller's own (to transfer); the packer starts a new one. */
  take(): PackedBatch {
    const batch: PackedBatch = {
      sheet: this.sheet ?? '',
      count: this.rows.length,
      rows: Float64Array.from(this.rows),
      text: new Uint8Array(this.text.buffer.slice(0, this.textBytes)),
      textLengths: Int32Array.from(this.textLengths),
      exact: this.exact,
    };
    this.rows = [];
    this.textLengths = [];
    this.exact = [];
    this.textBytes = 0;
    this.sheet = null;
    return batch;
  }

  private string(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const room = this.textBytes + 3 * s.length;
    if (room > this.text.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.text.length, room));
      this.text.copy(bigger, 0, 0, this.textBytes);
      this.text = bigger;
    }
    const n = this.text.write(s, this.textBytes, 'utf8');
    this.textBytes += n;
    this.textLengths.push(n);
  }
}

/** The buffers a batch owns, for postMessage's transfer list. */
export function transferablesOf(batch: PackedBatch): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of [batch.rows, batch.text, batch.textLengths]) {
    if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength)
      out.push(a.buffer);
  }
  return out;
}

/** The rows of a packed batch, each made as it is taken (in the order they were added). */
export function* unpackBatch(batch: PackedBatch): Generator<ReadRow> {
  const text = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength);
  const { sheet, rows, textLengths } = batch;
  let at = 0;
  let exactAt = 0;
  for (let index = 0; index < batch.count; index += 1) {
    const length = textLengths[index] as number;
    const cellsJson = text.toString('utf8', at, at + length);
    at += length;
    const row = rows[index] as number;
    const kept = batch.exact[exactAt];
    let cells: RawCell[];
    if (kept?.index === index) {
      cells = kept.cells;
      exactAt += 1;
    } else cells = JSON.parse(cellsJson) as RawCell[];
    yield { raw: { sheet, row, cells }, source: { sheet, row, cellsJson } };
  }
}
