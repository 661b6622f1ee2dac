/**
 * Every file the readers cannot take is refused with a typed, located error, never a crash or hang:
 * the UI turns `code` + `details` into "what happened, where, what to do next".
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../electron/io/read-file';
import { writeZip } from '../hostile/ooxml';
import { generatePosTxns, writeCsv, writePosFixture, writeXls, writeXlsx } from '../fixtures/generator';
import { BANK, caught, readAll, withTempDir } from './readers-support';

/** Zips `entries` as they are (the hostile corpus's writer). */
const zipWith = (path: string, entries: Record<string, Buffer>): Promise<void> =>
  writeZip(path, Object.entries(entries));

const MIN_WORKBOOK = {
  '[Content_Types].xml': Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  'xl/workbook.xml': Buffer.from(
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  'xl/_rels/workbook.xml.rels': Buffer.from(
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
};

describe('files that are not spreadsheets', () => {
  it('an empty file is unreadable, not a crash', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'empty.csv');
      await writeFile(p, '');
      const e = await caught(() => openSource(p));
      expect(e.code).toBe('file_unreadable');
      expect(e.details).toMatchObject({ file: 'empty.csv', reason: 'empty_file' });
    });
  });

  it('a missing file is unreadable', async () => {
    const e = await caught(() => openSource('/nonexistent/交易明细.xlsx'));
    expect(e.code).toBe('file_unreadable');
    expect(e.details).toMatchObject({ file: '交易明细.xlsx', reason: 'missing' });
  });

  it('a PDF statement is unsupported and says so', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'statement.xlsx');
      await writeFile(p, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
      const e = await caught(() => openSource(p));
      expect(e.code).toBe('file_unsupported');
      expect(e.details).toMatchObject({ file: 'statement.xlsx', reason: 'pdf', detected: 'PDF document' });
      expect(e.message).toMatch(/PDF/);
    });
  });

  it('a photo of a receipt is unsupported', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'receipt.csv');
      await writeFile(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      expect((await caught(() => openSource(p))).details).toMatchObject({
        reason: 'image',
        detected: 'PNG image',
      });
    });
  });

  it('arbitrary binary data is unsupported', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'data.csv');
      await writeFile(p, Buffer.from([1, 2, 3, 0, 0, 7, 8, 0, 200, 13, 0, 1]));
      expect((await caught(() => openSource(p))).details).toMatchObject({ reason: 'binary' });
    });
  });

  it('a text file renamed to .xlsx is refused with a hint to rename it', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, '八月流水.xlsx');
      await writeFile(p, '这是一个记事本文件\n不是表格\n');
      const e = await caught(() => openSource(p));
      expect(e.code).toBe('file_unsupported');
      expect(e.details).toMatchObject({ file: '八月流水.xlsx', reason: 'extension_mismatch' });
      expect(e.message).toMatch(/\.csv/);
    });
  });

  it('a web page without a table saved as .xls (a login page) is refused, not parsed as CSV', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'bank.xls');
      await writeFile(p, '<html><body><p>会话已超时，请重新登录</p></body></html>');
      const e = await caught(() => openSource(p));
      expect(e.code).toBe('file_unsupported');
      expect(e.details).toMatchObject({ reason: 'html' });
      expect(e.message).toMatch(/without a table/);
    });
  });

  it('a zip that is not a workbook (a .docx) is unsupported', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'letter.xlsx');
      await zipWith(p, { 'word/document.xml': Buffer.from('<w:document/>') });
      const e = await caught(() => openSource(p));
      expect(e.code).toBe('file_unsupported');
      expect(e.details).toMatchObject({ reason: 'not_a_workbook', detected: 'a Word document' });
    });
  });
});

describe('damaged and hostile workbooks', () => {
  it('a truncated .xlsx is unreadable (no zip directory)', async () => {
    await withTempDir(async (dir) => {
      const full = join(dir, 'full.xlsx');
      await writePosFixture(full, generatePosTxns({ count: 300 }));
      const data = await readFile(full);
      const p = join(dir, 'cut.xlsx');
      await writeFile(p, data.subarray(0, Math.floor(data.length / 2)));
      const e = await caught(() => readAll(p));
      expect(e.code).toBe('file_unreadable');
      expect(e.details).toMatchObject({ file: 'cut.xlsx', reason: 'truncated' });
    });
  });

  it('a truncated .xls is unreadable', async () => {
    await withTempDir(async (dir) => {
      const data = await readFile(join(BANK, 'ccb-personal.xls'));
      for (const cut of [512, 4096, Math.floor(data.length / 2)]) {
        const p = join(dir, `cut-${cut}.xls`);
        await writeFile(p, data.subarray(0, cut));
        const e = await caught(() => readAll(p));
        expect(e.code).toBe('file_unreadable');
        expect(e.details).toMatchObject({ file: `cut-${cut}.xls` });
      }
    });
  });

  it('a zip bomb is refused before anything is inflated', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'bomb.xlsx');
      // 64 MB of zeros deflates to ~64 KB: a ratio no real sheet has.
      await zipWith(p, { ...MIN_WORKBOOK, 'xl/worksheets/sheet1.xml': Buffer.alloc(64 * 1024 * 1024) });
      const e = await caught(() => openSource(p));
      expect(e.code).toBe('file_too_large');
      expect(e.details).toMatchObject({ file: 'bomb.xlsx', reason: 'zip_bomb', limit: 200 });
    });
  });

  it('a workbook expanding beyond the configured total is refused', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'big.xlsx');
      await writePosFixture(p, generatePosTxns({ count: 500 }));
      const e = await caught(() => openSource(p, { limits: { maxUncompressedBytes: 50_000 } }));
      expect(e.code).toBe('file_too_large');
      expect(e.details).toMatchObject({ reason: 'zip_bomb', limit: 50_000 });
    });
  });

  it('a file over the size limit is refused', async () => {
    const e = await caught(() =>
      openSource(join(BANK, 'ccb-personal.xls'), { limits: { maxFileBytes: 1000 } }),
    );
    expect(e.code).toBe('file_too_large');
    expect(e.details).toMatchObject({ reason: 'file_too_big', limit: 1000 });
  });
});

