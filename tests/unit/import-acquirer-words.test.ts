/**
 * The words of other acquirers' and aggregators' POS exports (通联, 收钱吧, 富友, 拉卡拉's app…): column
 * names, values, and the columns only the data can name. Each case is one a sweep of unseen layouts
 * found misread or refused (see tests/integration/import-acquirer-layouts.test.ts for whole months).
 */
import { describe, expect, test } from 'vitest';
import type { PosTxn } from '../../shared/domain/types';
import { analyse } from '../../shared/import/analyse';
import { applyOverrides, validateMapping } from '../../shared/import/mapping';
import type { PosMapping } from '../../shared/import/mapping-schema';
import { createPosNormaliser, normaliseAll } from '../../shared/import/normalise';
import type { RawCell, RawRow } from '../../shared/import/raw';
import { lookupValue } from '../../shared/import/value-maps';

const sheet = (cells: RawCell[][]): RawRow[] => cells.map((c, i) => ({ sheet: 'S', row: i + 1, cells: c }));

/** The records of a POS file as the suggested mapping reads it (no error expected). */
function records(rows: RawRow[]): PosTxn[] {
  const a = analyse(rows, { file: 'pos.csv' });
  const r = normaliseAll<PosTxn>(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'pos.csv' }));
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return r.records.map((x) => x.record);
}

describe('column names', () => {
  test('到账金额 is the settlement amount; 交易流水号 and 原交易流水号 are the reference and its original', () => {
    const header = [
      '交易日期',
      '交易时间',
      '交易类型',
      '交易金额',
      '手续费',
      '到账金额',
      '交易流水号',
      '原交易流水号',
    ];
    const a = analyse(sheet([header]), { file: 'syb.csv' });
    expect(a.mapping?.fields).toMatchObject({ settleAmount: 5, refNo: 6, origRefNo: 7 });
  });

  test("a platform's order number is the reference (收钱吧订单号, 原订单号), never the merchant's own; a 参考号 wins", () => {
    const qr = analyse(
      sheet([['交易时间', '交易金额', '手续费', '商户订单号', '收钱吧订单号', '原订单号']]),
      {
        file: 'sqb.csv',
      },
    );
    expect(qr.mapping?.fields).toMatchObject({ refNo: 4, origRefNo: 5 });
    const both = analyse(
      sheet([['交易日期', '交易时间', '交易金额', '手续费', '汇付订单号', '参考号', '原参考号']]),
      {
        file: 'hf.xlsx',
      },
    );
    expect(both.mapping?.fields).toMatchObject({ refNo: 5, origRefNo: 6 });
  });

  test('收款通道 is the channel and 订单状态 the status', () => {
    const a = analyse(sheet([['交易时间', '收款通道', '交易类型', '订单状态', '交易金额', '手续费']]), {
      file: 'sqb.csv',
    });
    expect(a.mapping?.fields).toMatchObject({ channel: 1, txnType: 2, status: 3 });
    expect(a.issues.map((i) => i.code)).not.toContain('defaulted_column');
  });
});

describe('实收金额: the net settlement or what the customer paid, as the data says', () => {
  const header = ['交易时间', '交易类型', '交易金额', '手续费', '实收金额', '参考号'];
  const row = (n: number, amount: string, fee: string, paid: string): RawCell[] => [
    `2026-08-0${n} 10:00:00`,
    '消费',
    amount,
    fee,
    paid,
    `R${n}`,
  ];

  test('amount less the fee: it is the settlement amount', () => {
    const rows = sheet([header, row(1, '100.00', '0.60', '99.40'), row(2, '50.00', '0.19', '49.81')]);
    const a = analyse(rows, { file: 'app.xlsx' });
    expect((a.mapping as PosMapping).fields.settleAmount).toBe(4);
    expect(a.issues.map((i) => i.code)).not.toContain('paid_not_settled');
    expect(records(rows).map((t) => t.settleFen)).toEqual([9940, 4981]);
  });

  test('the amount itself on every sale: not the settlement, said on its column; settlements are amount − fee', () => {
    const rows = sheet([header, row(1, '100.00', '0.60', '100.00'), row(2, '50.00', '0.19', '50.00')]);
    const a = analyse(rows, { file: 'qr.csv' });
    expect(a.mapping?.fields).not.toHaveProperty('settleAmount');
    expect(a.issues.find((i) => i.code === 'paid_not_settled')).toMatchObject({
      severity: 'warning',
      columnLetter: 'E',
      header: '实收金额',
    });
    expect(records(rows).map((t) => t.settleFen)).toEqual([null, null]);
  });

  test('neither on some sale (a discount taken off): the preview asks, and any choice for the column settles it', () => {
    const rows = sheet([header, row(1, '100.00', '0.60', '99.40'), row(2, '50.00', '0.17', '45.00')]);
    const a = analyse(rows, { file: 'qr.csv' });
    expect(a.ready).toBe(false);
    expect(a.mapping?.ambiguous).toEqual([{ field: 'settleAmount', columns: [4] }]);
    const asked = a.issues.find((i) => i.code === 'settle_unclear');
    expect(asked).toMatchObject({ severity: 'error', columnLetter: 'E', header: '实收金额' });
    expect(asked?.message).toContain('顾客实付');
    // Errors left, and whether the column is said to be read as nothing.
    const after = (choice: Record<string, number | null>) =>
      validateMapping(applyOverrides(a.mapping!, { fields: choice }), 'qr.csv')
        .filter((i) => i.severity === 'error' || i.code === 'paid_not_settled')
        .map((i) => i.code);
    expect(after({ settleAmount: 4 })).toEqual([]);
    expect(after({ settleAmount: null })).toEqual(['paid_not_settled']);
    expect(after({ amount: 4 })).toEqual([]);
  });

  test('beside a 结算金额, the 结算金额 is the settlement', () => {
    const a = analyse(sheet([[...header, '结算金额']]), { file: 'sqb.csv' });
    expect((a.mapping as PosMapping).fields.settleAmount).toBe(6);
    expect(a.issues.map((i) => i.code)).not.toContain('paid_not_settled');
  });
});

