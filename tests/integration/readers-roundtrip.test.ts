/**
 * Generator round trip: what the fixture generator writes, the readers give back cell for cell, in
 * every layout and format. Also the spreadsheet cell kinds real exports contain (formulas, errors,
 * rich text, hidden sheets, the 1904 date system).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../shared/import/raw';
import { openSource } from '../../electron/io/read-file';
import { DEFAULT_READ_LIMITS } from '../../electron/io/read-limits';
import { inspectXlsx } from '../../electron/io/xlsx-zip';
import {
  BANK_LAYOUTS,
  POS_COLUMNS,
  expectedRows,
  generateBankLines,
  generatePosTxns,
  writeBankFixture,
  writePosFixture,
} from '../fixtures/generator';
import type { FixtureFormat, PosLayout } from '../fixtures/generator';
import { readAll, withTempDir } from './readers-support';

/** Date cells compare by wall-clock value; the serial is the reader's extra. */
function withoutSerials(rows: RawRow[]): RawRow[] {
  return rows.map((r) => ({
    ...r,
    cells: r.cells.map((c) =>
      typeof c === 'object' && c !== null && c.kind === 'date' ? { kind: 'date', value: c.value } : c,
    ),
  }));
}

const POS_LAYOUTS: [string, PosLayout][] = [
  ['sample-like: real dates, numbers', {}],
  [
    'title + footer, text amounts with separators, text dates',
    { titleRows: true, footer: true, amountStyle: 'text-thousands', dateStyle: 'text' },
  ],
  [
    'date and time in two columns, serial numbers, long values',
    { dateTime: 'two', dateStyle: 'serial', values: 'long' },
  ],
  [
    'two date columns as real dates, reordered with settlement date',
    { dateTime: 'two', dateStyle: 'date', columns: [...POS_COLUMNS].reverse() },
  ],
];

describe('POS fixtures round-trip through the readers', () => {
  const txns = generatePosTxns({ seed: 11, count: 400 });
  for (const [name, layout] of POS_LAYOUTS) {
    for (const format of ['xlsx', 'xls', 'csv'] as FixtureFormat[]) {
      it(`${format}: ${name}`, async () => {
        await withTempDir(async (dir) => {
          const p = join(dir, `pos.${format}`);
          const f = await writePosFixture(p, txns, layout);
          const rows = await readAll(p);
          expect(withoutSerials(rows)).toEqual(expectedRows(f, 'pos.csv'));
          expect(
            rows.filter((r) => r.row >= f.firstDataRow && r.row < f.firstDataRow + f.dataRowCount),
          ).toHaveLength(400);
        });
      });
    }
  }

  it('the streaming writer and the normal writer produce the same rows', async () => {
    await withTempDir(async (dir) => {
      const a = await writePosFixture(join(dir, 'a.xlsx'), txns, { titleRows: true }, { streaming: true });
      await writePosFixture(join(dir, 'b.xlsx'), txns, { titleRows: true }, { streaming: false });
      const ra = await readAll(a.path);
      expect(ra).toEqual(await readAll(join(dir, 'b.xlsx')));
      expect(withoutSerials(ra)).toEqual(expectedRows(a));
    });
  });

  it('the generator is deterministic and its fees follow the rate card', () => {
    expect(generatePosTxns({ seed: 3, count: 50 })).toEqual(generatePosTxns({ seed: 3, count: 50 }));
    const sale = txns.find((t) => t.txnType === 'sale' && t.channel === 'wechat' && t.status === 'success');
    expect(sale?.feeFen).toBe(Math.floor(((sale?.amountFen ?? 0) * 38 + 5000) / 10000));
    expect(txns.some((t) => t.txnType === 'void')).toBe(true);
    expect(txns.every((t) => t.refNo?.length === 12)).toBe(true);
  });
});

