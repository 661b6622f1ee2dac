/**
 * Looks inside an .xlsx before exceljs does. exceljs streams and inflates whatever the zip claims, so a
 * zip bomb or a truncated file must be refused here, from the central directory (which sits at the end
 * of the file: a truncated .xlsx has none and fails cleanly). The same pass reads the small workbook
 * parts to learn the sheet names, their hidden state and the 1904 date system up front.
 *
 * It also checks every XML part exceljs will parse (workbook, rels, styles, shared strings, sheets),
 * because exceljs's SAX parsing forgives too much: a part cut short ends the sheet early without an
 * error, and a DTD (`<!DOCTYPE`, the vehicle of "billion laughs" and external entities) in the shared
 * strings silently empties the cells that use them. So a part must end with its root element's closing
 * tag, and no part may declare a DTD (Excel never writes one). This inflates those parts once more,
 * streaming, keeping only the first 64 KB and the last few bytes.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { causeOf, readError } from './read-limits';
import type { ReadLimits } from './read-limits';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export type XlsxSheetEntry = {
  name: string;
  state: SheetState;
  /** Zip path of the sheet part, e.g. `xl/worksheets/sheet1.xml`; null for chart sheets. */
  part: string | null;
  /** The name exceljs's streaming reader will report for this sheet (it falls back to `SheetN`). */
  streamName: string | null;
  /**
   * The part holds cell values: a `<v>` or `<is>` in its first 64 KB, or it is longer than that. A read
   * of such a sheet that yields no row lost its rows on the way (see read-xlsx.ts).
   */
  hasValues: boolean;
};

export type XlsxInspection = {
  entries: number;
  uncompressedBytes: number;
  /**
   * The check of the large parts (over DEFERRED_PART_MIN: the sheets' data, the shared strings), still
   * running while exceljs reads: it rejects with the same errors the inspection gives. A reader awaits
   * it before its last row counts as read (read-xlsx.ts), so nothing of a damaged file is kept.
   */
  verified: Promise<void>;
  date1904: boolean;
  sheets: XlsxSheetEntry[];
};

const SMALL_PART_MAX = 16 * 1024 * 1024;

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  }
  return out;
}

function localAttr(a: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of a) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

function readEntryText(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (e, stream) => {
      if (e) return reject(e);
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (c: Buffer) => {
        total += c.length;
        if (total > SMALL_PART_MAX) {
          stream.destroy(new Error(`${entry.fileName} is larger than ${SMALL_PART_MAX} bytes`));
          return;
        }
        chunks.push(c);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes makes yauzl fail a part whose real size differs from the declared one, so a
    // lying central directory cannot slip a bigger part past the size check for the parts read here.
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (e, zip) =>
      e ? reject(e) : resolve(zip),
    );
  });
}

/**
 * The entry name yauzl refused as escaping the archive (absolute, `..`, backslashes), from its error
 * message, or null when the error is something else.
 */
function unsafeEntryName(message: string): string | null {
  const m = /^(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(message);
  return m ? (m[1] ?? '') : null;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Parses workbook.xml + its rels into sheet entries (exported for tests). */
export function parseWorkbookParts(
  workbookXml: string,
  relsXml: string,
): Omit<XlsxInspection, 'entries' | 'uncompressedBytes' | 'verified'> {
  const rels = new Map<string, { target: string; type: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) rels.set(id, { target, type: a.get('Type') ?? '' });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const d1904 = pr ? attrs(pr[0]).get('date1904') : undefined;
  const date1904 = d1904 === '1' || d1904 === 'true';
  const sheets: XlsxSheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rawState = a.get('state');
    const state: SheetState =
      rawState === 'hidden' ? 'hidden' : rawState === 'veryHidden' ? 'veryHidden' : 'visible';
    const rel = rels.get(localAttr(a, 'id') ?? '');
    const isWorksheet =
      rel !== undefined && !/chartsheet/i.test(rel.type) && !/chartsheets\//.test(rel.target);
    const part = rel && isWorksheet ? resolveTarget(rel.target) : null;
    const no = part ? /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1] : undefined;
    // exceljs names a sheet only when the rel target is literally `worksheets/sheetN.xml`.
    const streamName =
      no === undefined
        ? null
        : rel?.target === `worksheets/sheet${no}.xml`
          ? (a.get('name') ?? '')
          : `Sheet${no}`;
    sheets.push({ name: a.get('name') ?? '', state, part, streamName, hasValues: false });
  }
  return { date1904, sheets };
}

/** The parts exceljs's streaming reader parses (its own patterns, unanchored as it uses them). */
function parsedByExceljs(name: string): boolean {
  return (
    name === 'xl/workbook.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/styles.xml' ||
    /xl\/worksheets\/(?:_rels\/)?sheet\d+[.]xml/.test(name)
  );
}

