/**
 * The hostile-input corpus (issue #8): broken, odd and malicious files, each with the outcome the
 * import must give, declared here. Files are generated at test time into a temp folder (no binaries
 * are committed); tests/integration/hostile-corpus.test.ts runs every entry's preview and import in a
 * child process with a heap limit and a wall-clock timeout (tests/hostile/child.ts).
 *
 * An outcome is either `ok` (rows added to the book, with spot-checked values) or `error` (the code the
 * import throws, and where it points: reason, sheet, row, column — a number for reader refusals, the
 * column letter for a row's issue). Every error message must name the file; a refused file must leave
 * the book as it was.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { wallClockToSerial } from '../../electron/io/excel-serial';
import type { ReadLimits } from '../../electron/io/read-limits';
import type { ErrorCode } from '../../shared/result';
import { writeXls } from '../fixtures/generator';
import type { Grid } from '../fixtures/generator';
import type { XBook, XCell } from './ooxml';
import {
  colName,
  patchZip,
  sharedStringsXml,
  sheetXml,
  workbookEntries,
  writeRawXlsx,
  writeZip,
  zipBuffer,
} from './ooxml';

/** The stored POS fields the corpus spot-checks (money in fen, as plain numbers). */
export type SpotField = {
  txnTime: string;
  refNo: string | null;
  amountFen: number;
  feeFen: number | null;
  settleFen: number | null;
  cardNo: string | null;
  merchantNo: string | null;
};

export type Expected =
  | { ok: { rows: number; spot: Record<number, Partial<SpotField>> } }
  | {
      error: {
        code: ErrorCode;
        reason?: string;
        sheet?: string;
        row?: number;
        /** 1-based number (reader refusals) or the column letter (a row's issue). */
        column?: number | string;
        /** The issue code of the first problem (import_invalid / import_ambiguous). */
        issue?: string;
        /** Words the refusal's message must contain (what makes it specific, not just "unreadable"). */
        says?: string[];
      };
    };

export type CorpusEntry = {
  id: string;
  /** File name as the user picked it (extension included: sniffing ignores it, messages use it). */
  file: string;
  what: string;
  build: (path: string) => Promise<void>;
  expect: Expected;
  limits?: Partial<ReadLimits>;
  /** Text that must never reach the book (what an external entity would pull in). */
  forbidden?: string[];
};

// ── the well-formed POS export every hostile variant starts from ─────────────────────────────────
export const POS_HEAD = [
  '商户编号',
  '终端编号',
  '交易时间',
  '交易类型',
  '参考号',
  '卡号',
  '卡类型',
  '支付方式',
  '交易金额',
  '手续费',
  '结算金额',
  '交易状态',
];
/** Column letters of the fields the corpus breaks. */
const COL = { time: 'C', ref: 'E', card: 'F', amount: 'I', fee: 'J' } as const;
const MERCHANT = '822100053990001';
const AMOUNTS = [12_345, 67_800, 250_000];
const FEES = [62, 339, 1_250];

type Base = {
  time: string;
  ref: string;
  amountFen: number;
  feeFen: number;
};

