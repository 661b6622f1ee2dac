/**
 * Mapping templates (zod JSON, signature recognition), the user's corrections, duplicate and missing
 * columns, and fingerprints that make a re-import add nothing.
 */
import { describe, expect, test } from 'vitest';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { analyse } from '../../shared/import/analyse';
import { applyOverrides, validateMapping } from '../../shared/import/mapping';
import {
  columnMappingSchema,
  headerSignature,
  parseMappingTemplateJson,
  type BankMapping,
  type PosMapping,
} from '../../shared/import/mapping-schema';
import { createBankNormaliser, createPosNormaliser, normaliseAll } from '../../shared/import/normalise';
import type { RawCell, RawRow } from '../../shared/import/raw';

const sheet = (cells: RawCell[][], name = 'Sheet1'): RawRow[] =>
  cells.map((c, i) => ({ sheet: name, row: i + 1, cells: c }));

const POS_HEADER = ['交易时间', '终端号', '参考号', '卡类型', '支付方式', '交易类型', '交易金额', '手续费'];

describe('templates', () => {
  test('a suggested mapping is valid JSON for the schema and survives export/import', () => {
    const a = analyse(sheet([POS_HEADER]), { file: 'pos.csv', encoding: 'gb18030' });
    const mapping = a.mapping!;
    expect(columnMappingSchema.parse(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping);
    const json = JSON.stringify({ name: '拉卡拉商户后台', mapping });
    const back = parseMappingTemplateJson(json);
    expect(back.ok && back.value.mapping).toEqual(mapping);
    expect(mapping.encoding).toBe('gb18030');
  });

  test('template JSON that is not a mapping, or whose signature does not match its headers, is refused', () => {
    expect(parseMappingTemplateJson('{').ok).toBe(false);
    expect(parseMappingTemplateJson(JSON.stringify({ name: 'x', mapping: { kind: 'pos' } })).ok).toBe(false);
    const mapping = analyse(sheet([POS_HEADER]), { file: 'pos.csv' }).mapping!;
    const tampered = { ...mapping, headers: [...mapping.headers, '多余列'] };
    expect(parseMappingTemplateJson(JSON.stringify({ name: 'x', mapping: tampered }))).toMatchObject({
      ok: false,
    });
  });

  test('the signature ignores padding and bracket width, not column order', () => {
    expect(headerSignature([' 交易金额（元） ', '参考号'])).toBe(
      headerSignature(['交易金额(元)', '参考号', '']),
    );
    expect(headerSignature(['交易金额', '参考号'])).not.toBe(headerSignature(['参考号', '交易金额']));
  });

  test('a saved template is recognised by its header, even when the preamble got longer', () => {
    const odd = ['时间', '钱', '单号', '机器'];
    const first = analyse(sheet([odd, ['2026-08-01 10:00', '1.00', 'R1', 'T1']]), {
      file: 'odd.csv',
      kind: 'pos',
      headerRow: { row: 1 },
    });
    const template = applyOverrides(first.mapping!, {
      fields: { date: 0, amount: 1, refNo: 2, terminalId: 3 },
    });
    const rows = sheet([
      ['导出于 2026-09-01'],
      ['商户：某店'],
      odd,
      ['2026-08-02 10:00', '2.00', 'R2', 'T1'],
    ]);
    const a = analyse(rows, { file: 'odd2.csv', templates: [template] });
    expect(a).toMatchObject({ fromTemplate: true, kind: 'pos', kindCertain: true, ready: true });
    expect(a.mapping?.headerRows).toEqual([3]);
    const r = normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'odd2.csv' }));
    expect(r.records.map((x) => [x.record.txnTime, x.record.amountFen, x.record.refNo])).toEqual([
      ['2026-08-02 10:00:00', 200, 'R2'],
    ]);
  });
});

