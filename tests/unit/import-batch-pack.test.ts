/**
 * A packed batch (what the import worker sends the book's thread) reads back as exactly the rows that
 * went in: every kind of cell (text, numbers, booleans, dates with and without a serial, Excel errors,
 * empty cells), Chinese and emoji text, a lone surrogate, and the numbers JSON cannot carry (-0, ±∞);
 * and each row's provenance is the JSON of its cells, as the book stores it.
 */
import { describe, expect, it } from 'vitest';
import { BatchPacker, transferablesOf, unpackBatch } from '../../electron/services/import-batch-pack';
import type { RawRow } from '../../shared/import/raw';

function roundTrip(rows: RawRow[]) {
  const packer = new BatchPacker();
  for (const r of rows) packer.add(r);
  const batch = packer.take();
  expect(packer.count).toBe(0);
  // What postMessage would do with the transfer list: the batch arrives as a structured clone.
  return [...unpackBatch(structuredClone(batch, { transfer: transferablesOf(batch) }))];
}

describe('a packed batch of read rows', () => {
  it('gives back every row and its provenance as they went in', () => {
    const sheet = '交易明细';
    const rows: RawRow[] = [
      { sheet, row: 1, cells: ['交易时间', '金额', null, '终端 Ⅱ 🧾'] },
      {
        sheet,
        row: 2,
        cells: [
          { kind: 'date', value: '2026-08-01 09:15:00', serial: 46235.38541666666 },
          47.39,
          true,
          false,
        ],
      },
      {
        sheet,
        row: 4,
        cells: [
          { kind: 'date', value: '2026-08-01 00:00:00' },
          { kind: 'error', value: '#N/A' },
        ],
      },
      { sheet, row: 5, cells: ['a\ud800b', '', -12.5, 0] },
    ];
    const back = roundTrip(rows);
    expect(back.map((r) => r.raw)).toEqual(rows);
    expect(back.map((r) => r.source)).toEqual(
      rows.map((r) => ({ sheet, row: r.row, cellsJson: JSON.stringify(r.cells) })),
    );
  });

  it('keeps the numbers JSON would change: -0 stays -0 and infinities stay infinite', () => {
    const rows: RawRow[] = [
      { sheet: 'Sheet1', row: 7, cells: [-0, 'x'] },
      { sheet: 'Sheet1', row: 8, cells: [1, 2] },
      { sheet: 'Sheet1', row: 9, cells: [{ kind: 'date', value: '9999-12-31 00:00:00', serial: Infinity }] },
      { sheet: 'Sheet1', row: 10, cells: [-Infinity] },
    ];
    const back = roundTrip(rows);
    expect(back.map((r) => r.raw)).toEqual(rows);
    expect(Object.is(back[0]?.raw.cells[0], -0)).toBe(true);
    // The provenance is what it always was: the JSON text of the cells.
    expect(back.map((r) => 'cellsJson' in r.source && r.source.cellsJson)).toEqual([
      '[0,"x"]',
      '[1,2]',
      '[{"kind":"date","value":"9999-12-31 00:00:00","serial":null}]',
      '[null]',
    ]);
  });
});