describe('bank fixtures round-trip through the readers', () => {
  const lines = generateBankLines({ seed: 4, posTxns: generatePosTxns({ seed: 4, count: 300 }) });
  for (const kind of BANK_LAYOUTS) {
    const formats: FixtureFormat[] = kind.endsWith('-csv') ? ['csv'] : ['xlsx', 'xls', 'csv'];
    for (const format of formats) {
      it(`${kind} as ${format}`, async () => {
        await withTempDir(async (dir) => {
          const p = join(dir, `bank.${format}`);
          const f = await writeBankFixture(
            p,
            lines,
            { kind, realDates: format !== 'csv' },
            { csv: { encoding: kind === 'cmb-personal-csv' ? 'utf-8-bom' : 'gbk' } },
          );
          const rows = await readAll(p);
          expect(withoutSerials(rows)).toEqual(expectedRows(f, 'bank.csv'));
        });
      });
    }
  }

  it('settlement credits equal the previous day’s 结算金额', () => {
    const txns = generatePosTxns({ seed: 8, count: 200, days: 5 });
    const bank = generateBankLines({ seed: 8, posTxns: txns, days: 5, otherPerDay: 0 });
    const due = new Map<string, number>();
    for (const t of txns)
      if (t.status === 'success' && t.settleDate)
        due.set(t.settleDate, (due.get(t.settleDate) ?? 0) + (t.settleFen ?? 0));
    expect(bank.map((l) => [l.txnTime.slice(0, 10), l.creditFen])).toEqual([...due].sort());
  });
});

describe('spreadsheet cell kinds', () => {
  it('formulas give cached results, errors and rich text are kept, hidden sheets are reported', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'kinds.xlsx');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('明细');
      ws.getCell('A1').value = { richText: [{ text: '交易', font: { bold: true } }, { text: '金额' }] };
      ws.getCell('B1').value = { formula: 'SUM(C1:D1)', result: 12.5 };
      ws.getCell('C1').value = { formula: 'A1&"x"', result: '交易金额x' };
      ws.getCell('D1').value = { error: '#N/A' };
      ws.getCell('E1').value = true;
      ws.getCell('F1').value = '  padded\t';
      ws.getCell('G1').value = 46235.5;
      ws.getCell('G1').numFmt = 'yyyy"年"m"月"d"日" h:mm';
      ws.getCell('H1').value = 1234.5;
      ws.getCell('H1').numFmt = '#,##0.00"元"';
      ws.getCell('I1').value = { formula: 'G1+1', result: 46236.25 };
      ws.getCell('I1').numFmt = 'yyyy-mm-dd hh:mm';
      wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'secret';
      wb.addWorksheet('很隐藏', { state: 'veryHidden' }).getCell('A1').value = 'x';
      await wb.xlsx.writeFile(p);

      const src = await openSource(p);
      expect(src.sheets.map((s) => [s.name, s.state])).toEqual([
        ['明细', 'visible'],
        ['隐藏', 'hidden'],
        ['很隐藏', 'veryHidden'],
      ]);
      const [row] = await readAll(p);
      expect(row?.cells).toEqual([
        '交易金额',
        12.5,
        '交易金额x',
        { kind: 'error', value: '#N/A' },
        true,
        '  padded\t',
        { kind: 'date', value: '2026-08-01 12:00:00', serial: 46235.5 },
        1234.5,
        { kind: 'date', value: '2026-08-02 06:00:00', serial: 46236.25 },
      ]);
      expect(await readAll(p, {}, '隐藏')).toEqual([{ sheet: '隐藏', row: 1, cells: ['secret'] }]);
    });
  });

  it('the inspection knows which sheets hold values (a read of one that yields no row is read again)', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'three.xlsx');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('数据').getCell('B2').value = '交易金额';
      wb.addWorksheet('空白');
      const styled = wb.addWorksheet('只有格式');
      styled.getCell('A1').numFmt = '0.00';
      styled.getCell('A1').border = { top: { style: 'thin' } };
      await wb.xlsx.writeFile(p);
      const inspection = await inspectXlsx(p, 'three.xlsx', DEFAULT_READ_LIMITS);
      expect(inspection.sheets.map((s) => [s.name, s.hasValues])).toEqual([
        ['数据', true],
        ['空白', false],
        ['只有格式', false],
      ]);
      expect(await readAll(p, {}, '数据')).toEqual([{ sheet: '数据', row: 2, cells: [null, '交易金额'] }]);
    });
  });

  it('a 1904-date-system workbook gives the same wall-clock dates', async () => {
    await withTempDir(async (dir) => {
      const txns = generatePosTxns({ seed: 2, count: 20 });
      const f = await writePosFixture(join(dir, 'mac.xlsx'), txns, {}, { date1904: true, streaming: false });
      const src = await openSource(f.path);
      expect(src.date1904).toBe(true);
      const rows = await readAll(f.path);
      expect(withoutSerials(rows)).toEqual(expectedRows(f));
      expect(rows[1]?.cells[2]).toMatchObject({ kind: 'date', value: txns[0]?.txnTime });
    });
  });
});