describe('mapping problems and the user’s corrections', () => {
  test('two columns named 交易金额: a located duplicate error until the user picks one', () => {
    const a = analyse(sheet([['交易时间', '参考号', '终端号', '交易类型', '交易金额', '备注', '交易金额']]), {
      file: 'dup.xlsx',
    });
    expect(a.ready).toBe(false);
    const dup = a.issues.find((i) => i.code === 'duplicate_column');
    expect(dup).toMatchObject({
      severity: 'error',
      row: 1,
      columnLetter: 'E',
      header: '交易金额',
      params: { field: 'amount', columns: 'E 列、G 列' },
    });
    const fixed = applyOverrides(a.mapping!, { fields: { amount: 6 } });
    expect(fixed.fields.amount).toBe(6);
    expect(validateMapping(fixed, 'dup.xlsx').filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('no fee and no settlement amount column: a warning that fees cannot be checked', () => {
    const header = ['交易时间', '终端号', '参考号', '交易类型', '交易金额'];
    const a = analyse(sheet([header, ['2026-08-01 10:00:00', 'T1', 'R1', '消费', '1.00']]), {
      file: 'log.xlsx',
    });
    expect(a.ready).toBe(true);
    expect(a.issues.find((i) => i.code === 'no_fee_columns')).toMatchObject({ severity: 'warning' });
    const withFee = analyse(
      sheet([
        [...header, '手续费'],
        ['2026-08-01 10:00:00', 'T1', 'R1', '消费', '1.00', '0.01'],
      ]),
      {
        file: 'fee.xlsx',
      },
    );
    expect(withFee.issues.map((i) => i.code)).not.toContain('no_fee_columns');
  });

  test('no amount column: missing_column error', () => {
    const a = analyse(sheet([['交易时间', '参考号', '终端号', '交易类型', '卡号']]), { file: 'x.xlsx' });
    expect(a.issues.map((i) => [i.code, i.params?.field])).toContainEqual(['missing_column', 'amount']);
    expect(a.ready).toBe(false);
  });

  test('giving a column to another field takes it from the first; value maps teach unknown values', () => {
    const header = [...POS_HEADER, '交易状态'];
    const rows = sheet([
      header,
      ['2026-08-01 10:00:00', 'T1', 'R1', '外卡', '刷卡', '消费', '1.00', '0.01', '成功'],
    ]);
    const a = analyse(rows, { file: 'p.xlsx' });
    const first = normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'p.xlsx' }));
    expect(first.issues.map((i) => i.code)).toEqual(['unknown_value']);
    const taught = applyOverrides(a.mapping!, {
      valueMaps: { cardKind: { ' 外卡 ': 'credit' } },
    }) as PosMapping;
    expect(
      normaliseAll(rows, createPosNormaliser(taught, { file: 'p.xlsx' })).records[0]?.record.cardKind,
    ).toBe('credit');
    const moved = applyOverrides(a.mapping!, { fields: { traceNo: 2 } });
    expect(moved.fields).toMatchObject({ traceNo: 2 });
    expect(moved.fields).not.toHaveProperty('refNo');
    // Fields and codes the kind does not have are ignored.
    const ignored = applyOverrides(a.mapping!, {
      fields: { balance: 1 },
      valueMaps: { cardKind: { x: 'gold' as never } },
    });
    expect(ignored.fields).not.toHaveProperty('balance');
    expect(ignored.valueMaps).toEqual({ cardKind: {} });
  });

  test('fees printed as negative numbers are turned, with a warning on the fee column; the user can undo it', () => {
    const header = [...POS_HEADER, '交易状态'];
    const row = (ref: string, type: string, amount: string, fee: string | number): RawCell[] => [
      '2026-08-01 10:00:00',
      'T1',
      ref,
      '贷记卡',
      '刷卡',
      type,
      amount,
      fee,
      '成功',
    ];
    const rows = sheet([
      header,
      row('R1', '消费', '100.00', '-0.60'),
      row('R2', '消费', '50.00', -0.3),
      row('R3', '消费', '10.00', '-0.06'),
      row('R4', '撤销', '10.00', '0.06'),
      row('R5', '消费', '1.00', '0.00'),
    ]);
    const a = analyse(rows, { file: 'neg.xlsx' });
    expect(a.mapping).toMatchObject({ kind: 'pos', feeSign: 'deduction' });
    expect(a.issues.find((i) => i.code === 'fee_as_deduction')).toMatchObject({
      severity: 'warning',
      columnLetter: 'H',
      header: '手续费',
    });
    const fees = (m: PosMapping) =>
      normaliseAll(rows, createPosNormaliser(m, { file: 'neg.xlsx' })).records.map((r) => r.record.feeFen);
    expect(fees(a.mapping as PosMapping)).toEqual([60, 30, 6, -6, 0]);
    const undone = applyOverrides(a.mapping!, { feeSign: 'charge' }) as PosMapping;
    expect(fees(undone)).toEqual([-60, -30, -6, 6, 0]);
    expect(validateMapping(undone, 'neg.xlsx').map((i) => i.code)).not.toContain('fee_as_deduction');

    // The usual export: sales positive, the fee a void returns negative.
    const usual = sheet([header, row('R1', '消费', '100.00', '0.60'), row('R2', '撤销', '100.00', '-0.60')]);
    expect(analyse(usual, { file: 'usual.xlsx' }).mapping).not.toHaveProperty('feeSign');
  });
});

