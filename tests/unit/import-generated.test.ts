/**
 * Layouts the samples do not cover, written here and read back through the real reader: a GBK CSV
 * with title rows and a 合计 footer, amounts in fen; an .xlsx with Excel date serials, a separate time
 * column stored as a fraction of a day, and a two-row bank header. Plus a property: the same rows in
 * any column order, under any preamble, give the same records.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { analyse } from '../../shared/import/analyse';
import type { BankMapping, PosMapping } from '../../shared/import/mapping-schema';
import { createBankNormaliser, createPosNormaliser, normaliseAll } from '../../shared/import/normalise';
import type { RawCell, RawRow } from '../../shared/import/raw';
import { readRows } from './support/raw-rows';

const dir = mkdtempSync(join(tmpdir(), 'feetrail-import-'));

describe('generated files through the real reader', () => {
  test('GBK CSV: title rows, text amounts in fen, a 合计 footer', async () => {
    const lines = [
      '拉卡拉商户交易明细',
      '查询日期：2026-08-01 至 2026-08-31',
      '',
      '商户编号,终端编号,交易日期,交易时间,卡类型,交易方式,交易类型,应答结果,交易金额(分),手续费(分),结算金额(分),系统参考号,凭证号,批次号',
      '822290058120123,A8837261,20260801,091233,借记卡,IC卡,消费,交易成功,"12,345",62,"12,283",258000000001,000001,000088',
      '822290058120123,A8837261,20260801,101500,,微信,消费,交易成功,5000,19,4981,258000000002,000002,000088',
      '822290058120123,A8837261,20260802,080000,准贷记卡,挥卡,退货,交易成功,-1000,0,-1000,258000000003,000003,000088',
      '合计,,,,,,,,"16,345",81,"16,264",,,',
    ];
    const path = join(dir, 'pos-gbk.csv');
    writeFileSync(path, iconv.encode(lines.join('\r\n'), 'gbk'));
    const s = await readRows(path);
    const a = analyse(s.rows, { file: s.file, encoding: s.encoding });
    expect(a).toMatchObject({ kind: 'pos', kindCertain: true, ready: true });
    expect(a.mapping?.moneyUnits).toEqual({ amount: 'fen', fee: 'fen', settleAmount: 'fen' });
    const r = normaliseAll(s.rows, createPosNormaliser(a.mapping as PosMapping, { file: s.file }));
    expect(r.issues).toEqual([]);
    expect(r.summary.skipped.totals).toBe(1);
    expect(r.records.map((x) => x.record)).toMatchObject([
      {
        txnTime: '2026-08-01 09:12:33',
        cardKind: 'debit',
        channel: 'card',
        amountFen: 12345,
        feeFen: 62,
        settleFen: 12283,
      },
      { txnTime: '2026-08-01 10:15:00', cardKind: 'unknown', channel: 'wechat', amountFen: 5000 },
      {
        txnTime: '2026-08-02 08:00:00',
        cardKind: 'credit',
        txnType: 'refund',
        amountFen: 1000,
        settleFen: -1000,
      },
    ]);
  });

  test('xlsx: date serials, time as a fraction of a day, two-row 发生额 header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('对账单');
    ws.addRow(['账号：1202020109900012345']);
    ws.addRow(['日期', '时间', '发生额', null, '余额', '对方户名', '摘要']);
    ws.addRow([null, null, '借方', '贷方', null, null, null]);
    ws.mergeCells('C2:D2');
    const day = 46236; // 2026-08-02
    ws.addRow([day, 3 / 24 + 24 / 1440, null, 5607, 29063.78, '拉卡拉支付股份有限公司', 'POS结算']);
    ws.addRow([day, 16 / 24, 598.97, null, 28464.81, '国网某供电公司', '电费']);
    ws.getColumn(1).numFmt = 'yyyy-mm-dd';
    ws.getColumn(2).numFmt = 'hh:mm:ss';
    ws.addRow(['本页小计', null, 598.97, 5607]);
    const path = join(dir, 'bank-two-row.xlsx');
    await wb.xlsx.writeFile(path);
    const s = await readRows(path);
    const a = analyse(s.rows, { file: s.file, date1904: s.date1904 });
    expect(a).toMatchObject({ kind: 'bank', ready: true });
    expect(a.mapping?.headerRows).toEqual([2, 3]);
    const r = normaliseAll(s.rows, createBankNormaliser(a.mapping as BankMapping, { file: s.file }));
    expect(r.issues).toEqual([]);
    expect(r.records.map((x) => [x.record.txnTime, x.record.creditFen, x.record.debitFen])).toEqual([
      ['2026-08-02 03:24:00', 560700, 0],
      ['2026-08-02 16:00:00', 0, 59897],
    ]);
    expect(r.summary.skipped.totals).toBe(1);
  });
});

describe('property: column order and preamble do not change the records', () => {
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
  ];
  const ROWS: RawCell[][] = [
    ['2026-08-01 10:00:00', 'T1', '258000000001', '借记卡', '刷卡', '消费', '成功', '100.00', '0.50'],
    ['2026-08-01 11:00:00', 'T2', '258000000002', null, '支付宝', '消费', '成功', 30.5, 0.12],
    ['2026-08-02 09:00:00', 'T1', '258000000003', '信用卡', '闪付', '撤销', '成功', '-100.00', '-0.50'],
  ];
  const records = (cells: RawCell[][]): PosTxn[] => {
    const rows: RawRow[] = cells.map((c, i) => ({ sheet: 'S', row: i + 1, cells: c }));
    const a = analyse(rows, { file: 'p.xlsx' });
    return normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file: 'p.xlsx' })).records.map(
      (r) => r.record,
    );
  };
  const baseline = records([HEADER, ...ROWS]);

  test('baseline is right', () => {
    expect(baseline.map((t) => [t.channel, t.txnType, t.amountFen])).toEqual([
      ['card', 'sale', 10000],
      ['alipay', 'sale', 3050],
      ['card', 'void', 10000],
    ]);
  });

  test('any permutation of columns and any title rows give the same records', () => {
    const preamble = fc.array(
      fc.constantFrom<RawCell[]>(['交易明细'], ['商户号：822290058120123'], [], ['导出时间', '2026-09-01']),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...HEADER.keys()], { minLength: HEADER.length }),
        preamble,
        (order, pre) => {
          const permute = (row: RawCell[]): RawCell[] => order.map((i) => row[i] ?? null);
          expect(records([...pre, permute(HEADER), ...ROWS.map(permute)])).toEqual(baseline);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('bank: BankLine values do not depend on column order either', () => {
    const header = ['交易日期', '交易时间', '收入', '支出', '余额', '对方户名', '摘要'];
    const rows: RawCell[][] = [['20260801', '10:00:00', '5.00', '', '5.00', '张三', '转账']];
    const lines = (cells: RawCell[][]): BankLine[] => {
      const raw: RawRow[] = cells.map((c, i) => ({ sheet: 'S', row: i + 1, cells: c }));
      const m = analyse(raw, { file: 'b' }).mapping as BankMapping;
      return normaliseAll(raw, createBankNormaliser(m, { file: 'b' })).records.map((r) => r.record);
    };
    const base = lines([header, ...rows]);
    fc.assert(
      fc.property(fc.shuffledSubarray([...header.keys()], { minLength: header.length }), (order) => {
        const permute = (row: RawCell[]): RawCell[] => order.map((i) => row[i] ?? null);
        expect(lines([permute(header), ...rows.map(permute)])).toEqual(base);
      }),
    );
  });
});