function base(i: number): Base {
  return {
    time: `2026-08-0${i + 1} 09:1${i}:00`,
    ref: `10000000000${i}`,
    amountFen: AMOUNTS[i] ?? 100,
    feeFen: FEES[i] ?? 1,
  };
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** `length` hex digits from a fixed LCG: text that does not compress (so no zip-bomb refusal). */
function noise(length: number): string {
  let x = 2463534242;
  let out = '';
  while (out.length < length) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Base row i as text cells (CSV) with optional replacements by column letter. */
function textRow(i: number, replace: Partial<Record<string, string>> = {}): string[] {
  const b = base(i);
  const cells = [
    MERCHANT,
    'T0000001',
    b.time,
    '消费',
    b.ref,
    '6222****1234',
    '借记卡',
    '刷卡',
    yuan(b.amountFen),
    yuan(b.feeFen),
    yuan(b.amountFen - b.feeFen),
    '成功',
  ];
  return cells.map((c, j) => replace[colName(j + 1)] ?? c);
}

/** Base row i as spreadsheet cells: the time as a date-formatted serial, money as numbers. */
function sheetRow(i: number, replace: Partial<Record<string, XCell>> = {}, date1904 = false): XCell[] {
  const b = base(i);
  const cells: XCell[] = [
    MERCHANT,
    'T0000001',
    { date: wallClockToSerial(b.time, date1904) },
    '消费',
    b.ref,
    '6222****1234',
    '借记卡',
    '刷卡',
    b.amountFen / 100,
    b.feeFen / 100,
    (b.amountFen - b.feeFen) / 100,
    '成功',
  ];
  return cells.map((c, j) => {
    const r = replace[colName(j + 1)];
    return r === undefined ? c : r;
  });
}

/** What the book must hold for base row i. */
export function spot(i: number, over: Partial<SpotField> = {}): Partial<SpotField> {
  const b = base(i);
  return {
    txnTime: b.time,
    refNo: b.ref,
    amountFen: b.amountFen,
    feeFen: b.feeFen,
    ...over,
  };
}

const ALL3 = { 0: spot(0), 1: spot(1), 2: spot(2) };
const ok3 = { ok: { rows: 3, spot: ALL3 } };

function csvText(lines: string[][], eol = '\n'): string {
  const q = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return lines.map((l) => l.map(q).join(',')).join(eol) + eol;
}

const csvLines = (rows = 3): string[][] => [POS_HEAD, ...Array.from({ length: rows }, (_, i) => textRow(i))];

const put = (data: string | Buffer) => (path: string) => writeFile(path, data);
const putCsv = (text: string) => put(Buffer.from(text, 'utf8'));

const xlsxRows = (date1904 = false): XCell[][] => [
  POS_HEAD,
  sheetRow(0, {}, date1904),
  sheetRow(1, {}, date1904),
  sheetRow(2, {}, date1904),
];
const putXlsx = (book: XBook) => (path: string) => writeRawXlsx(path, book);
const oneSheet = (rows: XCell[][], extra: Partial<XBook> = {}): XBook => ({
  sheets: [{ name: '交易明细', rows }],
  ...extra,
});

/** A sheet whose cells hold `&name;` references, declared by `doctype` before the root element. */
function sheetWithEntity(doctype: string, entity: string): string {
  const rows = xlsxRows();
  rows[1] = sheetRow(0, { F: { raw: `<c r="F2" t="inlineStr"><is><t>&${entity};</t></is></c>` } });
  return sheetXml(rows, '', doctype);
}

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ).join('') +
  ']>';

/** A real POS workbook written by exceljs' sibling writer for .xls (BIFF8). */
function xlsGrid(): Grid {
  return {
    sheet: '交易明细',
    rows: [{ row: 1, cells: POS_HEAD }, ...[0, 1, 2].map((i) => ({ row: i + 2, cells: textRow(i) }))],
  };
}

async function corruptXls(path: string): Promise<void> {
  await writeXls(path, [xlsGrid()]);
  const data = await readFile(path);
  // Overwrite BIFF record headers past the OLE header with huge lengths and unknown record types.
  for (let at = 1536; at + 4 < data.length; at += 97) {
    data.writeUInt16LE(0x0203, at);
    data.writeUInt16LE(0xfff0, at + 2);
  }
  await writeFile(path, data);
}

async function truncatedXlsx(path: string): Promise<void> {
  const full = await zipBuffer(workbookEntries(oneSheet(xlsxRows())));
  await writeFile(path, full.subarray(0, Math.floor(full.length * 0.6)));
}

async function truncatedXls(path: string): Promise<void> {
  await writeXls(path, [xlsGrid()]);
  const data = await readFile(path);
  await writeFile(path, data.subarray(0, Math.floor(data.length / 2)));
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i] as number;
    le[i] = le[i + 1] as number;
    le[i + 1] = a;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

/** The three base rows as CSV with one cell replaced: refused at that row and column. */
function badCsvCell(
  id: string,
  file: string,
  what: string,
  dataRow: number,
  field: keyof typeof COL,
  value: string,
  issue: string,
): CorpusEntry {
  const rows = [0, 1, 2].map((i) => textRow(i, i === dataRow ? { [COL[field]]: value } : {}));
  return {
    id,
    file,
    what,
    build: putCsv(csvText([POS_HEAD, ...rows])),
    expect: { error: { code: 'import_invalid', row: dataRow + 2, column: COL[field], issue } },
  };
}

/** A data sheet hidden behind a visible note: refused on the note, naming the hidden sheet. */
const HIDDEN_DATA_REFUSED: Expected = {
  error: { code: 'import_ambiguous', issue: 'no_header', sheet: '说明', says: ['hidden sheets (交易明细)'] },
};

export const CORPUS: CorpusEntry[] = [
  // ── not a spreadsheet at all ──────────────────────────────────────────────────────────────────────
  {
    id: 'empty-file',
    file: 'empty.csv',
    what: '0 bytes',
    build: put(''),
    expect: { error: { code: 'file_unreadable', reason: 'empty_file' } },
  },
  {
    id: 'pdf-named-xlsx',
    file: '对账单.xlsx',
    what: 'a PDF statement under an Excel name',
    build: put('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
    expect: { error: { code: 'file_unsupported', reason: 'pdf' } },
  },
  {
    id: 'png-named-csv',
    file: 'receipt.csv',
    what: 'a photo',
    build: put(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])),
    expect: { error: { code: 'file_unsupported', reason: 'image' } },
  },
  {
    id: 'txt-renamed-xlsx',
    file: '八月流水.xlsx',
    what: 'a .txt renamed to .xlsx',
    build: putCsv(csvText(csvLines())),
    expect: { error: { code: 'file_unsupported', reason: 'extension_mismatch' } },
  },
  {
    id: 'html-named-xls',
    file: 'bank.xls',
    what: 'a web page without a table saved as .xls (a session-expired page instead of the export)',
    build: put('<html><body><p>会话已超时，请重新登录</p></body></html>'),
    expect: { error: { code: 'file_unsupported', reason: 'html' } },
  },
  {
    id: 'html-table-xls',
    file: '交易明细.xls',
    what: 'a web page table saved as .xls (how many online banks and back offices export)',
    build: put(
      `<html><head><meta charset="utf-8"></head><body><table>${[POS_HEAD, textRow(0), textRow(1), textRow(2)]
        .map(
          (r) =>
            `<tr>${r.map((c) => `<td>${c.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</td>`).join('')}</tr>`,
        )
        .join('')}</table></body></html>`,
    ),
    expect: { ok: { rows: 3, spot: { 0: spot(0), 2: spot(2) } } },
  },
  {
    id: 'spreadsheetml-entities',
    file: 'bank.xls',
    what: 'Excel 2003 XML under an .xls name declaring a billion laughs and an external entity',
    build: put(
      `<?xml version="1.0"?>${LAUGHS.replace(']>', '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('lolz', 'Workbook')}` +
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>' +
        [POS_HEAD, textRow(0), textRow(1), textRow(2)]
          .map(
            (r, i) =>
              `<Row>${[...r, i === 1 ? '&xxe;&lol9;' : ''].map((c) => `<Cell><Data ss:Type="String">${c}</Data></Cell>`).join('')}</Row>`,
          )
          .join('') +
        '</Table></Worksheet></Workbook>',
    ),
    expect: { ok: { rows: 3, spot: { 0: spot(0), 2: spot(2) } } },
    forbidden: ['root:x:0:0', '/bin/bash', 'lollollol'],
  },
  {
    id: 'docx-named-xlsx',
    file: 'letter.xlsx',
    what: 'a Word document renamed',
    build: (p) => writeZip(p, [['word/document.xml', '<w:document/>']]),
    expect: { error: { code: 'file_unsupported', reason: 'not_a_workbook' } },
  },
  {
    id: 'binary-noise',
    file: 'noise.csv',
    what: 'random bytes',
    build: put(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
    expect: { error: { code: 'file_unsupported', reason: 'binary' } },
  },

  // ── CSV: encodings, line ends, quoting, sizes ────────────────────────────────────────────────────────
  {
    id: 'csv-control',
    file: 'pos.csv',
    what: 'the well-formed export the others break (control)',
    build: putCsv(csvText(csvLines())),
    expect: ok3,
  },
  {
    id: 'csv-bom-only',
    file: 'bom.csv',
    what: 'a UTF-8 BOM and nothing else',
    build: put(Buffer.from([0xef, 0xbb, 0xbf])),
    expect: {
      error: { code: 'import_ambiguous', issue: 'empty_file', sheet: 'bom.csv', says: ['no content'] },
    },
  },
  {
    id: 'csv-utf16le-bom',
    file: 'pos-utf16le.csv',
    what: 'UTF-16LE with BOM (Excel "Unicode text")',
    build: put(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(csvLines()), 'utf16le')])),
    expect: ok3,
  },
  {
    id: 'csv-utf16be-bom',
    file: 'pos-utf16be.csv',
    what: 'UTF-16BE with BOM',
    build: put(utf16be(csvText(csvLines()))),
    expect: ok3,
  },
  {
    id: 'csv-mixed-gbk-utf8',
    file: 'mixed.csv',
    what: 'header and first row in GBK, the rest in UTF-8 (two exports pasted together)',
    build: (p) => {
      const lines = csvLines();
      const gbk = iconv.encode(csvText(lines.slice(0, 2)), 'gbk');
      return writeFile(p, Buffer.concat([gbk, Buffer.from(csvText(lines.slice(2)), 'utf8')]));
    },
    expect: {
      error: {
        code: 'import_ambiguous',
        issue: 'mixed_encoding',
        says: ['line 3 is UTF-8', 'line 1', 'GBK'],
      },
    },
  },
  {
    id: 'csv-nul-bytes',
    file: 'nul.csv',
    what: 'NUL bytes inside a cell',
    build: putCsv(csvText([POS_HEAD, textRow(0), textRow(1, { F: '6222\u0000\u00001234' }), textRow(2)])),
    expect: { error: { code: 'file_unsupported', reason: 'binary', row: 3 } },
  },
  {
    id: 'csv-million-columns',
    file: 'wide.csv',
    what: 'one line of 1,000,000 columns',
    build: putCsv(`${POS_HEAD.join(',')}\n${'1,'.repeat(999_999)}1\n`),
    expect: { error: { code: 'file_too_large', reason: 'too_many_columns', row: 2 } },
  },
  {
    id: 'csv-unclosed-quote-at-end',
    file: 'quote-end.csv',
    what: 'a quote opened on line 3 of a short file, still open at its end',
    build: putCsv(csvText(csvLines()).replace(textRow(1).join(','), `"${textRow(1).join(',')}`)),
    expect: { error: { code: 'file_unreadable', reason: 'csv_syntax', row: 3 } },
  },
  {
    id: 'csv-unclosed-quote',
    file: 'quote.csv',
    what: 'a quote opened on line 3 and never closed, 20,000 lines before the end',
    build: putCsv(
      csvText(csvLines()).replace(textRow(1).join(','), `"${textRow(1).join(',')}`) +
        `${textRow(2).join(',')}\n`.repeat(20_000),
    ),
    expect: { error: { code: 'file_unreadable', reason: 'csv_syntax', row: 3 } },
  },
  {
    id: 'csv-stray-quote',
    file: 'stray.csv',
    what: 'a quote in the middle of an unquoted field',
    build: putCsv(csvText(csvLines()).replace('6222****1234', '6222**"*1234')),
    expect: { ok: { rows: 3, spot: { 0: spot(0, { cardNo: '6222**"*1234' }), 2: spot(2) } } },
  },
  {
    id: 'csv-10mb-cell',
    file: 'long-cell.csv',
    what: 'one 10 MB cell',
    build: putCsv(csvText([POS_HEAD, textRow(0, { F: 'x'.repeat(10 * 1024 * 1024) }), textRow(1)])),
    expect: { error: { code: 'file_unreadable', reason: 'csv_syntax', row: 2 } },
  },
  {
    id: 'csv-eol-mix',
    file: 'eol.csv',
    what: 'CRLF, CR and LF line ends in one file',
    build: putCsv(
      `${POS_HEAD.join(',')}\r\n${textRow(0).join(',')}\r${textRow(1).join(',')}\n${textRow(2).join(',')}\r\n`,
    ),
    expect: ok3,
  },
  {
    id: 'csv-header-repeated',
    file: 'repeat.csv',
    what: 'the header repeated mid-file (two pages of an export pasted together)',
    build: putCsv(csvText([POS_HEAD, textRow(0), textRow(1), POS_HEAD, textRow(2)])),
    expect: ok3,
  },
  {
    id: 'csv-fullwidth-digits',
    file: 'fullwidth.csv',
    what: 'full-width digits in amounts (１２３．４５)',
    build: putCsv(
      csvText([POS_HEAD, textRow(0, { I: '１２３．４５', J: '０．６２' }), textRow(1), textRow(2)]),
    ),
    expect: ok3,
  },
  {
    id: 'csv-negative-zero-fee',
    file: 'negzero.csv',
    what: 'a fee of -0.00',
    build: putCsv(csvText([POS_HEAD, textRow(0, { J: '-0.00', K: '123.45' }), textRow(1), textRow(2)])),
    expect: { ok: { rows: 3, spot: { 0: spot(0, { feeFen: 0, settleFen: 12_345 }), 1: spot(1) } } },
  },
  badCsvCell(
    'csv-exponent-amount',
    'exponent.csv',
    'an amount in exponent notation (1.2345E+2), as Excel writes long numbers: refused, not guessed',
    0,
    'amount',
    '1.2345E+2',
    'bad_amount',
  ),
  badCsvCell('csv-feb-30', 'feb30.csv', 'a date 2026/2/30', 1, 'time', '2026/2/30 10:00:00', 'bad_date'),
  badCsvCell('csv-far-future', 'future.csv', 'a date in 9999', 2, 'time', '9999-12-31 23:59:59', 'bad_date'),
  badCsvCell(
    'csv-bad-amount',
    'bad-amount.csv',
    'an unparseable amount',
    1,
    'amount',
    '12,3.4.5元',
    'bad_amount',
  ),
  {
    id: 'csv-duplicate-columns',
    file: 'dup.csv',
    what: 'two 交易金额 columns',
    build: putCsv(csvText([[...POS_HEAD, '交易金额'], ...[0, 1, 2].map((i) => [...textRow(i), '1.00'])])),
    expect: { error: { code: 'import_ambiguous', issue: 'duplicate_column' } },
  },
  {
    id: 'csv-no-header',
    file: 'notes.csv',
    what: 'no recognisable header',
    build: putCsv('购物清单\n苹果,3\n香蕉,5\n'),
    expect: { error: { code: 'import_ambiguous', issue: 'no_header' } },
  },
  {
    id: 'csv-row-limit',
    file: 'many.csv',
    what: 'more rows than the configured limit',
    build: putCsv(csvText(csvLines())),
    limits: { maxRowsPerSheet: 3 },
    expect: { error: { code: 'file_too_large', reason: 'too_many_rows', sheet: 'many.csv' } },
  },
  {
    id: 'csv-formula-text',
    file: 'formula-text.csv',
    what: 'cells that look like formulas (=HYPERLINK, +cmd, @SUM) are kept as text',
    build: putCsv(
      csvText([
        POS_HEAD,
        textRow(0, { F: '=HYPERLINK("http://x","y")' }),
        textRow(1, { F: '+cmd|x' }),
        textRow(2),
      ]),
    ),
    expect: {
      ok: {
        rows: 3,
        spot: { 0: spot(0, { cardNo: '=HYPERLINK("http://x","y")' }), 1: spot(1, { cardNo: '+cmd|x' }) },
      },
    },
  },
  {
    id: 'csv-million-blank-lines',
    file: 'blank.csv',
    what: '1,000,000 blank lines',
    build: putCsv('\r\n'.repeat(1_000_000)),
    expect: { error: { code: 'import_ambiguous', issue: 'empty_file', sheet: 'blank.csv' } },
  },

  // ── .xlsx: XML attacks ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'xlsx-control',
    file: 'pos.xlsx',
    what: 'hand-built well-formed workbook (control for the raw OOXML writer)',
    build: putXlsx(oneSheet(xlsxRows())),
    expect: ok3,
  },
  {
    id: 'xlsx-billion-laughs-sheet',
    file: 'laughs-sheet.xlsx',
    what: 'entity expansion ("billion laughs") in sheet1.xml',
    build: putXlsx({ sheets: [{ name: '交易明细', xml: sheetWithEntity(LAUGHS, 'lol9') }] }),
    expect: { error: { code: 'file_unsupported', reason: 'unsafe_xml', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-billion-laughs-sst',
    file: 'laughs-sst.xlsx',
    what: 'entity expansion in sharedStrings.xml',
    build: putXlsx(
      oneSheet(
        xlsxRows().map((r, i) => (i === 1 ? sheetRow(0, { F: { ss: 0 } }) : r)),
        {
          sharedStrings: sharedStringsXml(['&lol9;'], 1, LAUGHS),
        },
      ),
    ),
    expect: { error: { code: 'file_unsupported', reason: 'unsafe_xml' } },
  },
  {
    id: 'xlsx-xxe',
    file: 'xxe.xlsx',
    what: 'an external entity reading file:///etc/passwd',
    build: putXlsx({
      sheets: [
        {
          name: '交易明细',
          xml: sheetWithEntity('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'xxe'),
        },
      ],
    }),
    forbidden: ['root:x:0:0', '/bin/bash', '/usr/sbin/nologin'],
    expect: { error: { code: 'file_unsupported', reason: 'unsafe_xml', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-dtd-behind-comment',
    file: 'dtd-comment.xlsx',
    what: 'a DTD hidden behind a 70 KB comment, past the prolog the reader inspects',
    build: putXlsx({
      sheets: [
        {
          name: '交易明细',
          xml: sheetWithEntity(`<!--${'x'.repeat(70 * 1024)}-->${LAUGHS}`, 'lol9'),
        },
      ],
    }),
    expect: { error: { code: 'file_unreadable', reason: 'corrupt', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-xxe-sst',
    file: 'xxe-sst.xlsx',
    what: 'an external entity in the shared strings, behind a comment that mentions a tag',
    build: putXlsx(
      oneSheet(
        xlsxRows().map((r, i) => (i === 1 ? sheetRow(0, { F: { ss: 0 } }) : r)),
        {
          sharedStrings: sharedStringsXml(
            ['&xxe;'],
            1,
            '<!-- <sst> --><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
          ),
        },
      ),
    ),
    forbidden: ['root:x:0:0', '/bin/bash', '/usr/sbin/nologin'],
    expect: { error: { code: 'file_unsupported', reason: 'unsafe_xml' } },
  },
  {
    id: 'xlsx-nul-in-string',
    file: 'nul.xlsx',
    what: 'a NUL character reference (&#0;) in a cell, which XML forbids',
    build: putXlsx(
      oneSheet(
        xlsxRows().map((r, i) =>
          i === 1
            ? sheetRow(0, { F: { raw: '<c r="F2" t="inlineStr"><is><t>6222&#0;1234</t></is></c>' } })
            : r,
        ),
      ),
    ),
    expect: { error: { code: 'file_unreadable', reason: 'corrupt', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-malformed-xml',
    file: 'malformed.xlsx',
    what: 'a sheet whose XML stops mid-tag',
    build: putXlsx({
      sheets: [{ name: '交易明细', xml: sheetXml(xlsxRows()).slice(0, 900) }],
    }),
    expect: { error: { code: 'file_unreadable', reason: 'truncated', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-truncated-shared-strings',
    file: 'cut-sst.xlsx',
    what: 'a shared-string table that stops mid-way (cells using the lost strings would come back empty)',
    build: putXlsx(
      oneSheet(
        xlsxRows().map((r, i) => (i === 1 ? sheetRow(0, { F: { ss: 1 } }) : r)),
        { sharedStrings: sharedStringsXml(['6222****0000', '6222****1111'], 2).slice(0, -30) },
      ),
    ),
    expect: { error: { code: 'file_unreadable', reason: 'truncated' } },
  },
  // Parts over 1 MB are checked while exceljs reads them (xlsx-zip.ts, DEFERRED_PART_MIN): the same
  // damage must still refuse the file, after the rows exceljs read from it.
  {
    id: 'xlsx-large-sheet-cut-short',
    file: 'cut-large.xlsx',
    what: 'a sheet part of 1.5 MB whose XML stops before its end (the rows before the cut read well)',
    build: putXlsx({
      sheets: [{ name: '交易明细', xml: sheetXml(xlsxRows(), `<!--${noise(1_500_000)}-->`).slice(0, -20) }],
    }),
    expect: { error: { code: 'file_unreadable', reason: 'truncated', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-large-sst-cut-short',
    file: 'cut-large-sst.xlsx',
    what: 'a shared-string table of 1.5 MB that stops mid-way',
    build: putXlsx(
      oneSheet(
        xlsxRows().map((r, i) => (i === 1 ? sheetRow(0, { F: { ss: 1 } }) : r)),
        {
          sharedStrings: sharedStringsXml(['6222****0000', '6222****1111', noise(1_500_000)], 3).slice(
            0,
            -30,
          ),
        },
      ),
    ),
    expect: { error: { code: 'file_unreadable', reason: 'truncated' } },
  },
  {
    id: 'xlsx-large-sst-dtd',
    file: 'laughs-large-sst.xlsx',
    what: 'entity expansion declared in a shared-string table of 1.5 MB',
    build: putXlsx(
      oneSheet(
        xlsxRows().map((r, i) => (i === 1 ? sheetRow(0, { F: { ss: 0 } }) : r)),
        { sharedStrings: sharedStringsXml(['&lol9;', noise(1_500_000)], 2, LAUGHS) },
      ),
    ),
    expect: { error: { code: 'file_unsupported', reason: 'unsafe_xml' } },
  },

  // ── .xlsx: values ───────────────────────────────────────────────────────────────────────────────────
  {
    id: 'xlsx-1904',
    file: 'mac-1904.xlsx',
    what: 'the 1904 date system (workbookPr date1904="1", old Excel for Mac)',
    build: putXlsx(oneSheet(xlsxRows(true), { date1904: true })),
    expect: ok3,
  },
  {
    id: 'xlsx-serial-60',
    file: 'phantom.xlsx',
    what: 'Excel serial 60, the 1900 leap-year bug (1900-02-29 never existed)',
    build: putXlsx(oneSheet([POS_HEAD, sheetRow(0), sheetRow(1, { C: { date: 60 } }), sheetRow(2)])),
    expect: { error: { code: 'import_invalid', row: 3, column: COL.time, issue: 'bad_date' } },
  },
  {
    id: 'xlsx-error-values',
    file: 'errors.xlsx',
    what: 'Excel error values (#N/A, #DIV/0!, #REF!) in money cells',
    build: putXlsx(
      oneSheet([
        POS_HEAD,
        sheetRow(0),
        sheetRow(1, { I: { err: '#N/A' } }),
        sheetRow(2, { J: { err: '#DIV/0!' }, K: { err: '#REF!' } }),
      ]),
    ),
    expect: { error: { code: 'import_invalid', row: 3, column: COL.amount, issue: 'bad_amount' } },
  },
  {
    id: 'xlsx-formulas-cached',
    file: 'formulas.xlsx',
    what: 'formulas with cached results (what Excel saves)',
    build: putXlsx(
      oneSheet([
        POS_HEAD,
        sheetRow(0, { I: { f: '100+23.45', v: 123.45 }, K: { f: 'I2-J2', v: 122.83 } }),
        sheetRow(1, { E: { f: '"10000000000"&"1"', v: '100000000001' } }),
        sheetRow(2),
      ]),
    ),
    expect: ok3,
  },
  {
    id: 'xlsx-formulas-uncached',
    file: 'formulas-nocache.xlsx',
    what: 'a formula without a cached value (written by a program, never opened in Excel)',
    build: putXlsx(oneSheet([POS_HEAD, sheetRow(0), sheetRow(1, { I: { f: 'SUM(A1:A2)' } }), sheetRow(2)])),
    expect: { error: { code: 'import_invalid', row: 3, column: COL.amount } },
  },
  {
    id: 'xlsx-hidden-data-decoy',
    file: 'hidden.xlsx',
    what: 'the data sheet hidden, a visible decoy sheet with a note',
    build: putXlsx({
      sheets: [
        { name: '说明', rows: [['本表由系统导出'], ['请勿修改']] },
        { name: '交易明细', state: 'hidden', rows: xlsxRows() },
      ],
    }),
    expect: HIDDEN_DATA_REFUSED,
  },
  {
    id: 'xlsx-very-hidden-decoy-table',
    file: 'veryhidden.xlsx',
    what: 'a very hidden sheet with other rows; only the visible sheet is imported',
    build: putXlsx({
      sheets: [
        { name: '隐藏', state: 'veryHidden', rows: [POS_HEAD, sheetRow(2)] },
        { name: '交易明细', rows: [POS_HEAD, sheetRow(0), sheetRow(1)] },
      ],
    }),
    expect: { ok: { rows: 2, spot: { 0: spot(0), 1: spot(1) } } },
  },
  {
    id: 'xlsx-merged-maze',
    file: 'merged.xlsx',
    what: 'a title merged across the sheet and a maze of merged blocks below the data',
    build: putXlsx({
      sheets: [
        {
          name: '交易明细',
          rows: [['拉卡拉交易明细'], [], POS_HEAD, sheetRow(0), sheetRow(1), sheetRow(2)],
          after: `<mergeCells count="401"><mergeCell ref="A1:L2"/>${Array.from(
            { length: 400 },
            (_, i) =>
              `<mergeCell ref="${colName((i % 20) * 2 + 1)}${10 + Math.floor(i / 20) * 2}:${colName((i % 20) * 2 + 2)}${11 + Math.floor(i / 20) * 2}"/>`,
          ).join('')}</mergeCells>`,
        },
      ],
    }),
    expect: ok3,
  },
  {
    id: 'xlsx-10000-columns',
    file: 'wide.xlsx',
    what: 'a row 10,000 columns wide',
    build: putXlsx(oneSheet([POS_HEAD, sheetRow(0), Array.from({ length: 10_000 }, (_, i) => i + 1)])),
    expect: {
      error: {
        code: 'file_too_large',
        reason: 'too_many_columns',
        sheet: '交易明细',
        row: 3,
        column: 10_000,
      },
    },
  },
  {
    id: 'xlsx-column-xfd',
    file: 'far-column.xlsx',
    what: 'one cell in column XFD (16,384, the last Excel has)',
    build: putXlsx(
      oneSheet([POS_HEAD, sheetRow(0), [...sheetRow(1), { raw: '<c r="XFD3"><v>1</v></c>' }], sheetRow(2)]),
    ),
    expect: {
      error: {
        code: 'file_too_large',
        reason: 'too_many_columns',
        sheet: '交易明细',
        row: 3,
        column: 16_384,
      },
    },
  },
  {
    id: 'xlsx-column-beyond-excel',
    file: 'beyond-column.xlsx',
    what: 'a cell reference beyond Excel (column ZZZZ)',
    build: putXlsx(
      oneSheet([POS_HEAD, sheetRow(0), [...sheetRow(1), { raw: '<c r="ZZZZ3"><v>1</v></c>' }], sheetRow(2)]),
    ),
    expect: { error: { code: 'file_unreadable', reason: 'corrupt', sheet: '交易明细' } },
  },
  {
    id: 'xlsx-far-row-number',
    file: 'far-row.xlsx',
    what: 'a data row numbered 1,048,576 (the last row Excel has)',
    build: putXlsx({
      sheets: [
        {
          name: '交易明细',
          xml: sheetXml([POS_HEAD, sheetRow(0), sheetRow(1)]).replace(
            '</sheetData>',
            `<row r="1048576">${sheetRow(2)
              .map((c, j) =>
                c === null
                  ? ''
                  : typeof c === 'string'
                    ? `<c r="${colName(j + 1)}1048576" t="inlineStr"><is><t>${c}</t></is></c>`
                    : typeof c === 'number'
                      ? `<c r="${colName(j + 1)}1048576"><v>${c}</v></c>`
                      : `<c r="${colName(j + 1)}1048576" s="1"><v>${(c as { date: number }).date}</v></c>`,
              )
              .join('')}</row></sheetData>`,
          ),
        },
      ],
    }),
    expect: ok3,
  },
  {
    id: 'xlsx-huge-shared-strings',
    file: 'big-sst.xlsx',
    what: 'a shared-string table of 400,000 strings, of which the sheet uses three',
    build: putXlsx(
      oneSheet(
        [
          POS_HEAD,
          sheetRow(0, { F: { ss: 0 } }),
          sheetRow(1, { F: { ss: 199_999 } }),
          sheetRow(2, { F: { ss: 399_999 } }),
        ],
        {
          sharedStrings: sharedStringsXml(
            (function* () {
              for (let i = 0; i < 400_000; i += 1) yield `卡${((i * 2_654_435_761) >>> 0).toString(36)}-${i}`;
            })(),
            400_000,
          ),
        },
      ),
    ),
    expect: {
      ok: {
        rows: 3,
        spot: {
          0: spot(0, { cardNo: `卡${(0).toString(36)}-0` }),
          1: spot(1, { cardNo: `卡${((199_999 * 2_654_435_761) >>> 0).toString(36)}-199999` }),
          2: spot(2, { cardNo: `卡${((399_999 * 2_654_435_761) >>> 0).toString(36)}-399999` }),
        },
      },
    },
  },
  {
    id: 'xlsx-empty-sheet',
    file: 'empty-sheet.xlsx',
    what: 'a workbook whose only sheet has no cells',
    build: putXlsx(oneSheet([])),
    expect: {
      error: { code: 'import_ambiguous', issue: 'empty_file', sheet: '交易明细', says: ['no content'] },
    },
  },
  {
    id: 'xlsx-missing-sheet-part',
    file: 'missing-part.xlsx',
    what: 'workbook.xml names a sheet whose part is not in the zip',
    build: (p) =>
      writeZip(
        p,
        workbookEntries(oneSheet(xlsxRows())).filter(([n]) => !n.startsWith('xl/worksheets/')),
      ),
    expect: { error: { code: 'file_unreadable', reason: 'corrupt', sheet: '交易明细' } },
  },

  // ── .xlsx: the zip container ──────────────────────────────────────────────────────────────────────
  {
    id: 'xlsx-truncated',
    file: 'cut.xlsx',
    what: 'a download cut off at 60 %',
    build: truncatedXlsx,
    expect: { error: { code: 'file_unreadable', reason: 'truncated' } },
  },
  {
    id: 'xlsx-zip-bomb',
    file: 'bomb.xlsx',
    what: 'a 16 MB sheet of zeros deflated to ~16 KB',
    build: (p) =>
      writeZip(p, [
        ...workbookEntries(oneSheet([])).filter(([n]) => n !== 'xl/worksheets/sheet1.xml'),
        ['xl/worksheets/sheet1.xml', Buffer.alloc(16 * 1024 * 1024)],
      ]),
    expect: { error: { code: 'file_too_large', reason: 'zip_bomb' } },
  },
  {
    id: 'xlsx-zip-slip',
    file: 'slip.xlsx',
    what: 'extra entries named ../../x and an absolute path (zip slip): refused, nothing extracted',
    build: async (p) => {
      const zip = await zipBuffer([
        ...workbookEntries(oneSheet(xlsxRows())),
        ['aa/aa/hostile-slip.txt', 'pwned'],
        ['zzzzzzzzzzzz/x.txt', 'pwned'],
      ]);
      await writeFile(
        p,
        patchZip(zip, {
          rename: {
            'aa/aa/hostile-slip.txt': '../../hostile-slip.txt',
            'zzzzzzzzzzzz/x.txt': '/tmp/hostile-x.txt',
          },
        }),
      );
    },
    expect: {
      error: {
        code: 'file_unsupported',
        reason: 'unsafe_path',
        says: ['../../hostile-slip.txt', 'zip slip'],
      },
    },
  },
  {
    id: 'xlsx-deep-paths',
    file: 'deep.xlsx',
    what: '2,000 extra entries nested 200 folders deep',
    build: (p) =>
      writeZip(p, [
        ...workbookEntries(oneSheet(xlsxRows())),
        ...Array.from({ length: 2000 }, (_, i): [string, string] => [`${'d/'.repeat(200)}${i}.xml`, '<x/>']),
      ]),
    expect: ok3,
  },
  {
    id: 'xlsx-too-many-entries',
    file: 'entries.xlsx',
    what: '12,000 zip entries',
    build: (p) =>
      writeZip(p, [
        ...workbookEntries(oneSheet(xlsxRows())),
        ...Array.from({ length: 12_000 }, (_, i): [string, string] => [`junk/${i}`, '']),
      ]),
    expect: { error: { code: 'file_too_large', reason: 'too_many_entries' } },
  },
  {
    id: 'xlsx-encrypted-entry',
    file: 'locked.xlsx',
    what: 'a sheet entry flagged as zip-encrypted',
    build: async (p) =>
      writeFile(
        p,
        patchZip(await zipBuffer(workbookEntries(oneSheet(xlsxRows()))), {
          encrypt: ['xl/worksheets/sheet1.xml'],
        }),
      ),
    expect: { error: { code: 'file_unsupported', reason: 'encrypted' } },
  },

  // ── .xls (BIFF) ─────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'xls-control',
    file: 'pos.xls',
    what: 'a well-formed .xls (control)',
    build: (p) => writeXls(p, [xlsGrid()]),
    expect: ok3,
  },
  {
    id: 'xls-truncated',
    file: 'cut.xls',
    what: 'a .xls cut in half',
    build: truncatedXls,
    expect: { error: { code: 'file_unreadable' } },
  },
  {
    id: 'xls-corrupt-biff',
    file: 'corrupt.xls',
    what: 'BIFF record headers overwritten with unknown types and huge lengths',
    build: corruptXls,
    expect: { error: { code: 'file_unreadable' } },
  },
  {
    id: 'xls-hidden-data-decoy',
    file: 'hidden.xls',
    what: '.xls with the data sheet hidden behind an empty-looking decoy',
    build: (p) =>
      writeXls(p, [
        { sheet: '说明', rows: [{ row: 1, cells: ['本表由系统导出'] }] },
        { ...xlsGrid(), state: 'hidden' },
      ]),
    expect: HIDDEN_DATA_REFUSED,
  },
];

/** Writes every entry to `<dir>/files/<id>/<file>`. */
export async function buildCorpus(dir: string, entries: readonly CorpusEntry[] = CORPUS): Promise<void> {
  for (const e of entries) {
    await mkdir(join(dir, 'files', e.id), { recursive: true });
    await e.build(join(dir, 'files', e.id, e.file));
  }
}
