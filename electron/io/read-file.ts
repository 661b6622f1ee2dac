/**
 * The one entry to reading a user's file. Picks the reader by content, not by extension.
 *
 * ```ts
 * const src = await openSource('/path/交易明细.xlsx', { limits: { maxRowsPerSheet: 200_000 } });
 * src.format;   // 'xlsx' | 'xls' | 'csv'
 * src.sheets;   // [{ name, index, state: 'visible' | 'hidden' | 'veryHidden', readable }]
 * src.encoding; // CSV and web-page .xls: { encoding, confidence, source, uncertain, candidates }
 * for await (const row of src.rows()) … // RawRow { sheet, row, cells }, default sheet = first visible
 * for await (const row of src.rows('Sheet2', { allowEmpty: true })) …
 * ```
 *
 * - `openSource(path, opts?) → Promise<SourceReader>`: sniffs (zip `PK` → xlsx, OLE2 `D0 CF 11 E0` →
 *   xls, a web page with a <table> or an Excel 2003 XML workbook → xls read by SheetJS, one sheet per
 *   table; other text → csv), checks size limits, refuses zip bombs before exceljs inflates anything.
 *   `rows()` may be called again; each call reads the file afresh (xlsx/csv stream, xls is in memory).
 * - `sniffFormat(path) → Promise<SniffResult>`: just the format decision.
 * - `sha256File(path) → Promise<string>`: streamed hex digest (the attachment store's key).
 * - `describeFile(path, opts?) → Promise<FileDescription>`: size, sha256, format, sheets, encoding.
 *
 * Every refusal is a thrown `FeeTrailError` (shared/result.ts) with code `file_unsupported`,
 * `file_unreadable` or `file_too_large` and details `{ file, reason, sheet?, row?, column?, limit? }`
 * (see read-limits.ts); `rows()` throws them while iterating, at the row concerned. Nothing here
 * imports Electron: it runs in the CLI, the host, workers and tests unchanged.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { RawRow } from '../../shared/import/raw';
import type { EncodingInfo } from './csv-encoding';
import { openCsv } from './read-csv';
import type { CsvDelimiter } from './read-csv';
import { causeOf, readError, resolveLimits } from './read-limits';
import type { ReadLimits } from './read-limits';
import { decodeMarkup } from './read-markup';
import { openMarkupTables, openXls } from './read-xls';
import { readXlsxRows } from './read-xlsx';
import { inspectXlsx } from './xlsx-zip';
import type { SheetState } from './xlsx-zip';

export type SourceFormat = 'xlsx' | 'xls' | 'csv';

export type SheetInfo = {
  name: string;
  /** 0-based position in the workbook. */
  index: number;
  state: SheetState;
  /** False for chart sheets and parts the streaming reader cannot see: they yield no rows. */
  readable: boolean;
};

export type RowsOptions = {
  /** When false (default) a sheet with no non-empty row throws `file_unreadable` (reason empty_sheet). */
  allowEmpty?: boolean;
};

export type SourceReader = {
  path: string;
  /** Display name used in errors and as RawRow.sheet for CSV. */
  file: string;
  format: SourceFormat;
  size: number;
  sheets: SheetInfo[];
  /** The first visible readable sheet: what `rows()` reads without a name. */
  defaultSheet: string;
  date1904: boolean;
  /** CSV, and a web page or XML workbook under an .xls name. */
  encoding: EncodingInfo | null;
  /** CSV only. */
  delimiter: CsvDelimiter | null;
  rows(sheet?: string, opts?: RowsOptions): AsyncIterable<RawRow>;
};

export type OpenSourceOptions = {
  limits?: Partial<ReadLimits>;
  /** CSV: force the encoding (e.g. after the user picked one of `encoding.candidates`). */
  encoding?: string;
  /** CSV: force the delimiter. */
  delimiter?: CsvDelimiter;
  /** Name shown in messages; defaults to the path's base name (uploads may have temp paths). */
  fileName?: string;
};

export type SniffResult =
  /** `markup`: a web page with tables, or an Excel 2003 XML workbook (read as Excel 97-2003 files are). */
  | { ok: true; format: SourceFormat | 'markup'; size: number }
  | {
      ok: false;
      reason: 'empty_file' | 'pdf' | 'image' | 'binary' | 'html';
      detected: string;
      size: number;
      /** Text with stray NUL bytes: the 1-based line of the first one. */
      line?: number;
    };

const EXCEL_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.xlt', '.xltx', '.et']);

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