describe('sheets the import cannot use', () => {
  it('an empty sheet is a located error; allowEmpty reads it as no rows', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'empty-sheet.xlsx');
      await writeXlsx(p, [{ sheet: '交易明细', rows: [] }]);
      const src = await openSource(p);
      expect(src.sheets.map((s) => s.name)).toEqual(['交易明细']);
      const e = await caught(() => readAll(p));
      expect(e.code).toBe('file_unreadable');
      expect(e.details).toMatchObject({ file: 'empty-sheet.xlsx', sheet: '交易明细', reason: 'empty_sheet' });
      expect(await readAll(p, {}, undefined, { allowEmpty: true })).toEqual([]);
    });
  });

  it('an empty .xls sheet and a CSV of blank lines are empty too', async () => {
    await withTempDir(async (dir) => {
      const xls = join(dir, 'empty.xls');
      await writeXls(xls, [{ sheet: 'S1', rows: [{ row: 1, cells: [null] }] }]);
      expect((await caught(() => readAll(xls))).details).toMatchObject({
        sheet: 'S1',
        reason: 'empty_sheet',
      });
      const csv = join(dir, 'blank.csv');
      await writeFile(csv, '\r\n\r\n\r\n');
      expect((await caught(() => readAll(csv))).details).toMatchObject({
        sheet: 'blank.csv',
        reason: 'empty_sheet',
      });
    });
  });

  it('a sheet beyond the row limit names the sheet and the limit (xlsx, xls, csv)', async () => {
    await withTempDir(async (dir) => {
      const txns = generatePosTxns({ count: 60 });
      for (const ext of ['xlsx', 'xls', 'csv'] as const) {
        const p = join(dir, `pos.${ext}`);
        await writePosFixture(p, txns, { sheet: '交易明细' });
        const e = await caught(() => readAll(p, { limits: { maxRowsPerSheet: 50 } }));
        expect(e.code).toBe('file_too_large');
        expect(e.details).toMatchObject({
          file: `pos.${ext}`,
          sheet: ext === 'csv' ? 'pos.csv' : '交易明细',
          reason: 'too_many_rows',
          limit: 50,
        });
        expect(e.message).toContain('50');
      }
    });
  });

  it('a row beyond the column limit names its row and column', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'wide.csv');
      await writeCsv(p, {
        sheet: 'x',
        rows: [
          { row: 1, cells: ['a', 'b'] },
          { row: 2, cells: Array.from({ length: 40 }, (_, i) => `c${i}`) },
        ],
      });
      const e = await caught(() => readAll(p, { limits: { maxColumns: 30 } }));
      expect(e.details).toMatchObject({
        file: 'wide.csv',
        row: 2,
        column: 40,
        reason: 'too_many_columns',
        limit: 30,
      });
      const x = join(dir, 'wide.xlsx');
      await writeXlsx(x, [
        { sheet: 'W', rows: [{ row: 3, cells: Array.from({ length: 40 }, (_, i) => i) }] },
      ]);
      expect((await caught(() => readAll(x, { limits: { maxColumns: 30 } }))).details).toMatchObject({
        sheet: 'W',
        row: 3,
        column: 40,
      });
    });
  });

  it('asking for a sheet that does not exist is a located error', async () => {
    const e = await caught(() => readAll(join(BANK, 'abc-personal.xlsx'), {}, 'Sheet9'));
    expect(e.details).toMatchObject({ sheet: 'Sheet9', reason: 'sheet_not_found' });
  });

  it('an unterminated quote in a CSV is a syntax error with its line', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'broken.csv');
      await writeFile(p, 'a,b\n1,2\n"3,4\n5,6\n');
      const e = await caught(() => readAll(p));
      expect(e.code).toBe('file_unreadable');
      expect(e.details).toMatchObject({ file: 'broken.csv', reason: 'csv_syntax' });
      expect(typeof e.details?.['row']).toBe('number');
    });
  });

  it('a copied sample with a misleading .csv name still reads by its content', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'really-an-xls.csv');
      await copyFile(join(BANK, 'spdb-personal-debit.xls'), p);
      const src = await openSource(p);
      expect(src.format).toBe('xls');
    });
  });
});
