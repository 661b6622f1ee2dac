import { describe, expect, it } from 'vitest';
import { ChartsService } from '../../electron/services/charts-service';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import type { Book } from '../../electron/db/book';
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
