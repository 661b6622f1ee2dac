/**
 * Every sample file in ../shared/samples goes through header detection, kind, mapping and
 * normalisation as the import service will run them, read by the real reader (support/raw-rows.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { analyse } from '../../shared/import/analyse';
import type { BankMapping, ColumnMapping, PosMapping } from '../../shared/import/mapping-schema';
import {
  createBankNormaliser,
  createPosNormaliser,
  normaliseAll,
  type NormalisedFile,
} from '../../shared/import/normalise';
import { readRows, SAMPLES } from './support/raw-rows';

const BANK = `${SAMPLES}bank/`;
const MONTH = `${SAMPLES}example-2026-08/`;

/** field → header text, the way a bookkeeper would check a mapping. */
function mapped(m: ColumnMapping | null): Record<string, string> {
  if (!m) return {};
  return Object.fromEntries(Object.entries(m.fields).map(([f, col]) => [f, m.headers[col] ?? '?']));
}

async function analysed(path: string) {
  const s = await readRows(path);
  const a = analyse(s.rows, { file: s.file, date1904: s.date1904, encoding: s.encoding });
  return { ...s, a };
}

async function bankFile(name: string): Promise<NormalisedFile<BankLine> & { mapping: BankMapping }> {
  const { rows, file, a } = await analysed(BANK + name);
  expect(a.kind).toBe('bank');
  expect(a.ready).toBe(true);
  const mapping = a.mapping as BankMapping;
  return { ...normaliseAll(rows, createBankNormaliser(mapping, { file })), mapping };
}

/** Signed fen of a line: + money in, − money out. */
const signed = (l: BankLine): number => l.creditFen - l.debitFen;