describe('fingerprints: importing again adds nothing, identical lines are both kept', () => {
  const BANK_HEADER = ['交易时间', '收入', '支出', '余额', '对方户名', '摘要'];
  const line = (day: number, amount: string, balance: string, who = '张三'): RawCell[] => [
    `2026-08-${String(day).padStart(2, '0')} 10:00:00`,
    amount,
    '',
    balance,
    who,
    '转账',
  ];
  const fps = (cells: RawCell[][]): string[] => {
    const rows = sheet(cells);
    const m = analyse(rows, { file: 'b.csv' }).mapping as BankMapping;
    return normaliseAll<BankLine>(rows, createBankNormaliser(m, { file: 'b.csv' })).records.map(
      (r) => r.fingerprint,
    );
  };

  test('two genuinely identical lines of one statement get two fingerprints', () => {
    const f = fps([BANK_HEADER, line(1, '10.00', '10.00'), line(1, '10.00', '10.00')]);
    expect(new Set(f).size).toBe(2);
  });

  test('the same statement twice gives the same fingerprints; padding and full-width text do not matter', () => {
    const a = fps([
      BANK_HEADER,
      line(1, '10.00', '10.00'),
      line(1, '10.00', '10.00'),
      line(2, '5.00', '25.00'),
    ]);
    const b = fps([
      BANK_HEADER,
      line(1, '10.00 ', '10.00'),
      line(1, '10.00', '10.00'),
      line(2, '5.00', '25.00', '张三\u3000'),
    ]);
    expect(b).toEqual(a);
  });

  test('an overlapping export (1st–15th, then 10th–31st) adds only the new days', () => {
    const days = Array.from({ length: 31 }, (_, i) => i + 1);
    const all = days.flatMap((d) => [line(d, '10.00', '10.00'), line(d, '10.00', '10.00')]);
    const early = fps([BANK_HEADER, ...all.slice(0, 30)]);
    const late = fps([BANK_HEADER, ...all.slice(18)]);
    const book = new Set(early);
    const added = late.filter((f) => !book.has(f));
    expect(added).toHaveLength(62 - 30);
  });

  test('POS rows without 参考号 use the documented fallback with an occurrence count', () => {
    const header = ['交易时间', '终端号', '凭证号', '批次号', '卡号', '交易类型', '交易金额'];
    const row: RawCell[] = ['2026-08-01 10:00:00', 'T1', '000001', '000088', '6228****1234', '消费', '1.00'];
    const rows = sheet([header, row, [...row], [...row.slice(0, 2), '000002', ...row.slice(3)]]);
    const m = analyse(rows, { file: 'p.csv' }).mapping as PosMapping;
    const r = normaliseAll<PosTxn>(rows, createPosNormaliser(m, { file: 'p.csv' }));
    const f = r.records.map((x) => x.fingerprint);
    expect(new Set(f).size).toBe(3);
    expect(JSON.parse(f[0]!)).toEqual([
      'pos1n',
      '',
      'T1',
      '2026-08-01 10:00:00',
      100,
      '6228****1234',
      '000001',
      '000088',
      'sale',
      1,
    ]);
  });
});

