/**
 * Generated months through the whole path: written as the exports shops download (several POS and
 * bank layouts), imported into a real book, reconciled. A month with every finding kind injected gives
 * exactly the generator's manifest (kind, 参考号, deltaFen, date) and nothing else; clean months (voids,
 * refunds, failed sales, half-fen ties, a weekend paid as one credit) give no finding at all.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Book } from '../../electron/db/book';
import { listFindings } from '../../electron/db/findings-repo';
import { listRateCards } from '../../electron/db/rate-card-repo';
import { reconcileBankLines, reconcileTxns } from '../../electron/db/reconcile-rows';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import { reconcile } from '../../shared/domain/reconcile';
import { FINDING_KINDS } from '../../shared/domain/reconcile/types';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { weekday } from '../../shared/domain/local-date';
import { fen } from '../../shared/money';
import {
  ACQUIRER_NAME,
  FIXTURE_RATES,
  POS_DEFAULT_COLUMNS,
  generateCleanMonth,
  generateMonthWithFindings,
  writeBankFixture,
  writePosFixture,
  type BankLayout,
  type CsvWriteOptions,
  type PosLayout,
} from '../fixtures/generator';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

// Read on this thread: starting a worker per file costs more than these small months (import tests cover it).
const imports = new ImportService({}, undefined, undefined, 'inline');
const reconciler = new ReconcileService(() => '2026-09-05 10:00:00');

type Files = {
  pos: { file: string; layout: PosLayout; csv?: CsvWriteOptions };
  bank: { file: string; layout: BankLayout; csv?: CsvWriteOptions };
};

async function bookOf(dir: string, txns: PosTxn[], lines: BankLine[], f: Files): Promise<Book> {
  const book = newBook(dir);
  const pos = join(dir, f.pos.file);
  const bank = join(dir, f.bank.file);
  await writePosFixture(pos, txns, f.pos.layout, f.pos.csv ? { csv: f.pos.csv } : {});
  await writeBankFixture(bank, lines, f.bank.layout, f.bank.csv ? { csv: f.bank.csv } : {});
  expect((await imports.importFile(book, pos, f.pos.file)).added).toBe(txns.length);
  expect((await imports.importFile(book, bank, f.bank.file)).added).toBe(lines.length);
  return book;
}

const key = (f: { kind: string; refNos: readonly string[]; deltaFen: number; date: string }) =>
  `${f.kind} ${[...f.refNos].sort().join(',')} ${f.deltaFen} ${f.date}`;

describe('a generated month with every finding kind injected', () => {
  const tempDir = useTempDir();
  const cases: { seed: number; files: Files }[] = [
    {
      seed: 4,
      files: {
        pos: { file: 'pos.xlsx', layout: { titleRows: true, footer: true } },
        bank: { file: 'bank.csv', layout: { kind: 'icbc-personal-csv' }, csv: { encoding: 'gbk' } },
      },
    },
    {
      seed: 9,
      files: {
        pos: {
          file: 'pos.csv',
          layout: { dateTime: 'two', dateStyle: 'text', values: 'long' },
          csv: { encoding: 'gbk' },
        },
        bank: { file: 'bank.xlsx', layout: { kind: 'split' } },
      },
    },
  ];

  for (const { seed, files } of cases) {
    it(`gives exactly the manifest: ${files.pos.file} + ${files.bank.layout.kind} (seed ${seed})`, async () => {
      const m = generateMonthWithFindings({ seed, count: 450, startDate: '2026-08-01' });
      expect(new Set(m.manifest.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS));
      const book = await bookOf(tempDir(), m.txns, m.bankLines, files);
      const report = reconciler.run(book, { month: '2026-08' });
      expect(report.findings.map(key).sort()).toEqual(m.manifest.map(key).sort());
      const s = report.summary;
      for (const kind of FINDING_KINDS) {
        const injected = m.manifest.filter((f) => f.kind === kind);
        expect(s.byKind[kind]).toEqual({
          count: injected.length,
          deltaFen: injected.reduce((sum, f) => sum + f.deltaFen, 0),
        });
      }
      // Fee findings' differences are the month's fee difference; settlements differ by the bank faults.
      const feeKinds = new Set(FINDING_KINDS.slice(0, 9));
      expect(s.feeDeltaFen).toBe(
        m.manifest.filter((f) => feeKinds.has(f.kind)).reduce((sum, f) => sum + f.deltaFen, 0),
      );
      book.close();
    });
  }

  it('injects only the kinds asked for', () => {
    const m = generateMonthWithFindings({
      seed: 4,
      count: 450,
      kinds: ['cap_not_applied', 'settlement_missing'],
    });
    expect(m.manifest.map((f) => f.kind)).toEqual(['cap_not_applied', 'settlement_missing']);
  });
});

describe('clean generated months give no finding', () => {
  const tempDir = useTempDir();
  const noFee = POS_DEFAULT_COLUMNS.filter((c) => c !== 'fee');
  const cases: { name: string; seed: number; weekendsAsOne: boolean; files: Files }[] = [
    {
      name: 'xlsx serial dates and amounts as text, split bank statement, weekends paid on Monday',
      seed: 21,
      weekendsAsOne: true,
      files: {
        pos: {
          file: 'pos.xlsx',
          layout: { dateStyle: 'serial', amountStyle: 'text-thousands', values: 'long' },
        },
        bank: { file: 'bank.xlsx', layout: { kind: 'split', realDates: true } },
      },
    },
    {
      name: 'GBK csv without a fee column (fee = amount − settlement), CMB csv, weekends paid on Monday',
      seed: 23,
      weekendsAsOne: true,
      files: {
        pos: { file: 'pos.csv', layout: { columns: noFee }, csv: { encoding: 'gbk' } },
        bank: { file: 'bank.csv', layout: { kind: 'cmb-personal-csv' }, csv: { encoding: 'utf-8-bom' } },
      },
    },
    {
      name: 'legacy xls with title and totals rows, ICBC HISTORYDETAIL statement',
      seed: 22,
      weekendsAsOne: false,
      files: {
        pos: { file: 'pos.xls', layout: { titleRows: true, footer: true } },
        bank: { file: 'bank.xlsx', layout: { kind: 'icbc-historydetail' } },
      },
    },
    {
      name: 'GBK csv with title rows, a 中国银行-style statement (English glosses, 付款人/收款人 columns)',
      seed: 26,
      weekendsAsOne: true,
      files: {
        pos: { file: 'pos.csv', layout: { titleRows: true, footer: true }, csv: { encoding: 'gbk' } },
        bank: { file: 'bank.xlsx', layout: { kind: 'boc-bilingual' } },
      },
    },
    {
      name: 'xlsx with a settlement-date column, legacy xls statement with a two-row header',
      seed: 24,
      weekendsAsOne: false,
      files: {
        pos: { file: 'pos.xlsx', layout: { columns: [...POS_DEFAULT_COLUMNS, 'settleDate'] } },
        bank: { file: 'bank.xls', layout: { kind: 'two-row-header' } },
      },
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const { txns, bankLines } = generateCleanMonth({
        seed: c.seed,
        count: 250,
        startDate: '2026-08-01',
        weekendsAsOne: c.weekendsAsOne,
      });
      // What makes the month worth checking is there.
      const count = (p: (t: PosTxn) => boolean) => txns.filter(p).length;
      expect(count((t) => t.txnType === 'void')).toBeGreaterThan(0);
      expect(count((t) => t.txnType === 'refund')).toBeGreaterThan(0);
      expect(count((t) => t.status === 'failed')).toBeGreaterThan(0);
      const bp = (t: PosTxn) =>
        t.channel === 'card'
          ? FIXTURE_RATES[t.cardKind === 'debit' ? 'debit' : 'credit']
          : FIXTURE_RATES[t.channel];
      expect(
        count((t) => t.txnType === 'sale' && (t.amountFen * bp(t)) % 10000 === 5000),
      ).toBeGreaterThanOrEqual(5);
      const credits = bankLines.filter((l) => l.counterparty === ACQUIRER_NAME);
      const mondays = credits.filter((l) => weekday(l.txnTime.slice(0, 10)) === 1).length;
      const weekendCredits = credits.filter((l) => [0, 6].includes(weekday(l.txnTime.slice(0, 10)))).length;
      if (c.weekendsAsOne) expect([mondays, weekendCredits]).toEqual([5, 0]);
      else expect(weekendCredits).toBeGreaterThan(0);

      const book = await bookOf(tempDir(), txns, bankLines, c.files);
      const report = reconciler.run(book, { month: '2026-08' });
      expect(report.findings).toEqual([]);
      const s = report.summary;
      const inAugust = txns.filter((t) => t.txnTime.startsWith('2026-08'));
      expect(s.txnCount).toBe(inAugust.length);
      expect(s.voidCount).toBe(inAugust.filter((t) => t.txnType === 'void').length);
      expect(s.refundCount).toBe(inAugust.filter((t) => t.txnType === 'refund').length);
      expect(s.failedCount).toBe(inAugust.filter((t) => t.status === 'failed').length);
      expect(s.feeDeltaFen).toBe(0);
      expect(s.settlementsReceivedFen).toBe(s.settlementsDueFen - s.pendingDue.fen);
      book.close();
    });
  }

  it('a fresh book whose statement starts with the settlement of the day before the export is clean', async () => {
    const { txns, bankLines } = generateCleanMonth({ seed: 27, count: 250, startDate: '2026-08-01' });
    const first = bankLines[0]!;
    const julyThirtyFirst = {
      ...first,
      txnTime: '2026-08-01 04:30:00',
      creditFen: fen(345678),
      debitFen: fen(0),
      balanceFen: null,
      counterparty: ACQUIRER_NAME,
      summary: 'POS结算',
    };
    const book = await bookOf(tempDir(), txns, [julyThirtyFirst, ...bankLines], {
      pos: { file: 'pos.xlsx', layout: {} },
      bank: { file: 'bank.xlsx', layout: { kind: 'split' } },
    });
    expect(reconciler.run(book, { month: '2026-08' }).findings).toEqual([]);
    book.close();
  });

  it('an export that prints fees as negative numbers (money taken) is stored turned and stays clean', async () => {
    const { txns, bankLines } = generateCleanMonth({ seed: 25, count: 250, startDate: '2026-08-01' });
    const printed = txns.map((t) => ({ ...t, feeFen: t.feeFen === null ? null : fen(0 - t.feeFen) }));
    const book = await bookOf(tempDir(), printed, bankLines, {
      pos: { file: 'pos.xlsx', layout: { titleRows: true } },
      bank: { file: 'bank.xlsx', layout: { kind: 'split' } },
    });
    // Every fee as the generator made it: a sale's positive, the fee a void gives back negative.
    const stored = book.db.prepare('SELECT fee_fen FROM pos_transactions').pluck().all() as (number | null)[];
    const numeric = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);
    expect(stored.sort(numeric)).toEqual(txns.map((t) => t.feeFen).sort(numeric));
    expect(stored.filter((f) => f !== null && f < 0).length).toBeLessThan(stored.length / 10);
    expect(reconciler.run(book, { month: '2026-08' }).findings).toEqual([]);
    book.close();
  });
});

describe('a period inside a generated month', () => {
  const tempDir = useTempDir();

  it('finds with its neighbouring days summed by the book what it finds given every row', async () => {
    const m = generateMonthWithFindings({ seed: 4, count: 450, startDate: '2026-08-01' });
    const book = await bookOf(tempDir(), m.txns, m.bankLines, {
      pos: { file: 'pos.xlsx', layout: {} },
      bank: { file: 'bank.xlsx', layout: { kind: 'split' } },
    });
    const period = { from: '2026-08-07', to: '2026-08-16' };
    reconciler.run(book, period);
    const stored = listFindings(book, { includeStale: true });
    // Every row of the month (the whole month as the period, so no day is summed) and the bank lines the
    // run read, given to the engine with the period to report.
    const all = reconcileTxns(book, {
      from: '2026-07-01',
      to: '2026-09-30',
      period: { from: '2026-07-01', to: '2026-09-30' },
      allFrom: '2026-07-01',
      settledFrom: '2026-07-01',
    });
    expect(all.daySums).toEqual([]);
    // In time order, then id, as the engine expects: not in the order of the date index (channel, card
    // kind…) that SQLite reads a day's rows in.
    const order = all.txns.map((t) => `${t.txnTime}|${String(t.id).padStart(9, '0')}`);
    expect(order).toEqual([...order].sort());
    const expected = reconcile({
      txns: all.txns,
      bankLines: reconcileBankLines(book, '2026-07-18', '2026-09-05'),
      cards: listRateCards(book).map((c) => c.card),
      period,
    }).findings;
    const same = (f: { kind: string; date: string; deltaFen: number; zh: string; details: object }) =>
      JSON.stringify([f.kind, f.date, f.deltaFen, f.zh, f.details]);
    expect(expected.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['settlement_mismatch', 'settlement_missing', 'duplicate_suspect']),
    );
    expect(stored.map(same).sort()).toEqual(expected.map(same).sort());
    book.close();
  });
});
