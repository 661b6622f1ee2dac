/**
 * Legacy .xls (BIFF8, also BIFF5/2) → RawRow, through @e965/xlsx (the maintained SheetJS republish).
 * Read with cellDates off: SheetJS builds dates through the machine's zone (seen 43 s off under
 * Asia/Shanghai), so date-formatted numbers are converted here from the serial. The ESM build has no
 * code pages unless given them, and Chinese bank .xls files are code page 936 (GBK): load cpexcel.
 *
 * Both load on the first .xls read, not with the module: they hold ~13 MB of heap (cpexcel's code
 * page tables ~10 MB) and take ~90 ms to load, which the import worker reading an .xlsx or a CSV, and
 * the app at start, need not pay.
 */
import { readFile } from 'node:fs/promises';
import type * as XLSX from '@e965/xlsx';
import type { RawCell, RawRow } from '../../shared/import/raw';
import { isDateFormat } from './cell-format';
import { serialToWallClock } from './excel-serial';
import { causeOf, emptySheet, readError, tooManyColumns, tooManyRows } from './read-limits';
import type { ReadLimits } from './read-limits';
import type { SheetState } from './xlsx-zip';

let loading: Promise<typeof XLSX> | null = null;

/** SheetJS with its code pages, loaded once. */
function sheetJs(): Promise<typeof XLSX> {
  loading ??= Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]).then(
    ([xlsx, cptable]) => {
      xlsx.set_cptable(cptable);
      return xlsx;
    },
  );
  return loading;
}

export type XlsSheet = { name: string; state: SheetState };

export type XlsWorkbook = {
  sheets: XlsSheet[];
  date1904: boolean;
  rows(sheet: string, allowEmpty?: boolean): AsyncGenerator<RawRow>;
};

// BIFF error codes, for when SheetJS leaves no formatted text on an error cell.
const BIFF_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function convert(cell: XLSX.CellObject | undefined, date1904: boolean): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const n = cell.v as number;
      if (typeof n !== 'number' || Number.isNaN(n)) return null;
      const fmt = typeof cell.z === 'string' ? cell.z : undefined;
      return isDateFormat(fmt) ? { kind: 'date', value: serialToWallClock(n, date1904), serial: n } : n;
    }
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v === true;
    case 'e':
      return { kind: 'error', value: cell.w ?? BIFF_ERRORS[cell.v as number] ?? '#ERROR' };
    case 'd':
      // Only reachable if cellDates were on; kept for completeness without touching the local zone.
      return cell.v instanceof Date
        ? { kind: 'date', value: cell.v.toISOString().slice(0, 19).replace('T', ' ') }
        : null;
    default:
      return null;
  }
}

function describeFailure(e: unknown): {
  reason: 'encrypted' | 'corrupt';
  code: 'file_unsupported' | 'file_unreadable';
} {
  const msg = causeOf(e);
  return /password|encrypt/i.test(msg)
    ? { reason: 'encrypted', code: 'file_unsupported' }
    : { reason: 'corrupt', code: 'file_unreadable' };
}

export async function openXls(path: string, file: string, limits: ReadLimits): Promise<XlsWorkbook> {
  const [data, sheets] = await Promise.all([readFile(path), sheetJs()]);
  let wb: XLSX.WorkBook;
  try {
    wb = sheets.read(data, { ...READ_OPTIONS, type: 'buffer' });
  } catch (e) {
    const f = describeFailure(e);
    const message =
      f.reason === 'encrypted'
        ? `${file} is password-protected; open it in Excel, remove the password and save again.`
        : `${file} is damaged or incomplete and cannot be read as an Excel 97-2003 workbook.`;
    throw readError(f.code, message, {
      file,
      reason: f.reason === 'encrypted' ? 'encrypted' : 'truncated',
      cause: causeOf(e),
    });
  }
  return workbookOf(wb, file, limits);
}

/**
 * A web page's tables (or an Excel 2003 XML workbook) saved under an Excel name: many online banks
 * export statements so, and Excel opens them. Each <table> is a sheet; cell text is kept as written
 * (`raw`), so numbers and dates are parsed by the import's own rules, as in a CSV. `text` is the file
 * already decoded (see markupEncoding).
 */
export async function openMarkupTables(text: string, file: string, limits: ReadLimits): Promise<XlsWorkbook> {
  const sheets = await sheetJs();
  let wb: XLSX.WorkBook;
  try {
    wb = sheets.read(text, { ...READ_OPTIONS, type: 'string', raw: true });
  } catch (e) {
    throw readError('file_unreadable', `${file} is a web page whose tables cannot be read.`, {
      file,
      reason: 'truncated',
      cause: causeOf(e),
    });
  }
  return workbookOf(wb, file, limits);
}

const READ_OPTIONS = {
  cellDates: false,
  cellNF: true,
  cellText: false,
  dense: true,
  cellStyles: false,
} as const;

function workbookOf(wb: XLSX.WorkBook, file: string, limits: ReadLimits): XlsWorkbook {
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: XlsSheet[] = wb.SheetNames.map((name, i) => {
    const hidden = meta[i]?.Hidden;
    return { name, state: hidden === 1 ? 'hidden' : hidden === 2 ? 'veryHidden' : 'visible' };
  });
  if (sheets.length === 0) {
    throw readError('file_unreadable', `${file} has no sheets.`, { file, reason: 'no_sheets' });
  }

  async function* rows(sheet: string, allowEmpty = false): AsyncGenerator<RawRow> {
    const ws = wb.Sheets[sheet];
    if (!ws)
      throw readError('file_unreadable', `${file} has no sheet named "${sheet}".`, {
        file,
        sheet,
        reason: 'sheet_not_found',
      });
    const dense = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    let yielded = 0;
    for (let r = 0; r < dense.length; r += 1) {
      // The workbook is already in memory, so nothing here waits on I/O; let the event loop breathe
      // now and then so progress reports and cancellation still get through on a big sheet.
      if (r % 4096 === 4095) await new Promise<void>((resolve) => setImmediate(resolve));
      const src = dense[r];
      if (!src) continue;
      const cells: RawCell[] = [];
      let last = 0;
      for (let c = 0; c < src.length; c += 1) {
        const v = convert(src[c], date1904);
        cells.push(v);
        if (v !== null && v !== '') last = c + 1;
      }
      if (last === 0) continue;
      if (last > limits.maxColumns) throw tooManyColumns(file, sheet, r + 1, last, limits.maxColumns);
      cells.length = last;
      yielded += 1;
      if (yielded > limits.maxRowsPerSheet) throw tooManyRows(file, sheet, limits.maxRowsPerSheet);
      yield { sheet, row: r + 1, cells };
    }
    if (yielded === 0 && !allowEmpty) throw emptySheet(file, sheet);
  }

  return { sheets, date1904, rows };
}
