/**
 * One formatted table per worksheet, the way a bookkeeper expects it in Excel or WPS: title rows, a
 * bold frozen header, ¥#,##0.00 and 0.00% formats, a 合计 (Total) row of SUM formulas (with their results cached,
 * so readers that do not recalculate still show numbers), column widths that fit, and A4 landscape
 * printing fitted to the width with the title rows repeated on every page.
 *
 * Text that came from imported files is neutralised: a leading = + - @ tab or CR gets an apostrophe
 * in front (OWASP's advice for CSV/formula injection), so no reader can take it for a formula.
 */
import type ExcelJS from 'exceljs';
import { fenToYuanString, type Fen } from '../../../shared/money';

export const YUAN_FMT = '¥#,##0.00;[Red]-¥#,##0.00';
export const RATE_FMT = '0.00%';
export const INT_FMT = '#,##0';

export function safeText(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Fen as a spreadsheet number of yuan: the output boundary, where the spreadsheet's doubles take over. */
export function yuan(value: number): number {
  return Number(fenToYuanString(value as Fen));
}

/** Effective rate as a fraction (0.0028 → 0.28%), for a cached formula result only. */
export function rateOf(feesFen: number, turnoverFen: number): number {
  return turnoverFen === 0 ? 0 : feesFen / turnoverFen;
}

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export type Column<R> =
  | { header: string; kind: 'text'; value: (r: R) => string | null; imported?: boolean }
  | { header: string; kind: 'money' | 'int'; value: (r: R) => number; total?: boolean }
  /** A rate as the formula numerator / denominator (both money columns of this table, by header). */
  | { header: string; kind: 'rate'; of: [string, string] };

/** Display width of text: CJK characters take two columns. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

export function fitColumns(ws: ExcelJS.Worksheet, from: number, min = 8, max = 60): void {
  ws.columns.forEach((col) => {
    let w = min;
    col.eachCell?.({ includeEmpty: false }, (cell) => {
      if (Number(cell.row) < from) return;
      const v = cell.value;
      const shown = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
      const text =
        typeof shown === 'number'
          ? `¥${shown.toLocaleString('en-US', { minimumFractionDigits: 2 })}`
          : typeof shown === 'string'
            ? shown
            : '';
      w = Math.max(w, textWidth(text) + 2);
    });
    col.width = Math.min(max, w);
  });
}

export function printSetup(ws: ExcelJS.Worksheet, titleRows: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C&P / &N' };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

/** A table sheet's name (the tab), its title and subtitle rows, and the label of its totals row. */
export type SheetHeading = { name: string; title: string; subtitle: string; totalLabel: string };

/**
 * Adds a sheet: `title` on row 1, `subtitle` on row 2, the header on row 3, the rows, then a totals
 * row (合计 / Total: SUM formulas with cached results) when any column totals.
 */
export function addTableSheet<R>(
  wb: ExcelJS.Workbook,
  heading: SheetHeading,
  columns: Column<R>[],
  rows: readonly R[],
): ExcelJS.Worksheet {
  const { title, subtitle, totalLabel } = heading;
  const ws = wb.addWorksheet(heading.name, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = subtitle;
  ws.getCell('A2').font = { color: { argb: 'FF666666' } };
  styleHeader(ws.addRow(columns.map((c) => c.header)));
  const index = new Map(columns.map((c, i) => [c.header, i + 1]));
  const first = 4;
  const sums = columns.map(() => 0);
  rows.forEach((r, i) => {
    const rowNo = first + i;
    const row = ws.getRow(rowNo);
    columns.forEach((c, ci) => {
      const cell = row.getCell(ci + 1);
      if (c.kind === 'text') {
        const v = c.value(r);
        cell.value = c.imported ? safeText(v) : (v ?? '');
      } else if (c.kind === 'rate') {
        const [n, d] = c.of.map((h) => colLetter(index.get(h) ?? 1));
        const num = (columns[(index.get(c.of[0]) ?? 1) - 1] as { value: (r: R) => number }).value(r);
        const den = (columns[(index.get(c.of[1]) ?? 1) - 1] as { value: (r: R) => number }).value(r);
        cell.value = { formula: `IF(${d}${rowNo}=0,0,${n}${rowNo}/${d}${rowNo})`, result: rateOf(num, den) };
        cell.numFmt = RATE_FMT;
      } else {
        const v = c.value(r);
        sums[ci] = (sums[ci] ?? 0) + v;
        cell.value = c.kind === 'money' ? yuan(v) : v;
        cell.numFmt = c.kind === 'money' ? YUAN_FMT : INT_FMT;
      }
    });
  });
  if (columns.some((c) => c.kind !== 'text' && c.kind !== 'rate' && c.total !== false)) {
    const last = first + rows.length - 1;
    const row = ws.getRow(last + 1);
    row.getCell(1).value = totalLabel;
    columns.forEach((c, ci) => {
      const L = colLetter(ci + 1);
      const cell = row.getCell(ci + 1);
      if ((c.kind === 'money' || c.kind === 'int') && c.total !== false) {
        const s = sums[ci] ?? 0;
        cell.value = {
          formula: `SUM(${L}${first}:${L}${Math.max(first, last)})`,
          result: c.kind === 'money' ? yuan(s) : s,
        };
        cell.numFmt = c.kind === 'money' ? YUAN_FMT : INT_FMT;
      } else if (c.kind === 'rate') {
        const [n, d] = c.of.map((h) => colLetter(index.get(h) ?? 1));
        const ni = (index.get(c.of[0]) ?? 1) - 1;
        const di = (index.get(c.of[1]) ?? 1) - 1;
        cell.value = {
          formula: `IF(${d}${last + 1}=0,0,${n}${last + 1}/${d}${last + 1})`,
          result: rateOf(sums[ni] ?? 0, sums[di] ?? 0),
        };
        cell.numFmt = RATE_FMT;
      }
    });
    row.font = { bold: true };
    row.eachCell((c) => (c.border = { top: { style: 'thin' } }));
  }
  if (rows.length > 0)
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + rows.length, column: columns.length } };
  fitColumns(ws, 3);
  printSetup(ws, '1:3');
  return ws;
}