describe('bank statement templates (*.header.xlsx): header row, kind and mapping recognised', () => {
  const cases: Record<string, { row: number[]; fields: Record<string, string> }> = {
    'abc-corp-a.header.xlsx': {
      row: [3],
      fields: {
        date: '交易时间',
        credit: '收入金额',
        debit: '支出金额',
        balance: '账户余额',
        counterparty: '对方户名',
        counterpartyAccount: '对方账号',
        summary: '摘要',
        purpose: '交易用途',
      },
    },
    'abc-corp-b.header.xlsx': {
      row: [3],
      fields: {
        date: '交易日期',
        time: '交易时间戳',
        credit: '收入金额',
        debit: '支出金额',
        balance: '本次余额',
        counterparty: '对方户名',
        counterpartyAccount: '对方账号',
        summary: '交易摘要',
      },
    },
    'ccb-corp-flat.header.xlsx': {
      row: [1],
      fields: {
        date: '交易时间',
        credit: '贷方发生额（收入）',
        debit: '借方发生额（支取）',
        balance: '余额',
        counterparty: '对方户名',
        counterpartyAccount: '对方账号',
        summary: '摘要',
        currency: '币种',
      },
    },
    'cmb-corp.header.xlsx': {
      row: [9],
      fields: {
        date: '交易日',
        time: '交易时间',
        credit: '贷方金额',
        debit: '借方金额',
        balance: '余额',
        counterparty: '收(付)方名称',
        counterpartyAccount: '收(付)方账号',
        purpose: '用途',
      },
    },
    'icbc-corp-account.header.xlsx': {
      row: [5],
      fields: {
        date: '日期',
        credit: '贷方发生额',
        debit: '借方发生额',
        balance: '余额',
        counterparty: '对方户名',
        counterpartyAccount: '对方账号',
        summary: '摘要',
      },
    },
    'icbc-corp-historydetail-a.header.xlsx': {
      row: [2],
      fields: {
        date: '交易时间',
        credit: '转入金额',
        debit: '转出金额',
        direction: '借贷标志',
        balance: '余额',
        counterparty: '对方单位',
        counterpartyAccount: '对方账号',
        summary: '摘要',
        purpose: '用途',
      },
    },
    'icbc-corp-historydetail-b.header.xlsx': {
      row: [2],
      fields: {
        date: '交易时间',
        credit: '贷方发生额',
        debit: '借方发生额',
        direction: '借/贷',
        balance: '余额',
        counterparty: '对方单位名称',
        counterpartyAccount: '对方账号',
        summary: '摘要',
        purpose: '用途',
      },
    },
    'psbc-corp.header.xlsx': {
      row: [5],
      fields: {
        date: '交易日期',
        time: '交易时间',
        credit: '收入金额',
        debit: '支出金额',
        balance: '余额',
        counterparty: '对方户名',
        counterpartyAccount: '对方账号',
        summary: '摘要',
        purpose: '用途',
      },
    },
  };

  test('every template in samples/bank has a case here', () => {
    const templates = readdirSync(BANK).filter((f) => f.endsWith('.header.xlsx'));
    expect(templates.sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, want] of Object.entries(cases)) {
    test(`${name}: bank statement, header row ${want.row.join('+')}, columns mapped`, async () => {
      const { a } = await analysed(BANK + name);
      expect(a.kind).toBe('bank');
      expect(a.kindCertain).toBe(true);
      expect(a.ready).toBe(true);
      expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(a.mapping?.headerRows).toEqual(want.row);
      expect(mapped(a.mapping)).toMatchObject(want.fields);
    });
  }
});

describe('bank statements with data: row counts, dates and signed amounts', () => {
  test('ICBC personal debit (tab-padded CSV, "-" for empty, 合计 footer): 11 lines', async () => {
    const r = await bankFile('icbc-personal-debit.csv');
    expect(r.records).toHaveLength(11);
    expect(r.summary.skipped.totals).toBe(1);
    // Booked amounts (记账金额) are used: the 交易金额 columns hold only "-".
    expect(mapped(r.mapping)).toMatchObject({ credit: '记账金额(收入)', debit: '记账金额(支出)' });
    const [first, , third] = r.records.map((x) => x.record);
    expect(first).toMatchObject({
      txnTime: '2023-05-02 00:00:00',
      debitFen: 1340,
      creditFen: 0,
      counterparty: '深圳市财付通支付科技有限公司',
    });
    expect(third).toMatchObject({ txnTime: '2023-04-22 00:00:00', creditFen: 123456, summary: '他行汇入' });
    expect(r.records.map((x) => signed(x.record)).reduce((s, v) => s + v, 0)).toBe(
      123456 + 123456 + 34158 + 3000 + 104 - 1340 - 123456 - 123456 - 50000 - 123456 - 2400,
    );
    // The anonymised balance `xx,yyyy.zz` is a warning per row, never an error.
    expect(r.issues.every((i) => i.code === 'bad_balance' && i.severity === 'warning')).toBe(true);
  });

  test('ICBC personal credit card: 9 lines, negative balances kept', async () => {
    const r = await bankFile('icbc-personal-credit.csv');
    expect(r.records).toHaveLength(9);
    expect(r.summary.skipped.totals).toBe(1);
    expect(r.records[0]?.record).toMatchObject({
      txnTime: '2023-04-22 00:00:00',
      debitFen: 1,
      balanceFen: -608611,
    });
    expect(r.records[5]?.record).toMatchObject({
      txnTime: '2023-04-25 00:00:00',
      creditFen: 462101,
      balanceFen: -197163,
    });
    expect(r.issues).toEqual([]);
  });

  test('CCB personal .xls (padded headers, text dates 20250101, separate time): 6 lines, footer note skipped', async () => {
    const r = await bankFile('ccb-personal.xls');
    expect(r.records).toHaveLength(6);
    expect(r.summary.skipped.note).toBe(1);
    expect(r.records[0]?.record).toMatchObject({
      txnTime: '2025-01-01 18:53:19',
      debitFen: 6700,
      creditFen: 0,
      balanceFen: 217691,
    });
    expect(r.records[3]?.record).toMatchObject({
      txnTime: '2025-01-05 17:12:28',
      debitFen: 51502,
      balanceFen: 157911,
    });
    expect(r.issues).toEqual([]);
  });

  test('SPDB personal .xls (存入/取出, "2025/12/03  14:06:51"): 4 lines', async () => {
    const r = await bankFile('spdb-personal-debit.xls');
    expect(r.records.map((x) => [x.record.txnTime, signed(x.record), x.record.balanceFen])).toEqual([
      ['2025-12-03 14:06:51', -388, 198133],
      ['2025-12-05 07:22:32', 1000, 199133],
      ['2025-12-05 19:03:07', -388, 198745],
      ['2025-12-05 20:37:39', -388, 198357],
    ]);
  });

  test('CMB personal CSV (BOM, # preamble and footer, tab-prefixed values): 2 lines', async () => {
    const r = await bankFile('cmb-personal-pc.csv');
    expect(r.records.map((x) => [x.record.txnTime, signed(x.record), x.record.balanceFen])).toEqual([
      ['2026-02-15 10:30:00', 250, 1000250],
      ['2026-02-12 18:45:20', -10000, 1000000],
    ]);
    expect(r.summary.skipped.totals).toBe(2);
  });

  test('ABC personal (all text, one signed amount column -4.00 / +500.00): 2 lines', async () => {
    const r = await bankFile('abc-personal.xlsx');
    expect(r.records.map((x) => [x.record.txnTime, signed(x.record), x.record.counterparty])).toEqual([
      ['2026-03-29 12:17:04', -400, '示例商户'],
      ['2026-03-30 09:00:00', 50000, '张三'],
    ]);
  });
});

describe('example-2026-08: one worked month', () => {
  const expected = JSON.parse(readFileSync(`${MONTH}expected.json`, 'utf8')) as {
    posRows: number;
    bankLines: number;
    posRowsByTerminal: Record<string, number>;
    feeFen: number;
  };

  test('pos_export.xlsx: every POS row, with the expected counts and fee total', async () => {
    const { rows, file, a } = await analysed(`${MONTH}pos_export.xlsx`);
    expect(a).toMatchObject({ kind: 'pos', kindCertain: true, ready: true });
    const r = normaliseAll(rows, createPosNormaliser(a.mapping as PosMapping, { file }));
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(expected.posRows);
    const txns: PosTxn[] = r.records.map((x) => x.record);
    const byTerminal: Record<string, number> = {};
    for (const t of txns) byTerminal[t.terminalId ?? ''] = (byTerminal[t.terminalId ?? ''] ?? 0) + 1;
    expect(byTerminal).toEqual(expected.posRowsByTerminal);
    expect(txns.reduce((s, t) => s + (t.feeFen ?? 0), 0)).toBe(expected.feeFen);
    expect(new Set(r.records.map((x) => x.fingerprint)).size).toBe(expected.posRows);
    expect(txns[0]).toEqual({
      merchantNo: '822290058120123',
      terminalId: 'A8837261',
      txnTime: '2026-08-01 08:06:22',
      cardNo: '625807******8634',
      cardKind: 'debit',
      channel: 'card',
      txnType: 'sale',
      status: 'success',
      amountFen: 9336,
      feeFen: 47,
      settleFen: 9289,
      settleDate: null,
      refNo: '258000000001',
      origRefNo: null,
      traceNo: '000001',
      batchNo: '000088',
    });
    const voided = txns.find((t) => t.refNo === '258000001888');
    expect(voided).toMatchObject({
      txnType: 'void',
      amountFen: 4739,
      feeFen: 0,
      settleFen: -4739,
      origRefNo: '258000000825',
    });
    const failed = txns.find((t) => t.refNo === '258000001715');
    expect(failed).toMatchObject({ status: 'failed', amountFen: 3712, feeFen: 22, settleFen: -22 });
    const channels = new Set(txns.map((t) => t.channel));
    expect(channels).toEqual(new Set(['card', 'wechat', 'alipay', 'unionpay_qr']));
    expect(txns.filter((t) => t.channel !== 'card').every((t) => t.cardKind === 'unknown')).toBe(true);
  });

  test('bank_icbc_corp.xlsx: every bank line, signed by the 借方/贷方 columns', async () => {
    const { rows, file, a } = await analysed(`${MONTH}bank_icbc_corp.xlsx`);
    expect(a).toMatchObject({ kind: 'bank', kindCertain: true, ready: true });
    const r = normaliseAll(rows, createBankNormaliser(a.mapping as BankMapping, { file }));
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(expected.bankLines);
    expect(r.records[0]?.record).toEqual({
      txnTime: '2026-08-02 03:24:00',
      creditFen: 560700,
      debitFen: 0,
      balanceFen: 2906378,
      counterparty: '拉卡拉支付股份有限公司',
      counterpartyAccount: null,
      summary: 'POS结算',
      currency: null,
    });
    expect(r.records[1]?.record).toMatchObject({
      txnTime: '2026-08-02 16:00:00',
      debitFen: 59897,
      counterparty: '国网某供电公司',
    });
    // The running balance agrees with the signed amounts line by line: direction and amount are right.
    for (let i = 1; i < r.records.length; i += 1) {
      const prev = r.records[i - 1]!.record;
      const line = r.records[i]!.record;
      expect(line.balanceFen).toBe((prev.balanceFen ?? 0) + signed(line));
    }
  });

  test('importing the same files again yields the same fingerprints (so adds nothing)', async () => {
    for (const name of ['pos_export.xlsx', 'bank_icbc_corp.xlsx']) {
      const once = await analysed(MONTH + name);
      const twice = await analysed(MONTH + name);
      const fp = (x: typeof once) => {
        const m = x.a.mapping!;
        const n =
          m.kind === 'pos'
            ? createPosNormaliser(m, { file: x.file })
            : createBankNormaliser(m, { file: x.file });
        return normaliseAll<PosTxn | BankLine>(x.rows, n as never).records.map((r) => r.fingerprint);
      };
      expect(fp(twice)).toEqual(fp(once));
    }
  });
});
