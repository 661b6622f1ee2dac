/**
 * Sheets: a workbook with a sheet per month is imported a sheet at a time, none of them silently left
 * out; a template made on one file reads another, whatever its sheet is called.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ImportService } from '../../electron/services/import-service';
import { generateCleanMonth, posSheet, writePosFixture, writeXlsx } from '../fixtures/generator';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

describe('workbooks with several data sheets', () => {
  const tempDir = useTempDir();

  it('say which other sheets hold data, and import each sheet picked, once', async () => {
    const dir = tempDir();
    const aug = generateCleanMonth({ seed: 5, count: 40, startDate: '2026-08-01' }).txns;
    const sep = generateCleanMonth({ seed: 6, count: 30, startDate: '2026-09-01' }).txns;
    const file = join(dir, 'pos.xlsx');
    await writeXlsx(file, [
      { ...posSheet(aug).grid, sheet: '8月' },
      { sheet: '说明', rows: [{ row: 1, cells: ['本文件由商户后台导出'] }] },
      { ...posSheet(sep).grid, sheet: '9月' },
    ]);
    const book = newBook(dir);
    const imports = new ImportService();

    const first = await imports.importFile(book, file, 'pos.xlsx');
    expect(first.added).toBe(aug.length);
    expect(first.issues).toMatchObject([{ code: 'other_sheets', severity: 'warning', sheet: '8月' }]);
    expect(first.issues[0]?.message).toContain('9月');

    const second = await imports.importFile(book, file, 'pos.xlsx', { sheet: '9月' });
    expect(second.added).toBe(sep.length);
    // Each sheet again adds nothing.
    expect((await imports.importFile(book, file, 'pos.xlsx')).added).toBe(0);
    expect((await imports.importFile(book, file, 'pos.xlsx', { sheet: '9月' })).added).toBe(0);
    const count = book.db.prepare('SELECT count(*) FROM pos_transactions').pluck().get();
    expect(count).toBe(aug.length + sep.length);
    book.close();

    // The CLI's --all-sheets imports each data sheet in one go, one entry per sheet.
    const bin = new URL('../../bin/feetrail.mjs', import.meta.url).pathname;
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [bin, ...args], {
        env: { ...process.env, FEETRAIL_DATA_DIR: dir },
      });
    await cli('book', 'init', '--book', join(dir, 'cli.feetrail'));
    const { stdout } = await cli(
      'import',
      '--book',
      join(dir, 'cli.feetrail'),
      '--all-sheets',
      '--json',
      file,
    );
    const out = JSON.parse(stdout) as { files: { sheet: string; added: number; issues: unknown[] }[] };
    expect(out.files.map((f) => [f.sheet, f.added])).toEqual([
      ['8月', aug.length],
      ['9月', sep.length],
    ]);
    expect(out.files[0]?.issues).toEqual([]);
  });

  it('a template made on one file reads another: a CSV of another name, a title row more above the header', async () => {
    const dir = tempDir();
    const txns = generateCleanMonth({ seed: 7, count: 40, startDate: '2026-08-01' }).txns;
    const a = join(dir, '八月上.csv');
    const b = join(dir, '八月下.csv');
    await writePosFixture(a, txns.slice(0, 20), {}, { csv: { encoding: 'gbk' } });
    await writePosFixture(b, txns.slice(20), { titleRows: true }, { csv: { encoding: 'gbk' } });
    const book = newBook(dir);
    const imports = new ImportService();
    const template = (await imports.preview(book, { fileId: 'a', path: a, name: '八月上.csv' })).mapping;
    expect(template?.sheet).toBe('八月上.csv');
    const r = await imports.importFile(book, b, '八月下.csv', { mapping: template! });
    expect(r.added).toBe(txns.length - 20);
    await expect(imports.importFile(book, b, '八月下.csv', { sheet: '九月' })).rejects.toThrow(
      /no sheet named “九月”/,
    );
    book.close();
  });
});
