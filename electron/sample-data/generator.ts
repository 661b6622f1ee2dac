/**
 * Fixture generator: realistic POS exports (Lakala-style 交易明细) and bank statements, at any size,
 * with known contents. Deterministic: the same seed gives byte-for-byte the same data.
 *
 * Typical use (generate → mutate → write → compare):
 * ```ts
 * const txns = generatePosTxns({ seed: 7, count: 2000 });
 * txns[10] = { ...txns[10], feeFen: fen(txns[10].feeFen + 50) };         // inject an overcharge
 * const file = await writePosFixture(join(dir, 'pos.xlsx'), txns, { titleRows: true, footer: true });
 * const lines = generateBankLines({ posTxns: txns });                     // D+1 settlements + traffic
 * await writeBankFixture(join(dir, 'bank.csv'), lines, { kind: 'icbc-personal-csv' }, { format: 'csv', csv: { encoding: 'gbk' } });
 * expectedRows(file); // the RawRow[] openSource(path).rows() must give back
 * ```
 * Everything returned is in normalised form (PosTxn / BankLine, integer fen, wall-clock text).
 */
import { extname } from 'node:path';
import type { RawRow } from '../../shared/import/raw';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { bankSheet } from './bank-layout';
import type { BankLayout } from './bank-layout';
import { expectedRawRows, writeCsv, writeXls, writeXlsx } from './grid';
import type { CsvWriteOptions, Grid } from './grid';
import { posSheet } from './pos-layout';
import type { PosLayout } from './pos-layout';

export { generatePosTxns, fixtureFee, settlementsByDate, FIXTURE_RATES, DEBIT_CAP_FEN } from './pos-data';
export type { PosGenOptions } from './pos-data';
export { generateBankLines, ACQUIRER_NAME } from './bank-data';
export { feeAtBp, generateCleanMonth, generateMonthWithFindings } from './anomalies';
export type { GeneratedMonth, InjectedFinding, InjectedMonth, MonthOptions } from './anomalies';
export type { BankGenOptions } from './bank-data';
export {
  POS_COLUMNS,
  POS_DEFAULT_COLUMNS,
  POS_HEADERS,
  posSheet,
  posHeaderCells,
  posRowCells,
} from './pos-layout';
export type { PosColumn, PosLayout, PosSheet } from './pos-layout';
export { BANK_LAYOUTS, bankSheet } from './bank-layout';
export type { BankLayout, BankLayoutKind, BankSheet } from './bank-layout';
export { csvText, encodeCsv, expectedRawRows, gridDate, writeCsv, writeXls, writeXlsx } from './grid';
export type { CsvEncoding, CsvWriteOptions, Grid, GridCell, GridDate, GridRow } from './grid';

export type FixtureFormat = 'xlsx' | 'xls' | 'csv';

export type WriteOptions = {
  /** Defaults to the path's extension. */
  format?: FixtureFormat;
  csv?: CsvWriteOptions;
  /** xlsx: force (or forbid) exceljs's streaming writer; by default big sheets stream. */
  streaming?: boolean;
  /** xlsx (non-streaming only): write in the 1904 date system. */
  date1904?: boolean;
  /** Extra sheets written after the main one (e.g. a hidden or empty sheet). */
  extraSheets?: Grid[];
};

export type WrittenFixture = {
  path: string;
  format: FixtureFormat;
  sheet: string;
  /** 1-based row of the (first) header row. */
  headerRow: number;
  headerRows: number;
  firstDataRow: number;
  dataRowCount: number;
  grid: Grid;
};

function formatOf(path: string, opts: WriteOptions): FixtureFormat {
  if (opts.format) return opts.format;
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'xlsx' || ext === 'xls' || ext === 'csv') return ext;
  throw new Error(`cannot tell the fixture format of ${path}; pass { format }`);
}

export async function writeGrid(path: string, grid: Grid, opts: WriteOptions = {}): Promise<FixtureFormat> {
  const format = formatOf(path, opts);
  const grids = [grid, ...(opts.extraSheets ?? [])];
  if (format === 'xlsx') {
    await writeXlsx(path, grids, {
      ...(opts.streaming !== undefined ? { streaming: opts.streaming } : {}),
      ...(opts.date1904 !== undefined ? { date1904: opts.date1904 } : {}),
    });
  } else if (format === 'xls') await writeXls(path, grids);
  else await writeCsv(path, grid, opts.csv);
  return format;
}

export async function writePosFixture(
  path: string,
  txns: readonly PosTxn[],
  layout: PosLayout = {},
  opts: WriteOptions = {},
): Promise<WrittenFixture> {
  const s = posSheet(txns, layout);
  const format = await writeGrid(path, s.grid, opts);
  return {
    path,
    format,
    sheet: s.grid.sheet,
    headerRow: s.headerRow,
    headerRows: 1,
    firstDataRow: s.firstDataRow,
    dataRowCount: s.dataRowCount,
    grid: s.grid,
  };
}

export async function writeBankFixture(
  path: string,
  lines: readonly BankLine[],
  layout: BankLayout,
  opts: WriteOptions = {},
): Promise<WrittenFixture> {
  const s = bankSheet(lines, layout);
  const format = await writeGrid(path, s.grid, opts);
  return {
    path,
    format,
    sheet: s.grid.sheet,
    headerRow: s.headerRow,
    headerRows: s.headerRows,
    firstDataRow: s.firstDataRow,
    dataRowCount: s.dataRowCount,
    grid: s.grid,
  };
}

/**
 * The rows a reader must yield for a written fixture. For CSV the sheet is the file's base name, so
 * pass it (`basename(path)`) when comparing with openSource().rows().
 */
export function expectedRows(f: WrittenFixture, csvSheetName?: string): RawRow[] {
  const rows = expectedRawRows(f.grid, f.format);
  return f.format === 'csv' && csvSheetName !== undefined
    ? rows.map((r) => ({ ...r, sheet: csvSheetName }))
    : rows;
}
