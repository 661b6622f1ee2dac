/**
 * exceljs 4.4's streaming reader now and then ends its parse before a worksheet that follows another
 * one in the zip (13–18% of reads of a second sheet, measured; 200 reads all but always hit it): the sheet never comes out, and the file
 * read as if that sheet were empty ("no content"). read-xlsx.ts reads the workbook again when the sheet
 * it wants did not come out. Reading a later sheet many times must give its rows every time.
 *
 * The same early end can stop the zip's listing between workbook.xml.rels and workbook.xml, the last
 * part exceljs's own writer puts in: exceljs then throws a TypeError naming the sheets of a workbook it
 * never parsed (1 read in 300 of a third sheet). That too is read again, not reported as a damaged file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource } from '../../electron/io/read-file';
import { generateCleanMonth, posSheet, writeXlsx } from '../fixtures/generator';
import { CORPUS } from '../hostile/corpus';

const READS = 200;

describe('a workbook whose data is on its second sheet', () => {
  let dir = '';
  let path = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feetrail-later-sheet-'));
    const entry = CORPUS.find((e) => e.id === 'xlsx-very-hidden-decoy-table');
    if (!entry) throw new Error('corpus entry xlsx-very-hidden-decoy-table is gone');
    path = join(dir, entry.file);
    await entry.build(path);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`gives all of that sheet's rows on each of ${READS} reads`, async () => {
    const counts: number[] = [];
    for (let i = 0; i < READS; i += 1) {
      const reader = await openSource(path, { fileName: 'veryhidden.xlsx', limits: {} });
      let rows = 0;
      for await (const row of reader.rows('交易明细')) if (row.sheet === '交易明细') rows += 1;
      counts.push(rows);
    }
    expect(counts).toEqual(Array.from({ length: READS }, () => 3));
  });

  it('gives a third sheet of a workbook written by exceljs whole on each of 400 reads', async () => {
    const sep = generateCleanMonth({ seed: 6, count: 30, startDate: '2026-09-01' }).txns;
    const file = join(dir, 'months.xlsx');
    await writeXlsx(file, [
      {
        ...posSheet(generateCleanMonth({ seed: 5, count: 40, startDate: '2026-08-01' }).txns).grid,
        sheet: '8月',
      },
      { sheet: '说明', rows: [{ row: 1, cells: ['本文件由商户后台导出'] }] },
      { ...posSheet(sep).grid, sheet: '9月' },
    ]);
    const counts = new Map<number, number>();
    for (let i = 0; i < 400; i += 1) {
      const reader = await openSource(file, { fileName: 'months.xlsx', limits: {} });
      let rows = 0;
      for await (const row of reader.rows('9月')) if (row.sheet === '9月') rows += 1;
      counts.set(rows, (counts.get(rows) ?? 0) + 1);
    }
    // Every row the sheet was written with (its header and the month's transactions), every time.
    expect([...counts]).toEqual([[posSheet(sep).grid.rows.length, 400]]);
  });
});
