/**
 * Rows → records: totals and notes skipped with a reason, the three bank amount layouts, POS values
 * and units, and every bad cell reported with its row, column letter and header.
 */
import { describe, expect, test } from 'vitest';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { analyse } from '../../shared/import/analyse';
import type { BankMapping, PosMapping } from '../../shared/import/mapping-schema';
import {
  createBankNormaliser,
  createPosNormaliser,
  normaliseAll,
  type NormalisedFile,
} from '../../shared/import/normalise';
import type { RawCell, RawRow } from '../../shared/import/raw';
import { cellText } from '../../shared/import/text';

const sheet = (cells: RawCell[][], name = 'Sheet1'): RawRow[] =>
  cells.map((c, i) => ({ sheet: name, row: i + 1, cells: c }));

function bank(cells: RawCell[][]): NormalisedFile<BankLine> {
  const rows = sheet(cells);
  const a = analyse(rows, { file: 'bank.csv' });
  expect(a.kind).toBe('bank');
  return normaliseAll(rows, createBankNormaliser(a.mapping as BankMapping, { file: 'bank.csv' }));
}

function pos(cells: RawCell[][]): NormalisedFile<PosTxn> {
  const rows = sheet(cells);
  const a = analyse(rows, { file: 'pos.xlsx' });
  expect(a.kind).toBe('pos');
  return normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'pos.xlsx' }));
}

const amounts = (r: NormalisedFile<BankLine>) =>
  r.records.map((x) => [x.record.creditFen, x.record.debitFen]);

describe('cell text', () => {
  test('a CSV text formula ="…" is the text Excel shows; other formulas and text stay as they are', () => {
    expect(cellText('="0012345678"')).toBe('0012345678');
    expect(cellText(' \t="622588******1234"\t')).toBe('622588******1234');
    expect(cellText('="say ""hi"""')).toBe('say "hi"');
    expect(cellText('="--"')).toBeNull();
    expect(cellText('="  "')).toBeNull();
    expect(cellText('=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
    expect(cellText('a="1"')).toBe('a="1"');
    expect(cellText('="1" & "2"')).toBe('="1" & "2"');
  });

  test('padding of every kind is stripped from both ends, whatever the text between', () => {
    for (const pad of [' ', '\t', '\u00A0', '\u3000', '\uFEFF', '\u200B', '\u2003', '\n'])
      for (const inner of ['消费', 'A8837261', '成功 ', '¥12', 'é'])
        expect(cellText(`${pad}${inner}${pad}`)).toBe(inner.trim());
    expect(cellText('消费')).toBe('消费');
    expect(cellText('\u3000\u3000')).toBeNull();
  });
});

describe('bank amount layouts', () => {
  test('separate 收入/支出 columns, "-" and "--" as empty, a negative in 支出 is still money out', () => {
    const r = bank([
      ['交易日期', '摘要', '收入', '支出', '余额', '对方户名'],
      ['2026-08-01', 'POS结算', '1,000.00', '-', '1,000.00', '拉卡拉'],
      ['2026-08-02', '电费', '--', '-13.40', '986.60', '供电局'],
      ['2026-08-03', '冲账', '-5.00', '', '981.60', '拉卡拉'],
    ]);
    expect(amounts(r)).toEqual([
      [100000, 0],
      [0, 1340],
      [0, 500],
    ]);
  });

  test('one signed column', () => {
    const r = bank([
      ['交易日期', '交易金额', '余额', '对方户名', '摘要'],
      ['2026-08-01', '-4.00', '1.00', 'a', 'x'],
      ['2026-08-02', '+500.00', '501.00', 'b', 'y'],
    ]);
    expect(amounts(r)).toEqual([
      [0, 400],
      [50000, 0],
    ]);
  });

  test('one amount column with a 借/贷 flag (the flag decides, the sign does not)', () => {
    const r = bank([
      ['交易时间', '借贷标志', '发生额', '余额', '对方户名', '摘要'],
      ['2026-08-01 10:00:00', '贷', '100.00', '100.00', 'a', 'x'],
      ['2026-08-01 11:00:00', '借', '-30.00', '70.00', 'b', 'y'],
      ['2026-08-01 12:00:00', '出', '1.00', '69.00', 'b', 'y'],
      ['2026-08-01 13:00:00', '？', '1.00', '68.00', 'b', 'y'],
    ]);
    expect(amounts(r)).toEqual([
      [10000, 0],
      [0, 3000],
      [0, 100],
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      row: 5,
      column: 2,
      columnLetter: 'B',
      header: '借贷标志',
      code: 'unknown_value',
      severity: 'error',
    });
  });

  test('both columns filled is an error; both zero is a skipped zero-amount line', () => {
    const r = bank([
      ['交易日期', '收入', '支出', '余额', '摘要'],
      ['2026-08-01', '1.00', '2.00', '0', 'x'],
      ['2026-08-02', '0', '0.00', '0', '利息'],
    ]);
    expect(r.records).toHaveLength(0);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[2, 'both_amounts']]);
    expect(r.summary.skipped.zero_amount).toBe(1);
  });

  test('摘要 and 用途 are joined when both say something', () => {
    const r = bank([
      ['交易时间', '贷方发生额', '借方发生额', '摘要', '用途', '对方户名'],
      ['2026-08-01 10:00:00', '10.00', '', 'POS结算', '货款', 'a'],
      ['2026-08-01 10:00:00', '10.00', '', '转账', '转账', 'a'],
    ]);
    expect(r.records.map((x) => x.record.summary)).toEqual(['POS结算 / 货款', '转账']);
  });
});