describe('bilingual headers', () => {
  test('an English gloss in brackets, on a second line or after a space is not part of the name', () => {
    const header = [
      '交易日期[ Transaction Date ]',
      '交易时间\nTransaction Time',
      '交易金额（Amount）',
      '余额 Balance',
      "付款人名称[ Payer's Name ]",
      "收款人名称[ Payee's Name ]",
      '摘要[ Reference ]',
      '币种(CNY)',
    ];
    const a = analyse(sheet([header, ['20260801', '10:00:00', '-1.00', '9.00', '甲', '乙', 'x', 'CNY']]), {
      file: 'boc.xlsx',
    });
    expect(a.kind).toBe('bank');
    expect(a.mapping?.fields).toEqual({
      date: 0,
      time: 1,
      amount: 2,
      balance: 3,
      payer: 4,
      payee: 5,
      summary: 6,
      currency: 7,
    });
    // A Chinese word in brackets is part of the name: 交易金额(收入) stays the money-in column.
    const split = analyse(
      sheet([
        ['交易日期', '交易金额(收入)', '交易金额(支出)'],
        ['20260801', '1.00', ''],
      ]),
      {
        file: 'split.xlsx',
      },
    );
    expect(split.mapping?.fields).toEqual({ date: 0, credit: 1, debit: 2 });
  });
});

describe('statements of more banks', () => {
  test('a 记账日期 beside a 交易时间 of text times (a CSV) is the date, 交易时间 the time of day', () => {
    const header = ['记账日期', '交易时间', '摘要', '借方金额', '贷方金额', '账户余额', '对方户名'];
    const a = analyse(
      sheet([header, ['2026/08/01', '09:38:15', 'POS结算', '', '100.00', '200.00', '拉卡拉']]),
      { file: 'rcc.csv' },
    );
    expect(a.mapping?.fields).toMatchObject({ date: 0, time: 1 });
    const m = a.mapping as BankMapping;
    const rows = sheet([header, ['2026/08/01', '09:38:15', 'POS结算', '', '100.00', '200.00', '拉卡拉']]);
    const r = normaliseAll<BankLine>(rows, createBankNormaliser(m, { file: 'rcc.csv' }));
    expect(r.issues).toEqual([]);
    expect(r.records[0]?.record.txnTime).toBe('2026-08-01 09:38:15');
  });

  test('招商银行 收/付方名称 and 农业银行 对手信息 are the counterparty; the kind is certain', () => {
    const cmb = analyse(
      sheet([
        [
          '交易日',
          '交易时间',
          '起息日',
          '交易类型',
          '借方金额',
          '贷方金额',
          '余额',
          '摘要',
          '流水号',
          '业务参考号',
          '收/付方名称',
          '收/付方帐号',
        ],
      ]),
      { file: 'cmb.xlsx' },
    );
    expect(cmb.kind).toBe('bank');
    expect(cmb.kindCertain).toBe(true);
    expect(cmb.mapping?.fields).toMatchObject({ counterparty: 10, counterpartyAccount: 11 });
    const abc = analyse(
      sheet([['交易日期', '交易时间', '交易金额', '本次余额', '对手信息', '日志号', '交易渠道', '交易附言']]),
      { file: 'abc.csv' },
    );
    expect(abc.kind).toBe('bank');
    expect(abc.mapping?.fields).toMatchObject({ counterparty: 4, purpose: 7 });
  });
});