const PROLOG_MAX = 64 * 1024;
const TAIL_BYTES = 512;

type PartShape = { head: string; tail: string; bytes: number };

/** The first 64 KB and the last bytes of a part, inflating it as a stream. */
function partShape(zip: ZipFile, entry: Entry): Promise<PartShape> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (e, stream) => {
      if (e) return reject(e);
      const head: Buffer[] = [];
      let headBytes = 0;
      let tail = Buffer.alloc(0);
      let bytes = 0;
      stream.on('data', (c: Buffer) => {
        bytes += c.length;
        if (headBytes < PROLOG_MAX) {
          head.push(c.subarray(0, PROLOG_MAX - headBytes));
          headBytes += Math.min(c.length, PROLOG_MAX - headBytes);
        }
        tail = Buffer.concat([tail, c.subarray(Math.max(0, c.length - TAIL_BYTES))]);
        if (tail.length > TAIL_BYTES) tail = tail.subarray(tail.length - TAIL_BYTES);
      });
      stream.on('error', reject);
      stream.on('end', () =>
        resolve({ head: decodePart(Buffer.concat(head)), tail: decodePart(tail), bytes }),
      );
    });
  });
}

function decodePart(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf);
  return buf.toString('utf8');
}

const TRAILING_MISC = /(?:\s|<!--[\s\S]*?-->|<\?[^>]*\?>)*$/;

/**
 * Where the root element starts in a part's head, skipping the XML declaration, comments and processing
 * instructions (a linear scan: hostile heads full of unclosed `<!--` must not cost quadratic time).
 */
function findRoot(head: string): { at: number; name: string } | 'dtd' | 'unclosed' | null {
  let i = 0;
  for (;;) {
    i = head.indexOf('<', i);
    if (i < 0) return null;
    if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i + 4);
      if (end < 0) return 'unclosed';
      i = end + 3;
    } else if (head.startsWith('<?', i)) {
      const end = head.indexOf('?>', i + 2);
      if (end < 0) return 'unclosed';
      i = end + 2;
    } else if (head.startsWith('<!', i)) {
      return 'dtd';
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(i, i + 256));
      return m ? { at: i, name: m[1] ?? '' } : null;
    }
  }
}

/** Why a part is refused, or null. Exported for tests. */
export function xmlPartProblem(shape: PartShape): 'dtd' | 'no_root' | 'cut_short' | null {
  const root = findRoot(shape.head);
  if (root === 'dtd') return 'dtd';
  if (root === null || root === 'unclosed') return shape.bytes > PROLOG_MAX ? 'no_root' : 'cut_short';
  const end = shape.tail.replace(TRAILING_MISC, '');
  if (end.endsWith(`</${root.name}>`) || new RegExp(`</${root.name.replace(/\./g, '\\.')}\\s+>$`).test(end))
    return null;
  // A root with no content (`<sst/>`) is whole when nothing follows it.
  const close = shape.head.indexOf('>', root.at);
  const selfClosed = close > 0 && shape.head[close - 1] === '/';
  const rest = shape.head.slice(close + 1).trim();
  return selfClosed && shape.bytes <= PROLOG_MAX && rest === '' ? null : 'cut_short';
}

/** A cell value element (`<v>`, an inline string's `<is>`), with or without a namespace prefix. */
const CELL_VALUE_RE = /<(?:[\w.-]+:)?(?:v|is)[\s>]/;

/**
 * Parts this large are checked while exceljs reads them rather than before: checking inflates each
 * part once more (~0.2 s for a 100k-row sheet), and a second core does that beside exceljs's own
 * inflating. A part this large holds values by its size alone (the check proves the size).
 */
const DEFERRED_PART_MIN = 1024 * 1024;

const deferred = (entry: Entry): boolean => entry.uncompressedSize >= DEFERRED_PART_MIN;

async function checkXmlParts(
  zip: ZipFile,
  entries: Map<string, Entry>,
  sheets: XlsxSheetEntry[],
  file: string,
  which: (entry: Entry) => boolean,
): Promise<void> {
  for (const [name, entry] of entries) {
    if (!parsedByExceljs(name) || !which(entry)) continue;
    const shape = await partShape(zip, entry);
    const ofSheet = sheets.find((s) => s.part === name);
    if (ofSheet) ofSheet.hasValues = shape.bytes > PROLOG_MAX || CELL_VALUE_RE.test(shape.head);
    const problem = xmlPartProblem(shape);
    if (problem === null) continue;
    const sheet = ofSheet?.name;
    const where = sheet !== undefined ? ` (sheet "${sheet}", part ${name})` : ` (part ${name})`;
    if (problem === 'dtd') {
      throw readError(
        'file_unsupported',
        `${file} declares a DTD (<!DOCTYPE>)${where}. Excel never writes one, and it can hide entity expansion or references to other files, so the workbook is refused. Open it in Excel or WPS and save it again as .xlsx.`,
        { file, sheet, reason: 'unsafe_xml', detected: name },
      );
    }
    throw readError(
      'file_unreadable',
      problem === 'no_root'
        ? `${file} is damaged${where}: no XML content in its first ${PROLOG_MAX / 1024} KB.`
        : `${file} is damaged or incomplete${where}: the XML stops before its end.`,
      { file, sheet, reason: problem === 'no_root' ? 'corrupt' : 'truncated', detected: name },
    );
  }
}

