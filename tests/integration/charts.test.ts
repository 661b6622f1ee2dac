import { describe, expect, it } from 'vitest';
import { keptDayGroups, posDayGroups, readKeptDayGroups } from '../../electron/db/charts-repo';
import { openBatchWriter, runImportTransaction, undoBatch } from '../../electron/db/import-repo';
import { buildSeries } from '../../shared/domain/chart-series';
import type { PosTxn } from '../../shared/domain/types';
import { listRateCards } from '../../electron/db/rate-card-repo';
import { ChartsService } from '../../electron/services/charts-service';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import type { Book } from '../../electron/db/book';
import { generatePosTxns } from '../fixtures/generator';
import { newBook, SAMPLES } from './support/book';
import { useTempDir } from './support/temp';

const EXAMPLE = `${SAMPLES}example-2026-08/`;
const NOW = () => '2026-09-05 10:00:00';

async function exampleBook(dir: string): Promise<Book> {
  const book = newBook(dir);
  const imports = new ImportService();
  await imports.importFile(book, `${EXAMPLE}pos_export.xlsx`, 'pos_export.xlsx');
  await imports.importFile(book, `${EXAMPLE}bank_icbc_corp.xlsx`, 'bank_icbc_corp.xlsx');
  return book;
}

describe('charts and overview on the example month (2026-08)', () => {
  const tempDir = useTempDir();

  it('the overview totals equal the reconcile summary, and nothing is left to reconcile', async () => {
    const book = await exampleBook(tempDir());
    const charts = new ChartsService(NOW);
    const before = charts.overview(book, '2026-08');
    expect(before.nextSteps.map((s) => s.step)).toContain('reconcile_never');

    const report = new ReconcileService(NOW).run(book, { month: '2026-08' });
    const overview = charts.overview(book, '2026-08');
    expect(overview.turnoverFen).toBe(report.summary.turnoverFen);
    expect(overview.feesFen).toBe(report.summary.feesChargedFen);
    expect(overview.txnCount).toBe(report.summary.txnCount);
    const open = report.findings.filter((f) => f.state === 'open');
    expect(overview.openFindings).toBe(open.length);
    expect(overview.atStakeFen).toBe(open.reduce((s, f) => s + Math.max(0, f.deltaFen), 0));
    expect(overview.daysWithoutPos).toEqual([]);
    expect(overview.lastRun?.stale).toBe(false);
    expect(overview.nextSteps.map((s) => s.step)).toEqual(['triage']);
    // The channels add up to the total.
    expect(overview.byChannel.reduce((s, c) => s + c.turnoverFen, 0)).toBe(overview.turnoverFen);
    expect(overview.byChannel.reduce((s, c) => s + c.feesFen, 0)).toBe(overview.feesFen);
    book.close();
  });

  it('the Alipay effective rate steps from 0.38% to 0.60% on 2026-08-24 against a flat contracted 0.38%', async () => {
    const book = await exampleBook(tempDir());
    new ReconcileService(NOW).run(book, { month: '2026-08' });
    const series = new ChartsService(NOW).series(book, {
      from: '2026-08-01',
      to: '2026-08-31',
      granularity: 'day',
      channel: 'alipay',
    });
    expect(series.series.map((s) => s.channel)).toEqual(['alipay']);
    const points = series.series[0]?.points ?? [];
    expect(points).toHaveLength(31);
    const rate = (p: (typeof points)[number]) => Number(p.effectiveRate ?? 'NaN');
    const before = points.filter((p) => p.bucket < '2026-08-24' && p.turnoverFen > 0);
    const after = points.filter((p) => p.bucket >= '2026-08-24' && p.turnoverFen > 0);
    expect(before.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(3);
    for (const p of before) expect(rate(p)).toBeLessThan(0.45);
    for (const p of after) expect(rate(p)).toBeGreaterThan(0.55);
    for (const p of [...before, ...after]) expect(p.contractedRate).toBe('0.3800');
    const step = series.markers.find((m) => m.kinds.includes('rate_raised'));
    expect(step).toMatchObject({ date: '2026-08-24', channel: 'alipay' });
    book.close();
  });

  it('the month series and the findings chart agree with the daily figures', async () => {
    const book = await exampleBook(tempDir());
    const report = new ReconcileService(NOW).run(book, { month: '2026-08' });
    const charts = new ChartsService(NOW);
    const daily = charts.series(book, { from: '2026-08-01', to: '2026-08-31', granularity: 'day' });
    const monthly = charts.series(book, { from: '2026-01-01', to: '2026-12-31', granularity: 'month' });
    expect(monthly.buckets).toHaveLength(12);
    const total = monthly.series[0];
    expect(total?.channel).toBe('all');
    const aug = total?.points.find((p) => p.bucket === '2026-08');
    expect(aug?.turnoverFen).toBe(daily.series[0]?.points.reduce((s, p) => s + p.turnoverFen, 0));
    expect(aug?.feesFen).toBe(report.summary.feesChargedFen);

    const findings = charts.findings(book, { from: '2026-01-01', to: '2026-12-31' });
    const augFindings = findings.months.find((m) => m.month === '2026-08');
    expect(augFindings?.count).toBe(report.findings.filter((f) => f.date <= '2026-08-31').length);
    expect(augFindings?.byKind.rate_raised?.count).toBe(1);
    book.close();
  });
});

/** Write `txns` as one import batch (fingerprints by index, so two batches overlap where indexes do). */
function writeBatch(book: Book, txns: readonly PosTxn[], first: number, name: string): number {
  return book.db.transaction(() => {
    const w = openBatchWriter(book, {
      kind: 'pos',
      fileName: name,
      fileSize: 0,
      sha256: name,
      format: 'xlsx',
      encoding: null,
      sheet: 'pos',
      headerRow: 1,
      mappingJson: '{}',
      templateId: null,
      importedAt: NOW(),
    });
    txns.forEach((t, i) => w.addPos(t, `fp-${first + i}`, { sheet: 'pos', row: i + 2, cells: [] }));
    w.finish();
    return w.batchId;
  })();
}

describe('the day groups the book keeps summed (chart_day_groups, migration 0003)', () => {
  const tempDir = useTempDir();
  const YEAR = ['2025-09-01', '2026-08-31'] as const;
  const stale = (book: Book) => book.db.prepare('SELECT count(*) FROM chart_stale_days').pluck().get();

  /**
   * The kept sums equal the rows' own sums, over the year and over single months: as they are (a
   * batch re-sums its days in its own transaction, nothing is left stale), and through the charts' read.
   */
  function expectExact(book: Book): void {
    expect(stale(book)).toBe(0);
    expect(readKeptDayGroups(book, ...YEAR)).toEqual(posDayGroups(book, ...YEAR));
    expect(keptDayGroups(book, ...YEAR)).toEqual(posDayGroups(book, ...YEAR));
    expect(keptDayGroups(book, '2026-02-01', '2026-02-28')).toEqual(
      posDayGroups(book, '2026-02-01', '2026-02-28'),
    );
  }

  it('stay equal to the rows through overlapping imports, undo, rollback and edits', async () => {
    // Rows enter and leave the book only as import batches: writing a batch (its dates) and undoing it
    // re-sum its days; an edit of a summed column marks the row's two days stale for the next read.
    const book = newBook(tempDir());
    const txns = generatePosTxns({ seed: 11, count: 3000, startDate: '2025-09-01', days: 365 });
    // Two files overlapping on rows 1000..1999 (the second records them as duplicates).
    const a = writeBatch(book, txns.slice(0, 2000), 0, 'a.xlsx');
    expectExact(book);
    writeBatch(book, txns.slice(1000), 1000, 'b.xlsx');
    expectExact(book);
    expect(keptDayGroups(book, ...YEAR).reduce((n, g) => n + g.txnCount, 0)).toBe(3000);

    // Undo the first: rows 0..999 go, rows 1000..1999 are handed to the second batch.
    const undone = undoBatch(book, a, NOW());
    expect(undone).toEqual({ removed: 1000, rehomed: 1000 });
    expectExact(book);
    expect(keptDayGroups(book, ...YEAR).reduce((n, g) => n + g.txnCount, 0)).toBe(2000);

    // Re-import the first file: its first half comes back, the overlap is duplicate again.
    writeBatch(book, txns.slice(0, 2000), 0, 'a-again.xlsx');
    expectExact(book);

    // An import that fails after the charts were read inside its transaction: all rolled back.
    const before = keptDayGroups(book, ...YEAR);
    const extra = generatePosTxns({ seed: 12, count: 500, startDate: '2026-01-01', days: 60 });
    await expect(
      runImportTransaction(book, async () => {
        writeBatch(book, extra, 10_000, 'c.xlsx');
        expectExact(book);
        await Promise.resolve();
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(keptDayGroups(book, ...YEAR)).toEqual(before);
    expectExact(book);

    // Any other change to a summed column (none today) marks its old and new day.
    book.db
      .prepare(
        "UPDATE pos_transactions SET amount_fen = amount_fen + 1, txn_date = '2026-02-14' WHERE id IN (SELECT min(id) FROM pos_transactions)",
      )
      .run();
    expect(stale(book)).toBe(2);
    expect(keptDayGroups(book, ...YEAR)).toEqual(posDayGroups(book, ...YEAR));
    expectExact(book);
    book.close();
  });

  it('a service that keeps some months reads the others at once, and its series equal the rows', () => {
    const book = newBook(tempDir());
    writeBatch(
      book,
      generatePosTxns({ seed: 13, count: 3000, startDate: '2025-09-01', days: 365 }),
      0,
      'a.xlsx',
    );
    const charts = new ChartsService(NOW);
    // February and May are kept first; the year then reads the ten other months in one query.
    charts.series(book, { from: '2026-02-01', to: '2026-02-28', granularity: 'day' });
    charts.series(book, { from: '2026-05-01', to: '2026-05-31', granularity: 'day' });
    const cards = listRateCards(book).map((c) => c.card);
    for (const range of [
      { from: YEAR[0], to: YEAR[1], granularity: 'month' as const },
      { from: '2026-01-15', to: '2026-06-10', granularity: 'day' as const },
    ]) {
      const { buckets, series } = buildSeries(posDayGroups(book, range.from, range.to), cards, range);
      const got = charts.series(book, range);
      expect(got.buckets).toEqual(buckets);
      expect(got.series).toEqual(series);
    }
    book.close();
  });

  it('the charts read the kept sums; a new service over the same book gives the same series', async () => {
    const book = await exampleBook(tempDir());
    const input = { from: '2026-01-01', to: '2026-12-31', granularity: 'month' as const };
    const first = new ChartsService(NOW).series(book, input);
    expect(stale(book)).toBe(0);
    book.db.exec(
      'DELETE FROM chart_day_groups; INSERT INTO chart_stale_days SELECT DISTINCT txn_date FROM pos_transactions',
    );
    expect(new ChartsService(NOW).series(book, input)).toEqual(first);
    book.close();
  });
});