describe('headers no alias names', () => {
  test('keyword rules find the columns reconciliation needs; a rule two columns meet names neither', () => {
    const bank = analyse(
      sheet([
        [
          '记账日期',
          '发生金额',
          '对方账户户名',
          '对方开户账号',
          '对方开户行',
          '备注一',
          '备注二',
          '账户余额(元)',
        ],
        ['20260801', '-1.00', '甲', '6222', '某行', 'a', 'b', '9.00'],
      ]),
      { file: 'bank.xlsx' },
    );
    expect(bank.kind).toBe('bank');
    expect(bank.mapping?.fields).toEqual({
      date: 0,
      amount: 1,
      counterparty: 2,
      counterpartyAccount: 3,
      balance: 7,
    });
    const pos = analyse(
      sheet([
        ['交易日期', '终端编码', '交易金额', '系统参考号码', '原系统参考号码', '实收手续费(分)', '手续费率'],
        ['20260801', 'T1', '100.00', 'R1', '', '60', '0.60%'],
      ]),
      { file: 'pos.xlsx' },
    );
    expect(pos.kind).toBe('pos');
    expect(pos.mapping?.fields).toEqual({
      date: 0,
      terminalId: 1,
      amount: 2,
      refNo: 3,
      origRefNo: 4,
      fee: 5,
    });
    expect(pos.mapping?.moneyUnits).toEqual({ fee: 'fen' });
  });

  test('a preamble value is not a header (商户编号：822…)', () => {
    const a = analyse(
      sheet([
        ['商户编号：822290058120123', '终端编号：A8837261'],
        ['交易时间', '终端号', '交易金额', '手续费'],
        ['2026-08-01 10:00:00', 'T1', '1.00', '0.01'],
      ]),
      { file: 'p.xlsx' },
    );
    expect(a.mapping?.headerRows).toEqual([2]);
  });
});

describe('rows that are not records', () => {
  test('a pre-authorisation hold, its cancellation and an inquiry move no money: skipped, said why', () => {
    const header = ['交易时间', '终端号', '参考号', '原参考号', '交易类型', '交易金额', '手续费'];
    const rows = sheet([
      header,
      ['2026-08-01 10:00:00', 'T1', 'R1', null, '预授权', '500.00', '0.00'],
      ['2026-08-01 10:05:00', 'T1', 'R2', 'R1', '预授权撤销', '500.00', '0.00'],
      ['2026-08-01 11:00:00', 'T1', 'R3', null, '预授权完成', '480.00', '2.88'],
      ['2026-08-01 11:10:00', 'T1', 'R4', 'R3', '预授权完成撤销', '480.00', '-2.88'],
      ['2026-08-01 12:00:00', 'T1', 'R5', null, '余额查询', '0.00', '0.00'],
    ]);
    const a = analyse(rows, { file: 'p.xlsx' });
    const out = normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'p.xlsx' }));
    expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(out.records.map((r) => [r.record.refNo, r.record.txnType])).toEqual([
      ['R3', 'sale'],
      ['R4', 'void'],
    ]);
    expect(out.skipped.filter((k) => k.reason === 'not_payment').map((k) => k.row)).toEqual([2, 3, 6]);
    // What the user taught wins: here a hold is kept as a sale.
    const taught = applyOverrides(a.mapping!, { valueMaps: { txnType: { 预授权: 'sale' } } }) as PosMapping;
    const kept = normaliseAll(rows, createPosNormaliser(taught, { file: 'p.xlsx' }));
    expect(kept.records.map((r) => r.record.refNo)).toEqual(['R1', 'R3', 'R4']);
  });

  test('sums without a 合计 label (no date, only money cells) are a totals row; a row with a reference is not', () => {
    const header = ['交易金额', '手续费', '交易时间', '终端号', '参考号'];
    const rows = sheet([
      header,
      ['100.00', '0.60', '2026-08-01 10:00:00', 'T1', 'R1'],
      ['50.00', '0.30', '2026-08-01 11:00:00', 'T1', 'R2'],
      ['150.00', '0.90', null, null, null],
    ]);
    const a = analyse(rows, { file: 'p.xlsx' });
    const out = normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'p.xlsx' }));
    expect(out.records).toHaveLength(2);
    expect(out.skipped.map((k) => [k.row, k.reason])).toEqual([
      [1, 'preamble'],
      [4, 'totals'],
    ]);
    expect(out.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const broken = sheet([...rows.slice(0, 3).map((r) => r.cells), ['150.00', '0.90', null, null, 'R3']]);
    const bad = normaliseAll(broken, createPosNormaliser(a.mapping as PosMapping, { file: 'p.xlsx' }));
    expect(bad.issues.filter((i) => i.severity === 'error')).toMatchObject([{ row: 4, columnLetter: 'C' }]);
  });
});