describe('values', () => {
  test('撤单 is a void; a declined card and a closed QR order failed; 撤销成功 and 退款成功 succeeded', () => {
    expect(lookupValue('txnType', '撤单')).toBe('void');
    expect(lookupValue('txnType', '收款撤单')).toBe('void');
    for (const failed of [
      '余额不足',
      '密码错误',
      '卡片已过期',
      '无效卡号',
      '交易关闭',
      '订单已关闭',
      '未支付',
      '超过限额',
    ])
      expect([failed, lookupValue('status', failed)]).toEqual([failed, 'failed']);
    for (const ok of ['撤销成功', '退款成功', '撤单成功', '支付成功'])
      expect([ok, lookupValue('status', ok)]).toEqual([ok, 'success']);
  });

  test('a status telling what later happened to a sale, and 外卡, are asked about with why', () => {
    const header = ['交易时间', '卡类型', '交易类型', '交易状态', '交易金额', '手续费', '参考号'];
    const rows = sheet([
      header,
      ['2026-08-01 10:00:00', '借记卡', '消费', '已退款', '10.00', '0.05', 'R1'],
      ['2026-08-01 11:00:00', '外卡', '消费', '成功', '10.00', '0.25', 'R2'],
    ]);
    const a = analyse(rows, { file: 'orders.csv' });
    const r = normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'orders.csv' }));
    expect(r.records).toEqual([]);
    const [refunded, foreign] = r.issues;
    expect(refunded).toMatchObject({ code: 'unknown_value', row: 2, header: '交易状态', severity: 'error' });
    expect(refunded?.message).toContain('另有对应的撤销/退款行');
    expect(refunded?.messageEn).toContain('choose "success"');
    expect(foreign).toMatchObject({ code: 'unknown_value', row: 3, header: '卡类型' });
    expect(foreign?.message).toContain('外卡费率');
    for (const asked of ['已撤销', '部分退款', '已冲正', '处理中'])
      expect(lookupValue('status', asked)).toBeNull();
  });
});

describe('coded columns under names no alias has: the values say which field', () => {
  const data = (channel: string[], outcome: string[]): RawCell[][] =>
    channel.map((c, i) => [
      `2026-08-0${i + 1} 10:00:00`,
      `${i + 1}.00`,
      '0.01',
      `R${i}`,
      c,
      outcome[i] ?? '',
    ]);
  const five = ['微信', '支付宝', '银行卡', '云闪付', '微信'];

  test('a column of 微信/支付宝/云闪付 is the channel, one of 成功/余额不足 the status', () => {
    const rows = sheet([
      ['时间', '金额', '手续费', '参考号', '产品', '应答'],
      ...data(five, ['成功', '成功', '余额不足', '成功', '成功']),
    ]);
    const a = analyse(rows, { file: 'x.csv' });
    expect(a.mapping?.fields).toMatchObject({ channel: 4, status: 5 });
    // Only the type is defaulted (消费): the file has no column for it.
    const defaulted = a.issues.filter((i) => i.code === 'defaulted_column').map((i) => i.params?.field);
    expect(defaulted).toEqual(['txnType']);
    const got = records(rows);
    expect(got.map((t) => t.channel)).toEqual(['wechat', 'alipay', 'card', 'unionpay_qr', 'wechat']);
    expect(got.map((t) => t.status)).toEqual(['success', 'success', 'failed', 'success', 'success']);
  });

  test('values that would serve two open fields, or two columns fitting one, name nothing', () => {
    // 支付宝支付 reads as a channel and, by its 支付, as a sale: with both open, neither is taken.
    const twoFields = sheet([
      ['时间', '金额', '手续费', '参考号', '产品'],
      ...data(['支付宝支付', '微信支付', '支付宝支付', '微信支付', '支付宝支付'], []).map((r) =>
        r.slice(0, 5),
      ),
    ]);
    const a = analyse(twoFields, { file: 'x.csv' });
    expect(a.mapping?.fields).not.toHaveProperty('channel');
    expect(a.mapping?.fields).not.toHaveProperty('txnType');
    const twoColumns = sheet([['时间', '金额', '手续费', '参考号', '产品', '通道'], ...data(five, five)]);
    const b = analyse(twoColumns, { file: 'y.csv' });
    expect(b.mapping?.fields).not.toHaveProperty('channel');
    expect(
      b.issues.find((i) => i.code === 'defaulted_column' && i.params?.field === 'channel'),
    ).toBeDefined();
  });
});
