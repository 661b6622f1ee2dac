/**
 * Every sample file reads with the right rows and exact cells. Counts and cells were taken from the
 * files themselves (dumped once with exceljs / SheetJS / a text editor).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../electron/io/read-file';
import { BANK, EXAMPLE, cellsOf, readAll } from './readers-support';

type Expect = {
  file: string;
  format: 'xlsx' | 'xls' | 'csv';
  sheet: string;
  rows: number;
  headerRow: number;
  header: string[];
  lastRow: number;
};

const FILES: Expect[] = [
  {
    file: 'abc-corp-a.header.xlsx',
    format: 'xlsx',
    sheet: 'Sheet1',
    rows: 3,
    headerRow: 3,
    lastRow: 3,
    header: ['交易时间', '收入金额', '支出金额'],
  },
  {
    file: 'abc-corp-b.header.xlsx',
    format: 'xlsx',
    sheet: 'Sheet1',
    rows: 3,
    headerRow: 3,
    lastRow: 3,
    header: ['交易日期', '交易时间戳', '收入金额'],
  },
  {
    file: 'abc-personal.xlsx',
    format: 'xlsx',
    sheet: 'Sheet',
    rows: 5,
    headerRow: 3,
    lastRow: 5,
    header: ['交易日期', '交易时间', '交易金额', '本次余额'],
  },
  {
    file: 'ccb-corp-flat.header.xlsx',
    format: 'xlsx',
    sheet: 'Sheet1',
    rows: 1,
    headerRow: 1,
    lastRow: 1,
    header: ['账号', '账户名称', '交易时间', '借方发生额（支取）'],
  },
  {
    file: 'cmb-corp.header.xlsx',
    format: 'xlsx',
    sheet: 'Sheet1',
    rows: 8,
    headerRow: 9,
    lastRow: 9,
    header: ['交易日', '交易时间', '起息日', '交易类型', '借方金额', '贷方金额'],
  },
  {
    file: 'icbc-corp-account.header.xlsx',
    format: 'xlsx',
    sheet: '工行基本户',
    rows: 5,
    headerRow: 5,
    lastRow: 5,
    header: ['日期', '交易类型', '对方户名'],
  },
  {
    file: 'icbc-corp-historydetail-a.header.xlsx',
    format: 'xlsx',
    sheet: '工行基本户',
    rows: 2,
    headerRow: 2,
    lastRow: 2,
    header: ['凭证号', '对方账号', '交易时间', '借贷标志'],
  },
  {
    file: 'icbc-corp-historydetail-b.header.xlsx',
    format: 'xlsx',
    sheet: 'Sheet0',
    rows: 2,
    headerRow: 2,
    lastRow: 2,
    header: ['凭证号', '本方账号', '对方账号', '交易时间', '借/贷'],
  },
  {
    file: 'psbc-corp.header.xlsx',
    format: 'xlsx',
    sheet: 'Sheet1',
    rows: 5,
    headerRow: 5,
    lastRow: 5,
    header: ['交易日期', '交易时间', '支出金额', '收入金额'],
  },
  {
    file: 'ccb-personal.xls',
    format: 'xls',
    sheet: '交易明细_1546_20250101_20250620.xls',
    rows: 12,
    headerRow: 6,
    lastRow: 13,
    header: ['记账日          ', '交易日期          '],
  },
  {
    file: 'spdb-personal-debit.xls',
    format: 'xls',
    sheet: 'sheet',
    rows: 6,
    headerRow: 2,
    lastRow: 6,
    header: ['顺序号', '交易日期', '交易类型', '存入金额', '取出金额'],
  },
  {
    file: 'cmb-personal-pc.csv',
    format: 'csv',
    sheet: 'cmb-personal-pc.csv',
    rows: 11,
    headerRow: 8,
    lastRow: 13,
    header: ['交易日期', '交易时间', '收入', '支出', '余额', '交易类型', '交易备注'],
  },
  {
    file: 'icbc-personal-debit.csv',
    format: 'csv',
    sheet: 'icbc-personal-debit.csv',
    rows: 17,
    headerRow: 7,
    lastRow: 20,
    header: ['交易日期', '摘要', '交易详情'],
  },
  {
    file: 'icbc-personal-credit.csv',
    format: 'csv',
    sheet: 'icbc-personal-credit.csv',
    rows: 15,
    headerRow: 7,
    lastRow: 18,
    header: ['交易日期', '记账日期', '摘要'],
  },
];

describe('bank sample files', () => {
  it.each(FILES)('$file reads as $format with $rows non-empty rows', async (f) => {
    const path = join(BANK, f.file);
    const src = await openSource(path);
    expect(src.format).toBe(f.format);
    expect(src.defaultSheet).toBe(f.sheet);
    expect(src.sheets.map((s) => [s.name, s.state])).toEqual([[f.sheet, 'visible']]);
    const rows = await readAll(path);
    expect(rows).toHaveLength(f.rows);
    expect(rows.every((r) => r.sheet === f.sheet)).toBe(true);
    expect(rows.at(-1)?.row).toBe(f.lastRow);
    expect(cellsOf(rows, f.headerRow)?.slice(0, f.header.length)).toEqual(f.header);
  });

  it('ABC personal keeps signed text amounts as text', async () => {
    const rows = await readAll(join(BANK, 'abc-personal.xlsx'));
    expect(cellsOf(rows, 4)).toEqual([
      '2026-03-29',
      '12:17:04',
      '-4.00',
      '426.44',
      '示例商户',
      null,
      null,
      '电子商务',
      '消费',
      null,
      '财付通',
    ]);
    expect(cellsOf(rows, 5)?.[2]).toBe('+500.00');
  });

  it('ABC corporate rich-text preamble cells are flattened to their text', async () => {
    const rows = await readAll(join(BANK, 'abc-corp-a.header.xlsx'));
    expect(cellsOf(rows, 2)?.[0]).toBe('账号: ');
    expect(cellsOf(rows, 2)?.[2]).toBe('户名: ');
  });

  it('CCB .xls (code page 936) gives Chinese text, padded headers and numeric amounts', async () => {
    const rows = await readAll(join(BANK, 'ccb-personal.xls'));
    expect(cellsOf(rows, 3)).toEqual(['币　　种：', '人民币']);
    expect(cellsOf(rows, 7)).toEqual([
      '20250101',
      '20250101',
      '18:53:19',
      67,
      0,
      2176.91,
      '人民币',
      '消费',
      '20883313166*****0156',
      '中***融科技有限公司',
      '支付宝-支付宝外部商户-中移动金融科技有限公司',
    ]);
    expect(cellsOf(rows, 13)).toEqual(['以上数据仅供参考|具体内容请以柜台为准']);
    // Row 5 is blank in the file and is not reported.
    expect(cellsOf(rows, 5)).toBeUndefined();
  });

  it('SPDB .xls keeps its text dates and text amounts exactly', async () => {
    const rows = await readAll(join(BANK, 'spdb-personal-debit.xls'));
    expect(cellsOf(rows, 3)).toEqual([
      '1',
      '2025/12/03  14:06:51',
      '网上支付-支付宝',
      '',
      '3.88',
      '1981.33',
      '基金销售有限公司',
      '12345678901236500',
    ]);
    expect(cellsOf(rows, 1)?.[1]).toBe('6200000000001230');
  });

  it('CMB CSV: BOM detected, `# ` lines and tab-prefixed values kept raw, line numbers as in an editor', async () => {
    const src = await openSource(join(BANK, 'cmb-personal-pc.csv'));
    expect(src.encoding).toMatchObject({ encoding: 'utf-8', source: 'bom', uncertain: false });
    expect(src.delimiter).toBe(',');
    const rows = await readAll(join(BANK, 'cmb-personal-pc.csv'));
    expect(cellsOf(rows, 1)).toEqual(['# 招商银行交易记录']);
    expect(cellsOf(rows, 9)).toEqual([
      '\t20260215',
      '\t10:30:00',
      '2.50',
      '',
      '10002.50',
      '账户结息',
      '\t结息：2.50扣税：0 ',
    ]);
    expect(cellsOf(rows, 13)).toEqual(['# 支出合计: 1 笔，共 100.00 元']);
  });

  it('ICBC CSV: comma-delimited although every cell carries a tab; padding kept inside the cells', async () => {
    const src = await openSource(join(BANK, 'icbc-personal-debit.csv'));
    expect(src.delimiter).toBe(',');
    expect(src.encoding).toMatchObject({ encoding: 'utf-8', source: 'utf8', uncertain: false });
    const rows = await readAll(join(BANK, 'icbc-personal-debit.csv'));
    const first = cellsOf(rows, 8);
    expect(first?.[0]).toBe('2023-05-02     \t');
    expect(first?.[1]).toBe('消费                \t');
    expect(first?.[6]).toBe('-                   \t');
    expect(first?.[10]).toBe('13.40               \t');
    expect(cellsOf(rows, 19)).toEqual([' ']);
    expect(cellsOf(rows, 20)?.[0]).toBe('人民币合计');
    expect(cellsOf(rows, 20)?.[9]).toBe('1,234.56          \t');
  });

  it('ICBC credit CSV reads its 合计 footer', async () => {
    const rows = await readAll(join(BANK, 'icbc-personal-credit.csv'));
    expect(cellsOf(rows, 3)).toEqual(['卡号: 1234****5678', '卡别名: ']);
    expect(cellsOf(rows, 8)?.[11]).toBe('-6,086.11           \t');
    expect(cellsOf(rows, 18)?.slice(0, 6)).toEqual(['合计金额', '', '', '', '', '1234.56           \t']);
  });
});

describe('example month 2026-08', () => {
  it('pos_export.xlsx: 1 header + 1,888 POS rows with real dates as wall-clock text', async () => {
    const path = join(EXAMPLE, 'pos_export.xlsx');
    const src = await openSource(path);
    expect(src.sheets).toEqual([{ name: '交易查询', index: 0, state: 'visible', readable: true }]);
    expect(src.date1904).toBe(false);
    const rows = await readAll(path);
    expect(rows).toHaveLength(1889);
    expect(rows[0]?.cells).toEqual([
      '商户编号',
      '终端编号',
      '交易时间',
      '交易类型',
      '批次号',
      '凭证号',
      '参考号',
      '原交易参考号',
      '卡号',
      '卡类型',
      '支付方式',
      '交易金额',
      '手续费',
      '结算金额',
      '交易状态',
    ]);
    expect(cellsOf(rows, 2)).toEqual([
      '822290058120123',
      'A8837261',
      { kind: 'date', value: '2026-08-01 08:06:22', serial: expect.closeTo(46235.33775463, 8) as number },
      '消费',
      '000088',
      '000001',
      '258000000001',
      null,
      '625807******8634',
      '储蓄卡',
      '刷卡',
      93.36,
      0.47,
      92.89,
      '成功',
    ]);
    expect(cellsOf(rows, 1889)?.[2]).toMatchObject({ kind: 'date', value: '2026-08-31 21:54:40' });
    // Every data row has its 15 cells' date in August 2026.
    const dates = rows.slice(1).map((r) => (r.cells[2] as { value: string }).value);
    expect(dates.every((d) => d.startsWith('2026-08-'))).toBe(true);
  });

  it('bank_icbc_corp.xlsx: marker row, header, 46 lines with text amounts', async () => {
    const rows = await readAll(join(EXAMPLE, 'bank_icbc_corp.xlsx'));
    expect(rows).toHaveLength(48);
    expect(cellsOf(rows, 1)).toEqual(['[HISTORYDETAIL]']);
    expect(cellsOf(rows, 2)?.[5]).toBe('借方发生额');
    expect(cellsOf(rows, 3)).toEqual([
      '0000000001',
      '1202020109900012345',
      null,
      '2026-08-02 03:24:00',
      '贷',
      null,
      '5,607.00',
      null,
      'POS结算',
      null,
      '拉卡拉支付股份有限公司',
      '29,063.78',
    ]);
    expect(cellsOf(rows, 48)?.[3]).toBe('2026-09-01 09:33:00');
  });
});
