/**
 * What the reading half of an import hands the analysis: a source's facts, and its sheets' rows read
 * once (the head for the analysis, then the rest for the import). Kept apart from the analysis itself
 * so the import worker loads only what reading needs.
 */
import { DEFAULT_SCAN_ROWS } from '../../shared/import/detect-header';
import type { RawRow } from '../../shared/import/raw';
import type { SourceReader } from '../io/read-file';

/** Sheets of a workbook whose first rows the analysis reads. */
const MAX_SCANNED_SHEETS = 10;

/** Rows of each sheet read for detection: the header scan plus enough data rows to infer formats. */
const HEAD_ROWS = DEFAULT_SCAN_ROWS + 200;

/** What the analysis needs to know about a source: the reader minus its row stream (it can cross a thread). */
export type SourceFacts = Pick<
  SourceReader,
  'file' | 'format' | 'size' | 'sheets' | 'defaultSheet' | 'date1904' | 'encoding'
>;

export function factsOf(reader: SourceReader): SourceFacts {
  const { file, format, size, sheets, defaultSheet, date1904, encoding } = reader;
  return { file, format, size, sheets, defaultSheet, date1904, encoding };
}

type Cursor = { rows: AsyncIterator<RawRow>; head: RawRow[]; done: boolean };

/**
 * Reads each sheet once. `head()` takes the first rows of every visible sheet (enough to find the
 * header) and keeps each sheet's reader where it stopped; `rows(sheet)` replays that sheet's head and
 * continues from there. Without this an .xlsx is inflated and its shared strings parsed twice.
 */
export class SheetCursors {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly reader: SourceReader) {}

  /** The first rows of every visible sheet (or only `only`). */
  async head(only?: string): Promise<RawRow[]> {
    const out: RawRow[] = [];
    const sheets = this.reader.sheets.filter(
      (s) => s.readable && s.state === 'visible' && (only === undefined || s.name === only),
    );
    for (const s of sheets.slice(0, MAX_SCANNED_SHEETS)) {
      let c = this.cursors.get(s.name);
      if (!c) {
        c = {
          rows: this.reader.rows(s.name, { allowEmpty: true })[Symbol.asyncIterator](),
          head: [],
          done: false,
        };
        this.cursors.set(s.name, c);
        while (c.head.length < HEAD_ROWS) {
          const r = await c.rows.next();
          if (r.done) {
            c.done = true;
            break;
          }
          c.head.push(r.value);
        }
      }
      out.push(...c.head);
    }
    return out;
  }

  /** Every row of `sheet`, read once: the head already taken, then the rest. Closes the other sheets. */
  async *rows(sheet: string): AsyncGenerator<RawRow> {
    const c = this.cursors.get(sheet);
    this.cursors.delete(sheet);
    await this.close();
    if (!c) {
      yield* this.reader.rows(sheet, { allowEmpty: true });
      return;
    }
    const head = c.head;
    c.head = [];
    try {
      yield* head;
      if (c.done) return;
      for (;;) {
        const r = await c.rows.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      if (!c.done) await c.rows.return?.();
    }
  }

  /** Releases every sheet still open (their files are closed). */
  async close(): Promise<void> {
    const open = [...this.cursors.values()];
    this.cursors.clear();
    for (const c of open) if (!c.done) await c.rows.return?.();
  }
}
