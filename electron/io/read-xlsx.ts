/**
 * .xlsx → RawRow, through exceljs's streaming reader so memory stays bounded on 100k+ rows.
 * Numbers stay numbers and text stays text (nothing trimmed: normalisers decide); date-formatted
 * numbers become RawDateCell with the wall-clock value; formulas give their cached result; rich text
 * is flattened; Excel errors become RawErrorCell. Call `inspectXlsx` first (read-file.ts does): it
 * refuses zip bombs and truncated files and supplies the sheet list, hidden state and date system.
 *
 * Shared strings are taken as exceljs emits them (`sharedStrings: 'emit'`) into our compact table
 * (xlsx-shared-strings.ts), and a cell that refers to one (`{ sharedString: n }`) is looked up there.
 * exceljs then parses every worksheet after the whole zip has been read, from a temporary file, as it
 * already did whenever the sheet comes before sharedStrings.xml in the zip (the usual order).
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Row } from 'exceljs';
import type { RawCell, RawRow } from '../../shared/import/raw';
import { isDateFormat } from './cell-format';
import { exceljsDateToSerial, serialToWallClock } from './excel-serial';
import { SharedStrings } from './xlsx-shared-strings';
import { causeOf, emptySheet, readError, tooManyColumns, tooManyRows } from './read-limits';
import type { ReadLimits } from './read-limits';
import type { XlsxInspection } from './xlsx-zip';

export type XlsxRowsOptions = {
  /** Display name used in RawRow.sheet errors, e.g. the file's base name. */
  file: string;
  limits: ReadLimits;
  inspection: XlsxInspection;
  /** When false (default) a sheet without any non-empty row is a `file_unreadable` error. */
  allowEmpty?: boolean;
};

// exceljs's typings omit what the streaming worksheet reader actually carries.
type StreamedSheet = AsyncIterable<Row> & { name?: string };

/** What `WorkbookReader.parse()` yields: worksheets as events, shared strings bare (in 'emit' mode). */
type SharedStringText = string | null | { richText: { text?: string | null }[] };
type ParseItem =
  | { eventType: 'worksheet'; value: StreamedSheet }
  | { eventType: string; value: unknown }
  | { index: number; text: SharedStringText };

/** A shared string as exceljs's cache gave it to a cell, flattened as `convertCellValue` flattens rich text. */
function flatSharedString(text: SharedStringText): string | null {
  if (text === null || typeof text === 'string') return text;
  return text.richText.map((r) => r.text ?? '').join('');
}

/** A cell whose value is a reference into the shared-string table ('emit' mode). */
function sharedIndex(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('sharedString' in value)) return null;
  return (value as { sharedString: number }).sharedString;
}

/** Formula errors reach us as NaN (exceljs parseFloat()s the cached `#N/A`), so the code is lost. */
const UNKNOWN_FORMULA_ERROR = '#ERROR';

function dateCell(date: Date, date1904: boolean): RawCell {
  if (Number.isNaN(date.getTime())) return null;
  // exceljs applies the workbook's 1904 flag itself; invert with the same flag, then format from the
  // serial so Excel's 1900 leap-year quirk is handled in one place (excel-serial.ts).
  const serial = exceljsDateToSerial(date, date1904);
  return { kind: 'date', value: serialToWallClock(serial, date1904), serial };
}

function numberCell(n: number, numFmt: string | undefined, date1904: boolean): RawCell {
  if (Number.isNaN(n)) return null;
  if (isDateFormat(numFmt)) return { kind: 'date', value: serialToWallClock(n, date1904), serial: n };
  return n;
}

export function convertCellValue(value: CellValue, numFmt: string | undefined, date1904: boolean): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (value instanceof Date) return dateCell(value, date1904);
  if ('error' in value) return { kind: 'error', value: String(value.error) };
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'number') {
      return Number.isNaN(result)
        ? { kind: 'error', value: UNKNOWN_FORMULA_ERROR }
        : numberCell(result, numFmt, date1904);
    }
    if (result instanceof Date) return dateCell(result, date1904);
    if (typeof result === 'string' || typeof result === 'boolean') return result;
    if (typeof result === 'object' && 'error' in result)
      return { kind: 'error', value: String(result.error) };
    return null;
  }
  if ('text' in value)
    return typeof value.text === 'string' ? value.text : convertCellValue(value.text, numFmt, date1904);
  return null;
}

function readNumFmt(cell: Cell): string | undefined {
  // Reading numFmt goes through the style; a cell without a style has none.
  const fmt = cell.numFmt as string | undefined;
  return typeof fmt === 'string' ? fmt : undefined;
}

/**
 * Yields the non-empty rows of one worksheet. `sheet` must be a name from `inspection.sheets`.
 * Stops (and releases the file) as soon as the consumer stops iterating.
 */
