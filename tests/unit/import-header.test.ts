/**
 * Header row, two-row headers, kind detection and column mapping on hand-made layouts, plus
 * properties: column order and preamble rows must not change what is recognised.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../shared/import/analyse';
import { detectHeader } from '../../shared/import/detect-header';
import type { ColumnMapping } from '../../shared/import/mapping-schema';
import type { RawCell, RawRow } from '../../shared/import/raw';

const sheet = (cells: RawCell[][], name = 'Sheet1', firstRow = 1): RawRow[] =>
  cells.map((c, i) => ({ sheet: name, row: firstRow + i, cells: c }));

function mapped(m: ColumnMapping | null): Record<string, string> {
  if (!m) return {};
  return Object.fromEntries(Object.entries(m.fields).map(([f, col]) => [f, m.headers[col] ?? '?']));
}

const POS_HEADER = [
  '商户号',
  '终端号',
  '交易日期',
  '交易时间',
  '卡号',
  '卡类型',
  '交易类型',
  '交易金额',
  '手续费',
  '结算金额',
  '参考号',
  '交易状态',
];
const POS_ROW: RawCell[] = [
  '822290058120123',
  'A8837261',
  '20260801',
  '091233',
  '622848******1234',
  '借记卡',
  '消费',
  '100.00',
  '0.50',
  '99.50',
  '258000000001',
  '成功',
];

describe('header row', () => {
  test('found below a title, a query range and a key/value preamble', () => {
    const rows = sheet([
      ['交易明细查询'],
      ['查询时间：2026-08-01 至 2026-08-31'],
      ['商户名称：', '某某便利店', null, '商户号：', '822290058120123'],
      [],
      POS_HEADER,
      POS_ROW,
    ]);
    const a = analyse(rows, { file: 'pos.xlsx' });
    expect(a).toMatchObject({ kind: 'pos', kindCertain: true, ready: true });
    expect(a.mapping?.headerRows).toEqual([5]);
    expect(mapped(a.mapping)).toMatchObject({
      date: '交易日期',
      time: '交易时间',
      amount: '交易金额',
      refNo: '参考号',
      cardKind: '卡类型',
    });
  });

  test('cells padded with spaces, tabs and full-width spaces, and full-width brackets', () => {
    const rows = sheet([
      ['  交易日期\t', '\u3000摘\u3000要\u3000', '收入（元）', ' 支出 ', '余额：'],
      ['2026-08-01', '转账', '1.00', '', '1.00'],
    ]);
    const a = analyse(rows, { file: 'b.csv' });
    expect(a.kind).toBe('bank');
    // Headers are shown trimmed, as the user reads them.
    expect(mapped(a.mapping)).toMatchObject({
      date: '交易日期',
      summary: '摘\u3000要',
      credit: '收入（元）',
      debit: '支出',
      balance: '余额：',
    });
  });

  test('a [HISTORYDETAIL] marker row above the header', () => {
    const rows = sheet([
      ['[HISTORYDETAIL]'],
      ['凭证号', '交易时间', '借/贷', '借方发生额', '贷方发生额', '余额', '对方单位名称', '摘要'],
    ]);
    const a = analyse(rows, { file: 'icbc.xlsx' });
    expect(a.mapping?.headerRows).toEqual([2]);
    expect(a.kind).toBe('bank');
  });

  test('two-row header: 发生额 merged over 借方 | 贷方 (value in the first cell, null after)', () => {
    const rows = sheet([
      ['日期', '摘要', '发生额', null, '余额', '对方户名'],
      [null, null, '借方', '贷方', null, null],
      ['2026-08-01', 'POS结算', null, '5,607.00', '29,063.78', '拉卡拉支付股份有限公司'],
    ]);
    const a = analyse(rows, { file: 'two-row.xlsx' });
    expect(a.mapping?.headerRows).toEqual([1, 2]);
    expect(mapped(a.mapping)).toMatchObject({
      date: '日期',
      debit: '发生额/借方',
      credit: '发生额/贷方',
      balance: '余额',
    });
    expect(a.ready).toBe(true);
  });

  test('two-row header: 金额 over 收入 | 支出', () => {
    const rows = sheet([
      ['交易日期', '金额', null, '余额'],
      [null, '收入', '支出', null],
    ]);
    expect(mapped(analyse(rows, { file: 'x' }).mapping)).toMatchObject({
      date: '交易日期',
      credit: '金额/收入',
      debit: '金额/支出',
    });
  });

  test('the header is looked for on every sheet', () => {
    const rows = [
      ...sheet([['说明'], ['本文件由系统生成']], 'Cover'),
      ...sheet([POS_HEADER, POS_ROW], '交易明细'),
    ];
    const a = analyse(rows, { file: 'two-sheets.xlsx' });
    expect(a.mapping?.sheet).toBe('交易明细');
  });

  test('a header in a fen column: 交易金额(分) sets the unit', () => {
    const rows = sheet([['交易时间', '交易金额(分)', '手续费（分）', '参考号', '终端号', '交易类型']]);
    const a = analyse(rows, { file: 'fen.csv' });
    expect(a.mapping?.moneyUnits).toEqual({ amount: 'fen', fee: 'fen' });
  });
});

describe('kind detection', () => {
  test('too few clues: uncertain, and the preview must ask', () => {
    const a = analyse(sheet([['日期', '金额', '备注']]), { file: 'vague.csv' });
    expect(a.kindCertain).toBe(false);
    expect(a.ready).toBe(false);
    expect(a.issues.map((i) => i.code)).toContain('kind_uncertain');
  });

  test('clues for both kinds: uncertain', () => {
    const a = analyse(sheet([['交易日期', '交易金额', '参考号', '终端号', '余额', '对方户名']]), {
      file: 'mixed.csv',
    });
    expect(a.kindCertain).toBe(false);
  });

  test('the user’s choice of kind settles it', () => {
    const a = analyse(sheet([['日期', '金额', '备注']]), { file: 'vague.csv', kind: 'bank' });
    expect(a).toMatchObject({ kind: 'bank', kindCertain: true, ready: true });
  });

  test('no recognisable header: a located, polite error', () => {
    const a = analyse(
      sheet([
        ['姓名', '电话'],
        ['张三', '13800000000'],
      ]),
      { file: 'contacts.xlsx' },
    );
    expect(a.mapping).toBeNull();
    expect(a.ready).toBe(false);
    expect(a.issues[0]).toMatchObject({ code: 'no_header', severity: 'error', file: 'contacts.xlsx' });
    expect(a.issues[0]?.message).toContain('没有找到表头行');
  });

  test('a header row the user picks is used even when it names few fields', () => {
    const rows = sheet([['标题'], ['时间', '钱', '摘要'], ['2026-08-01', '1.00', 'x']]);
    const d = detectHeader(rows, { headerRow: { row: 2 }, kind: 'bank' });
    expect(d.header?.headerRows).toEqual([2]);
  });
});

describe('properties', () => {
  const BANK_HEADER = [
    '交易日期',
    '交易时间',
    '收入金额',
    '支出金额',
    '余额',
    '对方户名',
    '对方账号',
    '摘要',
    '币种',
    '交易流水号',
  ];
  const preambleRow = fc.oneof(
    fc.constant<RawCell[]>(['账户明细']),
    fc.constant<RawCell[]>(['账号：', '6222********1234']),
    fc.constant<RawCell[]>(['起始日期：20260801', null, '截止日期：20260831']),
    fc.constant<RawCell[]>(['[HISTORYDETAIL]']),
    fc.constant<RawCell[]>([]),
    fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 6 }),
  );

  test('shuffled column order and random preamble rows: same header row and same mapping by name', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(BANK_HEADER, { minLength: BANK_HEADER.length }),
        fc.array(preambleRow, { maxLength: 12 }),
        (header, preamble) => {
          const rows = sheet([...preamble, header, header.map(() => null)]);
          const a = analyse(rows, { file: 'p.xlsx' });
          expect(a.kind).toBe('bank');
          expect(a.mapping?.headerRows).toEqual([preamble.length + 1]);
          expect(mapped(a.mapping)).toMatchObject({
            date: '交易日期',
            time: '交易时间',
            credit: '收入金额',
            debit: '支出金额',
            balance: '余额',
            counterparty: '对方户名',
            counterpartyAccount: '对方账号',
            summary: '摘要',
            currency: '币种',
          });
        },
      ),
    );
  });

  test('two-row headers: a group cell over 借方/贷方 (or 收入/支出) wherever the pair sits', () => {
    const others = ['交易日期', '摘要', '余额', '对方户名', '对方账号'];
    const groups = [
      { parent: '发生额', debit: '借方', credit: '贷方' },
      { parent: '金额', debit: '支出', credit: '收入' },
    ];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(others, { minLength: others.length }),
        fc.integer({ min: 0, max: others.length }),
        fc.constantFrom(...groups),
        fc.boolean(),
        fc.array(preambleRow, { maxLength: 5 }),
        (order, at, g, creditFirst, preamble) => {
          const pair = creditFirst ? [g.credit, g.debit] : [g.debit, g.credit];
          const top: RawCell[] = [...order.slice(0, at), g.parent, null, ...order.slice(at)];
          const bottom: RawCell[] = [
            ...order.slice(0, at).map(() => null),
            ...pair,
            ...order.slice(at).map(() => null),
          ];
          const a = analyse(sheet([...preamble, top, bottom]), { file: 'two.xlsx' });
          expect(a.mapping?.headerRows).toEqual([preamble.length + 1, preamble.length + 2]);
          expect(mapped(a.mapping)).toMatchObject({
            date: '交易日期',
            debit: `${g.parent}/${g.debit}`,
            credit: `${g.parent}/${g.credit}`,
            balance: '余额',
          });
        },
      ),
    );
  });

  test('POS columns in any order, padded: mapped by name', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(POS_HEADER, { minLength: POS_HEADER.length }),
        fc.constantFrom('', ' ', '\t', '\u3000'),
        (header, pad) => {
          const a = analyse(sheet([header.map((h) => `${pad}${h}${pad}`)]), { file: 'p.csv' });
          expect(a.kind).toBe('pos');
          const byName = Object.fromEntries(Object.entries(mapped(a.mapping)).map(([f, h]) => [f, h.trim()]));
          expect(byName).toMatchObject({
            date: '交易日期',
            time: '交易时间',
            amount: '交易金额',
            fee: '手续费',
            refNo: '参考号',
            terminalId: '终端号',
          });
        },
      ),
    );
  });
});
