import { describe, expect, it } from 'vitest';
import {
  daysWithoutData,
  findingMarkers,
  findingsChart,
  nextSteps,
} from '../../shared/domain/chart-findings';
import { bucketsBetween, buildSeries, displayRate } from '../../shared/domain/chart-series';
import type { DayGroup } from '../../shared/domain/chart-series';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';

const cards = [rateCardTemplate('lakala_standard')];
const g = (
  date: string,
  channel: DayGroup['channel'],
  cardKind: DayGroup['cardKind'],
  salesFen: number,
  feesFen: number,
): DayGroup => ({
  date,
  channel,
  cardKind,
  merchantNo: 'M',
  terminalId: 'T',
  turnoverFen: salesFen,
  feesFen,
  txnCount: 2,
  salesFen,
  salesCount: 2,
});

describe('chart series shaping', () => {
  it('rolls days up to months, channels to the total, and weighs the contracted rate by sales', () => {
    const groups = [
      g('2026-08-01', 'alipay', 'unknown', 100_000, 380),
      g('2026-08-24', 'alipay', 'unknown', 100_000, 600),
      g('2026-08-02', 'card', 'credit', 300_000, 1_800),
    ];
    const { buckets, series } = buildSeries(groups, cards, {
      from: '2026-07-01',
      to: '2026-08-31',
      granularity: 'month',
    });
    expect(buckets).toEqual(['2026-07', '2026-08']);
    expect(series.map((s) => s.channel)).toEqual(['all', 'card', 'alipay']);
    const [total, card, alipay] = series;
    expect(total?.points[0]).toMatchObject({ turnoverFen: 0, effectiveRate: null, contractedRate: null });
    expect(total?.points[1]).toMatchObject({ turnoverFen: 500_000, feesFen: 2_780, effectiveRate: '0.5560' });
    // (0.38 × 200,000 + 0.60 × 300,000) / 500,000 = 0.512
    expect(total?.points[1]?.contractedRate).toBe('0.5120');
    expect(card?.points[1]?.contractedRate).toBe('0.6000');
    expect(alipay?.points[1]).toMatchObject({ effectiveRate: '0.4900', contractedRate: '0.3800' });
  });

  it('shows a rate rise as a step by day against a flat contract, and filters one channel', () => {
    const groups = [
      g('2026-08-23', 'alipay', 'unknown', 10_000, 38),
      g('2026-08-24', 'alipay', 'unknown', 10_000, 60),
      g('2026-08-24', 'wechat', 'unknown', 10_000, 38),
    ];
    const { series } = buildSeries(groups, cards, {
      from: '2026-08-23',
      to: '2026-08-24',
      granularity: 'day',
      channel: 'alipay',
    });
    expect(series).toHaveLength(1);
    expect(series[0]?.points.map((p) => [p.bucket, p.effectiveRate, p.contractedRate])).toEqual([
      ['2026-08-23', '0.3800', '0.3800'],
      ['2026-08-24', '0.6000', '0.3800'],
    ]);
  });

  it('lists buckets across a year end and prints rates without trailing zeros', () => {
    expect(bucketsBetween('2025-11-15', '2026-02-01', 'month')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(bucketsBetween('2024-02-28', '2024-03-01', 'day')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(displayRate('0.3800')).toBe('0.38');
    expect(displayRate('0.5987')).toBe('0.5987');
    expect(displayRate(null)).toBe('–');
  });
});

describe('findings shaping', () => {
  it('merges kinds into one marker per day and channel, and stacks kinds per month', () => {
    const markers = findingMarkers([
      { date: '2026-08-24', channel: 'alipay', kind: 'rate_raised', count: 1, deltaFen: 1543, firstId: 9 },
      { date: '2026-08-24', channel: 'alipay', kind: 'fee_overcharged', count: 2, deltaFen: 10, firstId: 4 },
      {
        date: '2026-08-12',
        channel: null,
        kind: 'settlement_mismatch',
        count: 1,
        deltaFen: 3600,
        firstId: 2,
      },
    ]);
    expect(markers).toEqual([
      {
        date: '2026-08-12',
        channel: null,
        kinds: ['settlement_mismatch'],
        count: 1,
        deltaFen: 3600,
        firstId: 2,
      },
      {
        date: '2026-08-24',
        channel: 'alipay',
        kinds: ['fee_overcharged', 'rate_raised'],
        count: 3,
        deltaFen: 1553,
        firstId: 4,
      },
    ]);
    const chart = findingsChart(
      [
        {
          month: '2026-08',
          kind: 'rate_raised',
          count: 1,
          deltaFen: 1543,
          atStakeFen: 1543,
          recoveredFen: 0,
        },
        {
          month: '2026-08',
          kind: 'fee_overcharged',
          count: 2,
          deltaFen: 10,
          atStakeFen: 0,
          recoveredFen: 10,
        },
      ],
      { from: '2026-07-01', to: '2026-08-31' },
    );
    expect(chart.kinds).toEqual(['fee_overcharged', 'rate_raised']);
    expect(chart.months.map((m) => [m.month, m.count, m.atStakeFen, m.recoveredFen])).toEqual([
      ['2026-07', 0, 0, 0],
      ['2026-08', 3, 1543, 10],
    ]);
  });

  it('finds days without data up to today, minus declared no-trade days, and orders next steps', () => {
    const days = daysWithoutData(
      { from: '2026-08-01', to: '2026-08-31' },
      '2026-08-05',
      new Set(['2026-08-01', '2026-08-03']),
      new Set(['2026-08-04']),
    );
    expect(days).toEqual(['2026-08-02', '2026-08-05']);
    expect(
      nextSteps({
        posTxnCount: 5,
        daysWithoutPos: days,
        bankLineCount: 0,
        lastRun: { stale: true },
        openFindings: 2,
      }).map((s) => s.step),
    ).toEqual(['import_pos', 'import_bank', 'reconcile_stale', 'triage']);
    expect(
      nextSteps({
        posTxnCount: 5,
        daysWithoutPos: [],
        bankLineCount: 3,
        lastRun: { stale: false },
        openFindings: 0,
      }),
    ).toEqual([]);
  });
});