export async function* readXlsxRows(
  path: string,
  sheet: string,
  opts: XlsxRowsOptions,
): AsyncGenerator<RawRow> {
  const { file, inspection } = opts;
  const target = inspection.sheets.find((s) => s.name === sheet);
  if (!target) {
    throw readError('file_unreadable', `${file} has no sheet named "${sheet}".`, {
      file,
      sheet,
      reason: 'sheet_not_found',
    });
  }
  let yielded = 0;
  try {
    if (target.streamName !== null) {
      for (let attempt = 1; ; attempt += 1) {
        const rows = yield* sheetRows(path, target.streamName, sheet, opts);
        // A sheet whose part holds values that yields no row lost them the same way, now and then, on a
        // busy machine (a header template read as "no content"); one made only of blank values is read
        // a few times before it is taken as empty.
        const lostRows = rows === 0 && target.hasValues && attempt < EMPTY_READ_ATTEMPTS;
        if (rows !== null && !lostRows) {
          yielded = rows;
          break;
        }
        // exceljs 4.4 now and then ends its parse before a worksheet that follows another one in the zip
        // (in a test, 13–18% of reads of a workbook's second sheet; exceljs#2790 and #3064 upstream): the
        // sheet never comes, so nothing of it was yielded and reading again from the start is safe.
        if (attempt === SHEET_READ_ATTEMPTS)
          throw readError(
            'file_unreadable',
            `${file} could not be read: sheet "${sheet}" did not come out of the workbook in ${SHEET_READ_ATTEMPTS} attempts.`,
            { file, sheet, reason: 'corrupt' },
          );
      }
    }
  } catch (e) {
    // A damaged part makes exceljs fail in its own words, or read on: the inspection's are the ones to
    // give (see XlsxInspection.verified).
    await inspection.verified;
    throw e;
  }
  // The last row counts as read only once the large parts have passed their check.
  await inspection.verified;
  if (yielded === 0 && !opts.allowEmpty) throw emptySheet(file, sheet);
}

/** Reads of a workbook before a sheet that exceljs keeps losing is given up as unreadable. */
const SHEET_READ_ATTEMPTS = 8;
/** Reads of a sheet with values that yields no row before it is taken as empty (blank values only). */
const EMPTY_READ_ATTEMPTS = 3;

/**
 * One pass of exceljs over the workbook, yielding the non-empty rows of the sheet exceljs names
 * `streamName`; returns how many it yielded, or null when that sheet never came out.
 */
async function* sheetRows(
  path: string,
  streamName: string,
  sheet: string,
  opts: XlsxRowsOptions,
): AsyncGenerator<RawRow, number | null> {
  const { file, limits, inspection } = opts;
  const input = createReadStream(path);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'emit',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    let strings = new SharedStrings();
    let read = false;
    let yielded = 0;
    let items: AsyncIterator<ParseItem>;
    try {
      items = reader.parse() as AsyncIterator<ParseItem>;
    } catch (e) {
      throw wrap(e, file, sheet);
    }
    for (;;) {
      let next: IteratorResult<ParseItem>;
      try {
        next = await items.next();
      } catch (e) {
        // The same early end, caught halfway: the zip's listing stopped after workbook.xml.rels but
        // before workbook.xml (the last part exceljs's writer puts in), and exceljs, naming the sheets
        // it kept, reads the workbook it never parsed (a TypeError, 1 read in 300 of a third sheet).
        // The inspection read that part whole, so this is exceljs's, not the file's: read again.
        if (!read && e instanceof TypeError) return null;
        throw wrap(e, file, sheet);
      }
      if (next.done) break;
      const item = next.value;
      if ('index' in item) {
        // A second table (a zip listing sharedStrings.xml twice) replaces the first, as in exceljs's cache.
        if (item.index === 0 && strings.size > 0) strings = new SharedStrings();
        strings.push(flatSharedString(item.text));
        continue;
      }
      if (item.eventType !== 'worksheet') continue;
      const ws = item.value as StreamedSheet;
      // Every sheet but ours is skipped, and so is any sheet after ours: going on to the end lets
      // exceljs delete each temporary file once we have moved past it.
      if (read || ws.name !== streamName) {
        releaseSheet(ws);
        continue;
      }
      read = true;
      const rows = ws[Symbol.asyncIterator]();
      for (;;) {
        let r: IteratorResult<Row>;
        try {
          r = await rows.next();
        } catch (e) {
          throw wrap(e, file, sheet);
        }
        if (r.done) break;
        const raw = toRawRow(r.value, sheet, file, limits, inspection.date1904, strings);
        if (raw === null) continue;
        yielded += 1;
        if (yielded > limits.maxRowsPerSheet) throw tooManyRows(file, sheet, limits.maxRowsPerSheet);
        yield raw;
      }
    }
    return read ? yielded : null;
  } finally {
    input.destroy();
  }
}

/**
 * exceljs opens a read stream on a sheet's temporary file before handing the sheet over, and deletes
 * the file when asked for the next one: a sheet we skip must close that stream, or its open fails
 * (ENOENT) later with nobody listening, which would end the process.
 */
function releaseSheet(ws: StreamedSheet): void {
  const source = (ws as { iterator?: unknown }).iterator;
  if (source instanceof Readable) {
    source.on('error', () => undefined);
    source.destroy();
  }
}

function toRawRow(
  row: Row,
  sheet: string,
  file: string,
  limits: ReadLimits,
  date1904: boolean,
  strings: SharedStrings,
): RawRow | null {
  const count = row.cellCount;
  const cells: RawCell[] = [];
  let last = 0;
  for (let c = 1; c <= count; c += 1) {
    const cell = row.findCell(c);
    let v: RawCell = null;
    if (cell) {
      const value = cell.value;
      const shared = sharedIndex(value);
      v =
        shared === null ? convertCellValue(value, readNumFmt(cell), date1904) : (strings.get(shared) ?? null);
    }
    cells.push(v);
    if (v !== null && v !== '') last = c;
  }
  if (last === 0) return null;
  if (last > limits.maxColumns) throw tooManyColumns(file, sheet, row.number, last, limits.maxColumns);
  cells.length = last;
  return { sheet, row: row.number, cells };
}

function wrap(e: unknown, file: string, sheet: string): Error {
  if (e instanceof Error && e.name === 'FeeTrailError') return e;
  return readError('file_unreadable', `${file} could not be read (sheet "${sheet}"): ${causeOf(e)}.`, {
    file,
    sheet,
    reason: 'corrupt',
    cause: causeOf(e),
  });
}
