/**
 * CSV encodings and delimiters as Chinese banks and POS back-offices write them. Odd-encoding files
 * are made in a temp dir from known text, so each test states the bytes it reads.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../electron/io/read-file';
import {
  bankSheet,
  csvText,
  encodeCsv,
  expectedRows,
  generateBankLines,
  writeBankFixture,
} from '../fixtures/generator';
import type { CsvEncoding } from '../fixtures/generator';
import { caught, readAll, withTempDir } from './readers-support';

const STATEMENT = [
  '交易日期,摘要,收入,支出,余额,对方户名',
  '2026-08-02,POS结算,"5,607.00",,"29,063.78",拉卡拉支付股份有限公司',
  '2026-08-02,电费,,598.97,"28,464.81",国网某供电公司',
].join('\r\n');

describe('CSV encodings', () => {
  it.each<[CsvEncoding, string, string]>([
    ['utf-8', 'utf-8', 'utf8'],
    ['utf-8-bom', 'utf-8', 'bom'],
    ['gbk', 'gb18030', 'detected'],
    ['utf-16le-bom', 'utf-16le', 'bom'],
  ])('%s text reads back exactly (detected as %s from %s)', async (enc, name, source) => {
    await withTempDir(async (dir) => {
      const p = join(dir, `s-${enc}.csv`);
      await writeFile(p, encodeCsv(STATEMENT, enc));
      const src = await openSource(p);
      expect(src.encoding).toMatchObject({ encoding: name, source, uncertain: false });
      const rows = await readAll(p);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
      expect(rows[1]?.cells).toEqual([
        '2026-08-02',
        'POS结算',
        '5,607.00',
        '',
        '29,063.78',
        '拉卡拉支付股份有限公司',
      ]);
      expect(rows[2]?.cells[5]).toBe('国网某供电公司');
    });
  });

  it('a very short GBK file is flagged uncertain with ranked candidates, and an override reads it', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'short.csv');
      // Two hanzi only: too little for any detector to be sure (chardet ranks Latin-1 first here).
      await writeFile(p, iconv.encode('余额\n1\n', 'gbk'));
      const src = await openSource(p);
      expect(src.encoding).toMatchObject({ source: 'detected', uncertain: true, encoding: 'gb18030' });
      expect(src.encoding?.candidates.map((c) => c.encoding)).toContain('gb18030');
      expect(src.encoding?.candidates.length).toBeGreaterThan(1);
      const forced = await openSource(p, { encoding: 'GBK' });
      expect(forced.encoding).toMatchObject({ encoding: 'gb18030', source: 'override', uncertain: false });
      expect((await readAll(p, { encoding: 'gbk' }))[0]?.cells).toEqual(['余额']);
    });
  });

  it('Big5 bytes are not silently taken for GBK', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'big5.csv');
      await writeFile(
        p,
        iconv.encode('交易日期,摘要,金額,對方戶名\n2026-08-02,轉帳,100.00,張三\n'.repeat(40), 'big5'),
      );
      const src = await openSource(p);
      expect(src.encoding?.uncertain || src.encoding?.encoding === 'big5').toBe(true);
    });
  });

  it('an unknown encoding override is refused', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'a.csv');
      await writeFile(p, 'a,b\n');
      const e = await caught(() => openSource(p, { encoding: 'klingon-8' }));
      expect(e.code).toBe('file_unsupported');
      expect(e.details).toMatchObject({ reason: 'unknown_encoding' });
    });
  });
});

describe('CSV delimiters and quoting', () => {
  it.each<[',' | '\t' | ';', string]>([
    ['\t', 'tab'],
    [';', 'semicolon'],
    [',', 'comma'],
  ])('detects %j (%s) and keeps thousands separators inside cells', async (delimiter) => {
    await withTempDir(async (dir) => {
      const lines = generateBankLines({ seed: 5, count: 30 });
      const s = bankSheet(lines, { kind: 'split', amountStyle: 'text-thousands' });
      const p = join(dir, 'd.csv');
      await writeFile(p, encodeCsv(csvText(s.grid, { delimiter, quote: 'minimal' }), 'utf-8'));
      const src = await openSource(p);
      expect(src.delimiter).toBe(delimiter);
      const rows = await readAll(p);
      expect(rows.find((r) => r.row === s.headerRow)?.cells.slice(0, 4)).toEqual([
        '交易日期',
        '交易时间',
        '收入金额',
        '支出金额',
      ]);
      expect(rows.filter((r) => r.row >= s.firstDataRow)).toHaveLength(30);
    });
  });

  it('a delimiter override wins over detection', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'o.csv');
      await writeFile(p, 'a;b,c\n1;2,3\n');
      expect((await readAll(p, { delimiter: ';' }))[1]?.cells).toEqual(['1', '2,3']);
    });
  });

  it('GBK ICBC-style CSV with tab-padded cells, `--` for empty, CRLF: cells come back byte-exact', async () => {
    await withTempDir(async (dir) => {
      const lines = generateBankLines({ seed: 9, count: 25 });
      const p = join(dir, 'icbc.csv');
      const f = await writeBankFixture(
        p,
        lines,
        { kind: 'icbc-personal-csv', empty: '--' },
        { csv: { encoding: 'gbk', quote: 'all', eol: '\r\n' } },
      );
      const src = await openSource(p);
      expect(src.encoding).toMatchObject({ encoding: 'gb18030', uncertain: false });
      const rows = await readAll(p);
      expect(rows).toEqual(expectedRows(f, 'icbc.csv'));
      expect(rows.some((r) => r.cells.includes('--                  \t'))).toBe(true);
    });
  });

  it('a quoted cell spanning two lines keeps its newline and is numbered by its first line', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'm.csv');
      await writeFile(p, 'h1,h2\n\n"two\nlines",x\nlast,y\n');
      const rows = await readAll(p);
      expect(rows).toEqual([
        { sheet: 'm.csv', row: 1, cells: ['h1', 'h2'] },
        { sheet: 'm.csv', row: 3, cells: ['two\nlines', 'x'] },
        { sheet: 'm.csv', row: 5, cells: ['last', 'y'] },
      ]);
    });
  });
});