type ByteCounts = { zeros: number; oddZeros: number; control: number; firstZero: number };

function countBytes(head: Uint8Array): ByteCounts {
  const c: ByteCounts = { zeros: 0, oddZeros: 0, control: 0, firstZero: -1 };
  for (let i = 0; i < head.length; i += 1) {
    const b = head[i] ?? 0;
    if (b === 0) {
      c.zeros += 1;
      if (i % 2 === 1) c.oddZeros += 1;
      if (c.firstZero < 0) c.firstZero = i;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) c.control += 1;
  }
  return c;
}

function looksBinary(head: Uint8Array, c: ByteCounts): boolean {
  // UTF-16 text is full of NULs; a BOM (or the csv encoding detector) vouches for it.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return false;
  // BOM-less UTF-16LE ASCII text: NULs in every other byte only.
  if (c.zeros > 0 && c.oddZeros / c.zeros > 0.95 && c.zeros > head.length / 4) return false;
  return c.zeros > 0 || c.control > head.length / 100;
}

/**
 * Text that would be CSV but for a few NUL bytes (a damaged export, or padding some systems write):
 * the line of the first NUL, so the refusal can point at it. Null when the bytes are not mostly text.
 */
function nulInText(head: Uint8Array, c: ByteCounts): number | null {
  if (c.firstZero < 0 || c.zeros > head.length / 50 || c.control > head.length / 100) return null;
  let line = 1;
  for (let i = 0; i < c.firstZero; i += 1) if (head[i] === 0x0a) line += 1;
  return line;
}

export async function sniffFormat(path: string): Promise<SniffResult> {
  const info = await stat(path);
  const size = info.size;
  if (size === 0) return { ok: false, reason: 'empty_file', detected: 'empty file', size };
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(size, 64 * 1024));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return { ok: true, format: 'xlsx', size };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { ok: true, format: 'xls', size };
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46]))
    return { ok: false, reason: 'pdf', detected: 'PDF document', size };
  const images: [number[], string][] = [
    [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
    [[0xff, 0xd8, 0xff], 'JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
    [[0x49, 0x49, 0x2a, 0x00], 'TIFF image'],
    [[0x4d, 0x4d, 0x00, 0x2a], 'TIFF image'],
  ];
  for (const [magic, what] of images)
    if (startsWith(head, magic)) return { ok: false, reason: 'image', detected: what, size };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { ok: false, reason: 'image', detected: 'WebP image', size };
  }
  const counts = countBytes(head);
  if (looksBinary(head, counts)) {
    const line = nulInText(head, counts);
    return line === null
      ? { ok: false, reason: 'binary', detected: 'binary data', size }
      : { ok: false, reason: 'binary', detected: 'text with NUL bytes', size, line };
  }
  const start = head
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart();
  if (/^<(?:!doctype\s+html|html|table|head|meta|\?xml)/i.test(start)) {
    // Online banks export statements as a web page's table or Excel 2003 XML under an .xls name, and
    // Excel opens both. A page without a table (a login or error page saved by mistake) is refused.
    const text = head.toString('latin1');
    if (/<table[\s>]/i.test(text) || /urn:schemas-microsoft-com:office:spreadsheet/i.test(text))
      return { ok: true, format: 'markup', size };
    return { ok: false, reason: 'html', detected: 'web page or XML without a table', size };
  }
  return { ok: true, format: 'csv', size };
}

const SNIFF_MESSAGES: Record<Exclude<SniffResult, { ok: true }>['reason'], string> = {
  empty_file: 'is empty (0 bytes)',
  pdf: 'is a PDF document; export the statement from online banking as Excel (.xlsx/.xls) or CSV instead',
  image: 'is an image, not a spreadsheet; export the data as Excel or CSV instead',
  binary: 'is not a spreadsheet or text file',
  html: 'is a web page or XML file without a table of data (perhaps a login or error page saved by mistake); export the statement again',
};

async function statOrFail(path: string, file: string): Promise<void> {
  try {
    await stat(path);
  } catch (e) {
    throw readError('file_unreadable', `${file} cannot be opened: ${causeOf(e)}`, {
      file,
      reason: 'missing',
      cause: causeOf(e),
    });
  }
}

