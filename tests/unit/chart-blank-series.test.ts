import { describe, expect, it } from 'vitest';
import { blankSeries } from '../../renderer/src/charts/chart-data';
import { buildSeries } from '../../shared/domain/chart-series';

describe('the blank series the Charts page draws on while the figures load', () => {
  it('has every day of the month in the total and every channel, with nothing sold', () => {
    const blank = blankSeries({ from: '2026-02-01', to: '2026-02-28', granularity: 'day' });
    expect(blank.buckets).toHaveLength(28);
    expect(blank.series.map((s) => s.channel)).toEqual(['all', 'card', 'wechat', 'alipay', 'unionpay_qr']);
    for (const s of blank.series) expect(s.points.map((p) => p.bucket)).toEqual(blank.buckets);
    // No row in the data table, no marker: nothing of it can pass for figures of the book.
    expect(blank.series.flatMap((s) => s.points).every((p) => p.txnCount === 0 && p.turnoverFen === 0)).toBe(
      true,
    );
    expect(blank.markers).toEqual([]);
  });

  it('is what a book with no sales in the range answers, for one channel over twelve months', () => {
    const input = { from: '2025-09-01', to: '2026-08-31', granularity: 'month', channel: 'alipay' } as const;
    const { buckets, series } = buildSeries([], [], input);
    expect(blankSeries(input)).toEqual({
      from: input.from,
      to: input.to,
      granularity: 'month',
      buckets,
      series,
      markers: [],
    });
  });
});