describe('rows that are not records', () => {
  test('blank rows, totals, notes and a repeated header are skipped with the reason', () => {
    const r = bank([
      ['交易日期', '摘要', '收入', '支出', '余额'],
      ['2026-08-01', 'a', '1.00', '', '1.00'],
      [null, '  ', '\t'],
      ['交易日期', '摘要', '收入', '支出', '余额'],
      ['2026-08-02', '合计转入', '2.00', '', '3.00'],
      ['合计', null, '3.00', '0.00'],
      ['共 2 笔'],
      ['以上数据仅供参考，具体以柜台为准'],
      ['# 导出时间 2026-09-01'],
    ]);
    expect(r.records.map((x) => x.record.summary)).toEqual(['a', '合计转入']);
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'preamble'],
      [3, 'blank'],
      [4, 'header_repeat'],
      [6, 'totals'],
      [7, 'totals'],
      [8, 'note'],
      [9, 'note'],
    ]);
    expect(r.issues).toEqual([]);
  });

  test('a data row with a garbled date is an error, not a note', () => {
    const r = bank([
      ['交易日期', '摘要', '收入', '支出', '余额'],
      ['2026-13-01', 'a', '1.00', '', '1.00'],
    ]);
    expect(r.issues[0]).toMatchObject({ row: 2, columnLetter: 'A', header: '交易日期', code: 'bad_date' });
    expect(r.issues[0]?.message).toBe('第 2 行 A 列（交易日期）：无法识别日期“2026-13-01”（不是有效的日期）');
    expect(r.issues[0]?.messageEn).toBe(
      'Row 2, column A (交易日期): cannot read the date "2026-13-01" (not a real calendar date)',
    );
  });
});

describe('POS rows', () => {
  const HEADER = [
    '交易时间',
    '终端号',
    '参考号',
    '卡类型',
    '支付方式',
    '交易类型',
    '交易状态',
    '交易金额',
    '手续费',
    '结算金额',
    '结算日期',
  ];

  test('amounts as text or numbers; void stored positive with its settlement kept signed', () => {
    const r = pos([
      HEADER,
      [
        '2026-08-01 10:00:00',
        'T1',
        '000000000001',
        '贷记卡',
        '插卡',
        '消费',
        '交易成功',
        '1,234.56',
        7.41,
        '1,227.15',
        '2026-08-02',
      ],
      [
        '2026-08-01 10:05:00',
        'T1',
        '000000000002',
        '',
        '微信扫码',
        '消费撤销',
        '成功',
        -1234.56,
        '-7.41',
        '-1227.15',
        '20260802',
      ],
      ['2026-08-01 10:06:00', 'T1', '000000000003', '', '云闪付', '退货', '失败', '10', '0', '0', null],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => x.record)).toMatchObject([
      {
        cardKind: 'credit',
        channel: 'card',
        txnType: 'sale',
        status: 'success',
        amountFen: 123456,
        feeFen: 741,
        settleFen: 122715,
        settleDate: '2026-08-02',
      },
      {
        cardKind: 'unknown',
        channel: 'wechat',
        txnType: 'void',
        amountFen: 123456,
        feeFen: -741,
        settleFen: -122715,
        settleDate: '2026-08-02',
      },
      { channel: 'unionpay_qr', txnType: 'refund', status: 'failed', amountFen: 1000, settleDate: null },
    ]);
  });

  test('a fen column: 交易金额(分) 12345 is ¥123.45', () => {
    const r = pos([
      ['交易时间', '参考号', '终端号', '交易类型', '交易金额(分)', '手续费(分)'],
      ['2026-08-01 10:00:00', '1', 'T1', '消费', '12345', 62],
    ]);
    expect(r.records[0]?.record).toMatchObject({
      amountFen: 12345,
      feeFen: 62,
      channel: 'card',
      status: 'success',
    });
  });

  test('unparseable amount, unknown card kind, negative sale: each located, the row not imported', () => {
    const r = pos([
      HEADER,
      ['2026-08-01 10:00:00', 'T1', '1', '借记卡', '刷卡', '消费', '成功', '12,3x', '0.1', '1', null],
      ['2026-08-01 10:00:00', 'T1', '2', '外卡', '刷卡', '消费', '成功', '1.00', '0.1', '1', null],
      ['2026-08-01 10:00:00', 'T1', '3', '借记卡', '刷卡', '消费', '成功', '-1.00', '0.1', '1', null],
      ['2026/8/1 25:00', 'T1', '4', '借记卡', '刷卡', '消费', '成功', '1.00', '0.1', '1', null],
    ]);
    expect(r.records).toHaveLength(0);
    expect(r.summary.invalid).toBe(4);
    expect(r.issues.map((i) => [i.row, i.columnLetter, i.code])).toEqual([
      [2, 'H', 'bad_amount'],
      [3, 'D', 'unknown_value'],
      [4, 'H', 'negative_amount'],
      [5, 'A', 'bad_date'],
    ]);
    expect(r.issues[0]?.message).toBe('第 2 行 H 列（交易金额）：无法识别金额“12,3x”');
    expect(r.summary.unknownValues).toEqual([{ field: 'cardKind', value: '外卡', count: 1, firstRow: 3 }]);
  });

  test('the same 参考号 twice in one export: a warning, one fingerprint', () => {
    const row: RawCell[] = [
      '2026-08-01 10:00:00',
      'T1',
      '258000000001',
      '借记卡',
      '刷卡',
      '消费',
      '成功',
      '1.00',
      '0.01',
      '0.99',
      null,
    ];
    const r = pos([HEADER, row, [...row]]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]?.fingerprint).toBe(r.records[1]?.fingerprint);
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[3, 'duplicate_in_file', 'warning']]);
  });
});
