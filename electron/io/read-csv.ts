/**
 * CSV/TSV text → RawRow through csv-parse, after finding the encoding (csv-encoding.ts) and the
 * delimiter. Every cell stays the exact string the file holds: ICBC pads cells with spaces and a tab
 * inside the quotes and CMB prefixes values with a tab so Excel keeps them as text; normalisers strip
 * that, not the reader. Row numbers are the 1-based line where the record starts, as a text editor
 * shows it, so a message can point the user at the line.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { RawRow } from '../../shared/import/raw';
import { chosenEncoding, detectEncoding } from './csv-encoding';
import type { EncodingInfo } from './csv-encoding';
import { causeOf, emptySheet, readError, tooManyColumns, tooManyRows } from './read-limits';
import type { ReadLimits } from './read-limits';

export type CsvDelimiter = ',' | '\t' | ';';

export type CsvOptions = {
  /** Force an encoding (iconv-lite name; gbk/gb2312 are read as gb18030, their superset). */
  encoding?: string;
  delimiter?: CsvDelimiter;
};

export type CsvSource = {
  /** RawRow.sheet for every row: the file's base name. */
  sheet: string;
  encoding: EncodingInfo;
  delimiter: CsvDelimiter;
  delimiterDetected: boolean;
  rows(allowEmpty?: boolean): AsyncGenerator<RawRow>;
};

/** Whole files up to this size are checked for encoding; larger ones by their first bytes. */
const FULL_SAMPLE_BYTES = 8 * 1024 * 1024;
const PARTIAL_SAMPLE_BYTES = 1024 * 1024;
/** One record larger than this is a broken quote, not data: stop instead of swallowing the file. */
const MAX_RECORD_CHARS = 1024 * 1024;
const DELIMITERS: CsvDelimiter[] = [',', '\t', ';'];

async function readSample(path: string, size: number): Promise<{ sample: Buffer; truncated: boolean }> {
  const want = size <= FULL_SAMPLE_BYTES ? size : PARTIAL_SAMPLE_BYTES;
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(want);
    const { bytesRead } = await fh.read(buf, 0, want, 0);
    return { sample: buf.subarray(0, bytesRead), truncated: bytesRead < size };
  } finally {
    await fh.close();
  }
}

/** Counts a delimiter per line, outside double quotes (a quoted field may span lines). */
function countsPerLine(text: string, delim: string): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let n = 0;
  let lineHasContent = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (lineHasContent) counts.push(n);
      n = 0;
      lineHasContent = false;
      continue;
    } else if (!inQuotes && ch === delim) n += 1;
    lineHasContent = true;
    if (counts.length >= 200) break;
  }
  if (lineHasContent) counts.push(n);
  return counts;
}

/**
 * Picks the delimiter whose per-line count is both common and high: ICBC cells carry tabs outside
 * quotes too, but only a few per line, while commas separate every field on every data line.
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; detected: boolean } {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: 0 };
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const c of countsPerLine(text, d)) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [count, lines] of freq) score = Math.max(score, count * lines);
    if (score > best.score) best = { delimiter: d, score };
  }
  return { delimiter: best.delimiter, detected: best.score > 0 };
}

/** The line a record starts on: csv-parse reports the line it ends on. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  let inner = 0;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (ch === '\n' || (ch === '\r' && body[i + 1] !== '\n')) inner += 1;
  }
  return endLine - inner;
}

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };

type CsvParseError = Error & { code?: string; lines?: number };

/**
 * A parse failure, located. A record that never ends (over 1 MB, or still open at the end of the file)
 * is nearly always a quote opened and never closed: point at the line where that record starts, not at
 * the line where the parser gave up, thousands of lines later.
 */
function syntaxError(pe: CsvParseError, file: string, recordStart: number): Error {
  const base = { file, sheet: file, reason: 'csv_syntax' as const, cause: causeOf(pe) };
  if (pe.code === 'CSV_MAX_RECORD_SIZE' || pe.code === 'CSV_QUOTE_NOT_CLOSED') {
    const what =
      pe.code === 'CSV_MAX_RECORD_SIZE'
        ? `is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters`
        : 'is still open at the end of the file';
    return readError(
      'file_unreadable',
      `${file} is not valid CSV: the record starting on line ${recordStart} ${what}. A quote (") opened on that line and never closed is the usual cause; fix it in a text editor and import again.`,
      { ...base, row: recordStart },
    );
  }
  const where = pe.lines !== undefined ? ` near line ${pe.lines}` : '';
  return readError('file_unreadable', `${file} is not valid CSV${where}: ${causeOf(pe)}`, {
    ...base,
    row: pe.lines,
  });
}

/** `file` is the display name (also RawRow.sheet); `size` the file's byte size from stat. */
export async function openCsv(
  path: string,
  size: number,
  file: string,
  limits: ReadLimits,
  opts: CsvOptions = {},
): Promise<CsvSource> {
  const { sample, truncated } = await readSample(path, size);
  let encoding = detectEncoding(sample, truncated);
  if (opts.encoding !== undefined) encoding = chosenEncoding(encoding, opts.encoding, 'override', file);
  const textSample = iconv.decode(
    sample.subarray(encoding.bomLength, encoding.bomLength + 256 * 1024),
    encoding.encoding,
  );
  const found = opts.delimiter ? { delimiter: opts.delimiter, detected: false } : detectDelimiter(textSample);
  const { delimiter } = found;
  const enc = encoding;

  async function* rows(allowEmpty = false): AsyncGenerator<RawRow> {
    const input = createReadStream(path, { start: enc.bomLength });
    const decoder = iconv.decodeStream(enc.encoding, { stripBOM: false });
    let lastEnd = 0;
    const parser = parse({
      delimiter,
      // Every line end, not just the first one seen: csv-parse otherwise keeps the first kind it meets,
      // and a file mixing CRLF with bare CR or LF (exports pasted together) loses lines silently.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      max_record_size: MAX_RECORD_CHARS,
      // The line the last whole record ended on, seen as the parser makes it (records still buffered
      // when a later one fails are dropped): a record that then breaks starts after it.
      on_record: (record: string[], context: { lines: number }) => {
        lastEnd = context.lines;
        return record;
      },
    });
    input.on('error', (e) => parser.destroy(e));
    decoder.on('error', (e: Error) => parser.destroy(e));
    input.pipe(decoder).pipe(parser);
    let yielded = 0;
    try {
      for await (const item of parser as AsyncIterable<ParsedRecord>) {
        const row = startLine(item.info.lines, item.raw);
        if (item.record.length > limits.maxColumns) {
          throw tooManyColumns(file, file, row, item.record.length, limits.maxColumns);
        }
        yielded += 1;
        if (yielded > limits.maxRowsPerSheet) throw tooManyRows(file, file, limits.maxRowsPerSheet);
        yield { sheet: file, row, cells: item.record };
      }
    } catch (e) {
      if (e instanceof Error && e.name === 'FeeTrailError') throw e;
      throw syntaxError(e as CsvParseError, file, lastEnd + 1);
    } finally {
      input.destroy();
      parser.destroy();
    }
    if (yielded === 0 && !allowEmpty) throw emptySheet(file, file);
  }

  return { sheet: file, encoding, delimiter, delimiterDetected: found.detected, rows };
}
