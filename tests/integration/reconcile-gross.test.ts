/**
 * Gross settlement (全额结算) through the whole path: a generated month whose bank statement receives
 * the full amounts and loses each month's fees in one debit on the 3rd of the next month, written as
 * exports, imported into a real book, reconciled by the service under the book's `gross` setting.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECONCILE_SETTINGS,
  ReconcileService,
  setReconcileSettings,
} from '../../electron/services/reconcile-service';
import { ImportService } from '../../electron/services/import-service';
import {
  generateBankLines,
  generateCleanMonth,
  generatePosTxns,
  writeBankFixture,
  writePosFixture,
} from '../fixtures/generator';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

const imports = new ImportService({}, undefined, undefined, 'inline');
const reconciler = new ReconcileService(() => '2026-10-05 10:00:00');

describe('a gross-settlement book', () => {
  const tempDir = useTempDir();

  it('is clean under the gross setting, for August and for September (when August’s fees are taken)', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const m = generateCleanMonth({ seed: 31, count: 400, startDate: '2026-08-01', basis: 'gross' });
    const feeDebits = m.bankLines.filter((l) => l.summary === '2026年08月手续费');
    expect(feeDebits.map((l) => [l.txnTime.slice(0, 10), l.debitFen])).toEqual([
      ['2026-09-03', m.txns.reduce((s, t) => s + (t.feeFen ?? 0), 0)],
    ]);
    await writePosFixture(join(dir, 'pos.xlsx'), m.txns, { titleRows: true, footer: true });
    await writeBankFixture(join(dir, 'bank.xlsx'), m.bankLines, { kind: 'split' });
    expect((await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx')).added).toBe(m.txns.length);
    expect((await imports.importFile(book, join(dir, 'bank.xlsx'), 'bank.xlsx')).added).toBe(
      m.bankLines.length,
    );

    // Read as net settlement (the default), every day is short of its fees and the debit is unexplained.
    const net = reconciler.run(book, { from: '2026-08-01', to: '2026-09-30' });
    expect(net.summary.byKind.settlement_mismatch?.count ?? 0).toBeGreaterThan(20);
    expect(net.summary.byKind.unexpected_deduction?.count).toBe(1);

    setReconcileSettings(book, { ...DEFAULT_RECONCILE_SETTINGS, settlementBasis: 'gross' });
    // August first: its run replaces the net run's settlement finding for 31 August's rows, dated
    // 1 September (outside August), which August's report would otherwise still list.
    for (const period of [
      { month: '2026-08' },
      { month: '2026-09' },
      { from: '2026-08-01', to: '2026-09-30' },
    ]) {
      const r = reconciler.run(book, period);
      expect(r.findings.map((f) => `${f.kind} ${f.date} ${f.deltaFen}`)).toEqual([]);
    }
    const aug = reconciler.run(book, { month: '2026-08' });
    expect(aug.summary.settlementsDueFen).toBe(aug.summary.settlementsReceivedFen);
    book.close();
  });

  it('matches a weekend credit that pays the period’s last days with the next month’s first', async () => {
    // 31 October 2026 is a Saturday: Friday's, Saturday's and Sunday 1 November's full amounts arrive
    // as one credit on Monday, so October's last dues are matched together with a day after October.
    const dir = tempDir();
    const book = newBook(dir);
    const txns = generatePosTxns({ seed: 41, count: 500, startDate: '2026-10-01', days: 40 });
    const lines = generateBankLines({
      seed: 42,
      posTxns: txns,
      startDate: '2026-10-01',
      days: 40,
      weekendsAsOne: true,
      basis: 'gross',
    });
    await writePosFixture(join(dir, 'pos.xlsx'), txns);
    await writeBankFixture(join(dir, 'bank.xlsx'), lines, { kind: 'split' });
    await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
    await imports.importFile(book, join(dir, 'bank.xlsx'), 'bank.xlsx');
    setReconcileSettings(book, { ...DEFAULT_RECONCILE_SETTINGS, settlementBasis: 'gross' });
    const r = reconciler.run(book, { month: '2026-10' });
    const money = r.findings.filter((f) => f.kind.startsWith('settlement') || f.kind.includes('deduction'));
    expect(money.map((f) => `${f.kind} ${f.date} ${f.deltaFen}`)).toEqual([]);
    book.close();
  });
});
