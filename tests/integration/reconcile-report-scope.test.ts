/**
 * What a period's report lists beyond its own dates: the settlements of its last days, due in the bank
 * after it, and nothing of the next period's rows. A run replaces exactly what its report lists.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReconcileService, findingsOfPeriod } from '../../electron/services/reconcile-service';
import { ImportService } from '../../electron/services/import-service';
import { generateBankLines, generatePosTxns, writeBankFixture, writePosFixture } from '../fixtures/generator';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

const imports = new ImportService({}, undefined, undefined, 'inline');
const reconciler = new ReconcileService(() => '2026-10-10 10:00:00');

describe('the findings of a month’s report', () => {
  const tempDir = useTempDir();

  it('leave the next month’s settlement findings to the next month', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const txns = [
      ...generatePosTxns({ seed: 3, count: 300, startDate: '2026-08-01', days: 31, terminals: ['A0000001'] }),
      ...generatePosTxns({ seed: 4, count: 300, startDate: '2026-09-01', days: 30, terminals: ['B0000002'] }),
    ];
    // The credit for 4 September's sales never arrives.
    const lines = generateBankLines({ seed: 5, posTxns: txns, startDate: '2026-08-01', days: 61 }).filter(
      (l) => !(l.creditFen > 0 && l.txnTime.startsWith('2026-09-05')),
    );
    await writePosFixture(join(dir, 'pos.xlsx'), txns);
    await writeBankFixture(join(dir, 'bank.xlsx'), lines, { kind: 'split' });
    await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
    await imports.importFile(book, join(dir, 'bank.xlsx'), 'bank.xlsx');

    const sep = reconciler.run(book, { month: '2026-09' });
    const missing = sep.findings.filter((f) => f.kind === 'settlement_missing').map((f) => f.date);
    expect(missing).toEqual(['2026-09-05']);
    const aug = reconciler.run(book, { month: '2026-08' });
    expect(aug.findings.filter((f) => f.kind.startsWith('settlement')).map((f) => f.date)).toEqual([]);
    // August's run left September's finding alone.
    expect(
      findingsOfPeriod(book, { from: '2026-09-01', to: '2026-09-30' })
        .filter((f) => f.kind === 'settlement_missing')
        .map((f) => f.date),
    ).toEqual(['2026-09-05']);
    book.close();
  });
});
