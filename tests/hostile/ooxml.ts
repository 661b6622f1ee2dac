/**
 * Hand-built OOXML for the hostile corpus: exceljs writes only well-behaved workbooks, so the parts a
 * hostile file needs (a DOCTYPE, a lying cell reference, a formula without its cached value, a 1904
 * flag, an entry flagged as encrypted) are written here as XML text and zipped with yazl.
 */
import { writeFile } from 'node:fs/promises';
import yazl from 'yazl';

/** One cell as written: text goes inline (`t="inlineStr"`) unless given as a shared-string index. */
export type XCell =
  | string
  | number
  | null
  | { date: number }
  | { err: string }
  | { f: string; v?: number | string }
  | { ss: number }
  | { raw: string };

export type XSheet = {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Either rows (row i is Excel row i + 1) or the whole sheet XML. */
  rows?: XCell[][];
  xml?: string;
  /** XML written after `</sheetData>`, e.g. `<mergeCells>`. */
  after?: string;
};

export type XBook = {
  sheets: XSheet[];
  date1904?: boolean;
  /** Raw sharedStrings.xml text (written after the sheets, as Excel orders its parts). */
  sharedStrings?: string;
  /** Extra zip entries, written as they are. */
  extra?: Record<string, string | Buffer>;
};

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A1-style letters of a 1-based column. */
export function colName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellXml(ref: string, c: XCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`;
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
  if ('err' in c) return `<c r="${ref}" t="e"><v>${escapeXml(c.err)}</v></c>`;
  if ('ss' in c) return `<c r="${ref}" t="s"><v>${c.ss}</v></c>`;
  if ('raw' in c) return c.raw;
  const type = typeof c.v === 'string' ? ' t="str"' : '';
  const value = c.v === undefined ? '' : `<v>${escapeXml(String(c.v))}</v>`;
  return `<c r="${ref}"${type}><f>${escapeXml(c.f)}</f>${value}</c>`;
}

export function sheetXml(rows: XCell[][], after = '', prolog = ''): string {
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      return `<row r="${r}">${cells.map((c, j) => cellXml(`${colName(j + 1)}${r}`, c)).join('')}</row>`;
    })
    .join('');
  return `${XML_HEAD}${prolog}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${body}</sheetData>${after}</worksheet>`;
}

/** Shared-string table of the given strings. */
export function sharedStringsXml(strings: Iterable<string>, count: number, prolog = ''): string {
  const items: string[] = [];
  for (const s of strings) items.push(`<si><t>${s}</t></si>`);
  return `${XML_HEAD}${prolog}<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${count}">${items.join('')}</sst>`;
}

// Style 1 is a date-time format, for `{ date }` cells.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '</styleSheet>';

/** The parts of a workbook, in the order Excel writes them. */
export function workbookEntries(book: XBook): [string, string | Buffer][] {
  const sheets = book.sheets;
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const entries: [string, string | Buffer][] = [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
  sheets.forEach((s, i) =>
    entries.push([`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? sheetXml(s.rows ?? [], s.after)]),
  );
  entries.push(['xl/sharedStrings.xml', book.sharedStrings ?? sharedStringsXml([], 0)]);
  for (const [name, data] of Object.entries(book.extra ?? {})) entries.push([name, data]);
  return entries;
}

/** Zips entries (deflated) into a buffer. */
export async function zipBuffer(entries: Iterable<[string, string | Buffer]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) {
    // yazl refuses `..` and absolute names; a hostile file may hold them, so they are patched in later.
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function writeZip(path: string, entries: Iterable<[string, string | Buffer]>): Promise<void> {
  await writeFile(path, await zipBuffer(entries));
}

export async function writeRawXlsx(path: string, book: XBook): Promise<void> {
  await writeZip(path, workbookEntries(book));
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;

/**
 * Rewrites zip headers in place: `rename` swaps an entry's name for another of the same byte length
 * (how `../../x` gets past yazl), `encrypt` sets the "encrypted" flag bit on the named entries.
 */
export function patchZip(zip: Buffer, opts: { rename?: Record<string, string>; encrypt?: string[] }): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i += 1) {
    const sig = out.readUInt32LE(i);
    if (sig !== LOCAL_SIG && sig !== CENTRAL_SIG) continue;
    const central = sig === CENTRAL_SIG;
    const nameLen = out.readUInt16LE(i + (central ? 28 : 26));
    const nameAt = i + (central ? 46 : 30);
    if (nameAt + nameLen > out.length) continue;
    const name = out.subarray(nameAt, nameAt + nameLen).toString('utf8');
    const to = opts.rename?.[name];
    if (to !== undefined) {
      if (Buffer.byteLength(to) !== nameLen) throw new Error(`rename ${name} → ${to}: lengths differ`);
      out.write(to, nameAt, 'utf8');
    }
    if (opts.encrypt?.includes(name)) {
      const flagAt = i + (central ? 8 : 6);
      out.writeUInt16LE(out.readUInt16LE(flagAt) | 1, flagAt);
    }
  }
  return out;
}