export async function openSource(path: string, opts: OpenSourceOptions = {}): Promise<SourceReader> {
  const file = opts.fileName ?? basename(path);
  const limits = resolveLimits(opts.limits);
  await statOrFail(path, file);
  const sniff = await sniffFormat(path);
  if (!sniff.ok) {
    const code = sniff.reason === 'empty_file' ? 'file_unreadable' : 'file_unsupported';
    const message =
      sniff.line === undefined
        ? `${file} ${SNIFF_MESSAGES[sniff.reason]}.`
        : `${file} holds NUL bytes (the first on line ${sniff.line}), which no text export contains: the file is damaged. Export it again from the bank or the back office.`;
    throw readError(code, message, {
      file,
      reason: sniff.reason,
      detected: sniff.detected,
      ...(sniff.line === undefined ? {} : { row: sniff.line }),
    });
  }
  const { format, size } = sniff;
  if (size > limits.maxFileBytes) {
    throw readError(
      'file_too_large',
      `${file} is ${size} bytes, over the limit of ${limits.maxFileBytes} bytes.`,
      {
        file,
        reason: 'file_too_big',
        limit: limits.maxFileBytes,
      },
    );
  }
  const ext = extname(file).toLowerCase();
  if (format === 'csv' && EXCEL_EXTENSIONS.has(ext)) {
    // A text file renamed to .xlsx/.xls is more often a mistake than a CSV; say so rather than guess.
    throw readError(
      'file_unsupported',
      `${file} is named like an Excel workbook but contains plain text. If it is a CSV export, rename it to .csv and import it again.`,
      { file, reason: 'extension_mismatch', detected: 'text' },
    );
  }
  // A web page or XML workbook under an .xls name is what the bank calls an .xls: stored as one.
  const base = { path, file, format: format === 'markup' ? ('xls' as const) : format, size };

  if (format === 'xlsx') {
    const inspection = await inspectXlsx(path, file, limits);
    const sheets: SheetInfo[] = inspection.sheets.map((s, index) => ({
      name: s.name,
      index,
      state: s.state,
      readable: s.streamName !== null,
    }));
    const defaultSheet = pickDefault(sheets, file);
    return {
      ...base,
      sheets,
      defaultSheet,
      date1904: inspection.date1904,
      encoding: null,
      delimiter: null,
      rows: (sheet, o) =>
        readXlsxRows(path, sheet ?? defaultSheet, {
          file,
          limits,
          inspection,
          allowEmpty: o?.allowEmpty ?? false,
        }),
    };
  }
  if (format === 'xls' || format === 'markup') {
    const markup = format === 'markup' ? await decodeMarkup(path, file, opts.encoding) : null;
    const wb = markup ? await openMarkupTables(markup.text, file, limits) : await openXls(path, file, limits);
    const sheets: SheetInfo[] = wb.sheets.map((s, index) => ({ ...s, index, readable: true }));
    const defaultSheet = pickDefault(sheets, file);
    return {
      ...base,
      sheets,
      defaultSheet,
      date1904: wb.date1904,
      encoding: markup?.encoding ?? null,
      delimiter: null,
      rows: (sheet, o) => wb.rows(sheet ?? defaultSheet, o?.allowEmpty ?? false),
    };
  }
  const csvOpts = {
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
  };
  const csv = await openCsv(path, size, file, limits, csvOpts);
  return {
    ...base,
    sheets: [{ name: csv.sheet, index: 0, state: 'visible', readable: true }],
    defaultSheet: csv.sheet,
    date1904: false,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    rows: async function* (sheet, o) {
      if (sheet !== undefined && sheet !== csv.sheet) {
        throw readError('file_unreadable', `${file} has no sheet named "${sheet}".`, {
          file,
          sheet,
          reason: 'sheet_not_found',
        });
      }
      yield* csv.rows(o?.allowEmpty ?? false);
    },
  };
}

function pickDefault(sheets: SheetInfo[], file: string): string {
  const pick = sheets.find((s) => s.state === 'visible' && s.readable) ?? sheets.find((s) => s.readable);
  if (!pick)
    throw readError('file_unreadable', `${file} has no worksheet with cells.`, { file, reason: 'no_sheets' });
  return pick.name;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export type FileDescription = {
  path: string;
  file: string;
  size: number;
  sha256: string;
  format: SourceFormat;
  sheets: SheetInfo[];
  encoding: EncodingInfo | null;
};

export async function describeFile(path: string, opts: OpenSourceOptions = {}): Promise<FileDescription> {
  const src = await openSource(path, opts);
  return {
    path,
    file: src.file,
    size: src.size,
    sha256: await sha256File(path),
    format: src.format,
    sheets: src.sheets,
    encoding: src.encoding,
  };
}