export async function inspectXlsx(path: string, file: string, limits: ReadLimits): Promise<XlsxInspection> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    throw readError(
      'file_unreadable',
      `${file} is damaged or incomplete (the zip directory cannot be read).`,
      {
        file,
        reason: 'truncated',
        cause: causeOf(e),
      },
    );
  }
  // Left open for the large parts' check, which closes it (see `verified`).
  let closeZip = true;
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw readError(
        'file_too_large',
        `${file} holds ${zip.entryCount} parts; refusing more than ${limits.maxZipEntries}.`,
        {
          file,
          reason: 'too_many_entries',
          limit: limits.maxZipEntries,
        },
      );
    }
    const entries = new Map<string, Entry>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize >= limits.ratioCheckMinBytes && ratio > limits.maxCompressionRatio) {
          reject(
            readError(
              'file_too_large',
              `${file} looks like a zip bomb: ${entry.fileName} expands ${Math.round(ratio)}×.`,
              {
                file,
                reason: 'zip_bomb',
                limit: limits.maxCompressionRatio,
              },
            ),
          );
          return;
        }
        if (total > limits.maxUncompressedBytes) {
          reject(
            readError(
              'file_too_large',
              `${file} expands to more than ${limits.maxUncompressedBytes} bytes; refusing it as a possible zip bomb.`,
              {
                file,
                reason: 'zip_bomb',
                limit: limits.maxUncompressedBytes,
              },
            ),
          );
          return;
        }
        if (entry.isEncrypted()) {
          reject(readError('file_unsupported', `${file} is encrypted.`, { file, reason: 'encrypted' }));
          return;
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    const workbook = entries.get('xl/workbook.xml');
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) {
      const what = entries.has('xl/workbook.bin')
        ? 'an Excel binary workbook (.xlsb); save it as .xlsx'
        : entries.has('mimetype') || entries.has('content.xml')
          ? 'an OpenDocument file; save it as .xlsx'
          : entries.has('word/document.xml')
            ? 'a Word document'
            : 'a zip archive, not an Excel workbook';
      throw readError('file_unsupported', `${file} is ${what}.`, {
        file,
        reason: 'not_a_workbook',
        detected: what,
      });
    }
    const parsed = parseWorkbookParts(await readEntryText(zip, workbook), await readEntryText(zip, rels));
    for (const s of parsed.sheets) {
      if (s.part !== null && !entries.has(s.part)) {
        throw readError(
          'file_unreadable',
          `${file} is damaged: sheet "${s.name}" is listed but its part ${s.part} is missing.`,
          { file, sheet: s.name, reason: 'corrupt', detected: s.part },
        );
      }
    }
    await checkXmlParts(zip, entries, parsed.sheets, file, (entry) => !deferred(entry));
    for (const s of parsed.sheets) {
      const entry = s.part === null ? undefined : entries.get(s.part);
      if (entry && deferred(entry)) s.hasValues = true;
    }
    const open = zip;
    const verified = checkXmlParts(open, entries, parsed.sheets, file, deferred)
      .catch((e: unknown) => {
        throw inspectionError(e, file);
      })
      .finally(() => open.close());
    // Observed by the reader; a reader that stops early (the preview's first rows) leaves it unheard.
    verified.catch(() => undefined);
    closeZip = false;
    return { verified, entries: zip.entryCount, uncompressedBytes: total, ...parsed };
  } catch (e) {
    throw inspectionError(e, file);
  } finally {
    if (closeZip) zip.close();
  }
}

/** What went wrong inside the zip, as the error the user reads. */
function inspectionError(e: unknown, file: string): Error {
  if (e instanceof Error && e.name === 'FeeTrailError') return e;
  const unsafe = unsafeEntryName(causeOf(e));
  if (unsafe !== null) {
    return readError(
      'file_unsupported',
      `${file} holds a part named "${unsafe}", a path outside the workbook (a "zip slip" attack: Excel never writes such names). The file is refused; nothing in it was opened or extracted.`,
      { file, reason: 'unsafe_path', detected: unsafe },
    );
  }
  return readError('file_unreadable', `${file} is damaged: ${causeOf(e)}.`, {
    file,
    reason: 'corrupt',
    cause: causeOf(e),
  });
}
