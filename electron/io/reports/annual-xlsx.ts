/**
 * 年度手续费汇总 as .xlsx: a summary sheet with one row per month and, per channel and in total,
 * turnover, fees charged, effective rate, expected fees, difference and recovered; every total is a
 * live formula (SUM, fees − difference, fees / turnover) with its result cached. Further sheets list
 * terminals, findings and disputes (see xlsx-table.ts for the shared formatting).
 */
import ExcelJS from 'exceljs';
import { CHANNELS } from '../../../shared/domain/types';
import type { Figures, MonthFigures, ReportData } from '../../services/report-data';
import type { ReportText } from './report-text';
import { reportText } from './report-text';
import {
  RATE_FMT,
  YUAN_FMT,
  colLetter,
  fitColumns,
  printSetup,
  rateOf,
  styleHeader,
  yuan,
} from './xlsx-table';
import { addDetailSheets } from './xlsx-details';

const GROUP = 6;
const FIRST_ROW = 5;
type Group = { name: string; figures: (m: MonthFigures) => Figures };

/** One column group per channel, then the total; the last group is the total. */
function groupsOf(tx: ReportText): Group[] {
  return [
    ...CHANNELS.map((c) => ({ name: tx.channels[c], figures: (m: MonthFigures) => m.byChannel[c] })),
    { name: tx.words.total, figures: (m: MonthFigures) => m.total },
  ];
}

/** Column numbers (1-based) of group `g`'s six figures. */
function cols(g: number) {
  const base = 2 + g * GROUP;
  return {
    turnover: base,
    fees: base + 1,
    rate: base + 2,
    expected: base + 3,
    diff: base + 4,
    recovered: base + 5,
  };
}

function money(cell: ExcelJS.Cell, value: ExcelJS.CellValue): void {
  cell.value = value;
  cell.numFmt = YUAN_FMT;
}

function summarySheet(wb: ExcelJS.Workbook, data: ReportData, title: string, tx: ReportText): void {
  const w = tx.words;
  const F = tx.figures;
  const groups = groupsOf(tx);
  const ws = wb.addWorksheet(w.sheetSummary, { views: [{ state: 'frozen', ySplit: 4, xSplit: 1 }] });
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = [
    tx.book(data.title.bookName),
    tx.period(data.title.from, data.title.to),
    tx.generated(data.title.generatedAt),
    `${w.expectedNote}${w.noteSep}${w.unitNote}`,
  ].join(tx.sep);
  ws.getCell('A2').font = { color: { argb: 'FF666666' } };
  const head3 = ws.getRow(3);
  const head4 = ws.getRow(4);
  head3.getCell(1).value = w.month;
  ws.mergeCells(3, 1, 4, 1);
  groups.forEach((g, gi) => {
    const c = cols(gi);
    head3.getCell(c.turnover).value = g.name;
    ws.mergeCells(3, c.turnover, 3, c.recovered);
    const names = [F.turnoverFen, F.feesFen, F.rate, F.expectedFen, F.diffFen, F.recoveredFen];
    names.forEach((n, i) => (head4.getCell(c.turnover + i).value = n));
  });
  const statusCol = 2 + groups.length * GROUP;
  head3.getCell(statusCol).value = w.status;
  ws.mergeCells(3, statusCol, 4, statusCol);
  styleHeader(head3);
  styleHeader(head4);

  const totalGroup = groups.length - 1;
  data.months.forEach((m, i) => {
    const r = FIRST_ROW + i;
    const row = ws.getRow(r);
    row.getCell(1).value = m.month;
    groups.forEach((g, gi) => {
      const f = g.figures(m);
      const c = cols(gi);
      const L = (n: number) => `${colLetter(n)}${r}`;
      if (gi === totalGroup) {
        const chans = CHANNELS.map((_, ci) => cols(ci));
        const sumOf = (key: keyof ReturnType<typeof cols>, extraFen = 0) => {
          const base = `SUM(${chans.map((x) => L(x[key])).join(',')})`;
          return extraFen === 0 ? base : `${base}+(${yuan(extraFen)})`;
        };
        const chanTotal = (key: keyof Figures) => CHANNELS.reduce((s, ch) => s + m.byChannel[ch][key], 0);
        money(row.getCell(c.turnover), { formula: sumOf('turnover'), result: yuan(f.turnoverFen) });
        money(row.getCell(c.fees), { formula: sumOf('fees'), result: yuan(f.feesFen) });
        money(row.getCell(c.diff), {
          formula: sumOf('diff', f.diffFen - chanTotal('diffFen')),
          result: yuan(f.diffFen),
        });
        money(row.getCell(c.recovered), {
          formula: sumOf('recovered', f.recoveredFen - chanTotal('recoveredFen')),
          result: yuan(f.recoveredFen),
        });
      } else {
        money(row.getCell(c.turnover), yuan(f.turnoverFen));
        money(row.getCell(c.fees), yuan(f.feesFen));
        money(row.getCell(c.diff), yuan(f.diffFen));
        money(row.getCell(c.recovered), yuan(f.recoveredFen));
      }
      money(row.getCell(c.expected), {
        formula: `${L(c.fees)}-${L(c.diff)}`,
        result: yuan(f.expectedFen),
      });
      row.getCell(c.rate).value = {
        formula: `IF(${L(c.turnover)}=0,0,${L(c.fees)}/${L(c.turnover)})`,
        result: rateOf(f.feesFen, f.turnoverFen),
      };
      row.getCell(c.rate).numFmt = RATE_FMT;
    });
    row.getCell(statusCol).value = [
      m.reconciled ? w.reconciled : w.notReconciled,
      m.closed ? w.closed : w.notClosed,
    ].join(' · ');
  });

  const last = FIRST_ROW + data.months.length - 1;
  const t = last + 1;
  const totalRow = ws.getRow(t);
  totalRow.getCell(1).value = w.total;
  groups.forEach((g, gi) => {
    const c = cols(gi);
    const sum = (key: keyof Figures) => data.months.reduce((s, m) => s + g.figures(m)[key], 0);
    const range = (n: number) => `SUM(${colLetter(n)}${FIRST_ROW}:${colLetter(n)}${last})`;
    money(totalRow.getCell(c.turnover), { formula: range(c.turnover), result: yuan(sum('turnoverFen')) });
    money(totalRow.getCell(c.fees), { formula: range(c.fees), result: yuan(sum('feesFen')) });
    money(totalRow.getCell(c.expected), { formula: range(c.expected), result: yuan(sum('expectedFen')) });
    money(totalRow.getCell(c.diff), { formula: range(c.diff), result: yuan(sum('diffFen')) });
    money(totalRow.getCell(c.recovered), { formula: range(c.recovered), result: yuan(sum('recoveredFen')) });
    const rate = totalRow.getCell(c.rate);
    rate.value = {
      formula: `IF(${colLetter(c.turnover)}${t}=0,0,${colLetter(c.fees)}${t}/${colLetter(c.turnover)}${t})`,
      result: rateOf(sum('feesFen'), sum('turnoverFen')),
    };
    rate.numFmt = RATE_FMT;
  });
  totalRow.font = { bold: true };
  totalRow.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  fitColumns(ws, 4, 9, 40);
  ws.getColumn(1).width = 10;
  printSetup(ws, '1:4');
}

/** The annual fee summary workbook of `data` (a calendar year, month by month). */
export async function annualWorkbook(
  data: ReportData,
  year: number,
  tx: ReportText = reportText(),
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FeeTrail';
  wb.calcProperties = { fullCalcOnLoad: true };
  summarySheet(wb, data, tx.annualTitle(year), tx);
  addDetailSheets(wb, data, tx);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
