/**
 * The overview and the chart series: SQL aggregates (db/charts-repo.ts) shaped by the pure functions of
 * shared/domain/chart-series.ts and chart-findings.ts. Nothing here reads row by row.
 */
import type { ChartSeries, FindingsChart, Overview, SeriesInput } from '../../shared/api/charts';
import type { RateCard } from '../../shared/domain/rate-card';
import { bucketsBetween, buildSeries, type DayGroup } from '../../shared/domain/chart-series';
import {
  daysWithoutData,
  findingMarkers,
  findingsChart,
  nextSteps,
} from '../../shared/domain/chart-findings';
import type { Channel } from '../../shared/domain/types';
import { fen } from '../../shared/money';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import {
  bankLineCount,
  dataRevision,
  findingDayGroups,
  findingMonthGroups,
  findingStakes,
  noTradeDays,
  posDays,
  readKeptDayGroups,
  refreshDayGroups,
} from '../db/charts-repo';
import { latestCoveringRun } from '../db/findings-repo';
import { ensureDefaultRateCard, listRateCards } from '../db/rate-card-repo';
import { monthRange } from './period';

/** A book's POS aggregates per month, valid while its imports stay as they were. */
type AggregateCache = { revision: string; months: Map<string, DayGroup[]> };

export class ChartsService {
  private readonly caches = new WeakMap<Book, AggregateCache>();

  constructor(private readonly now: () => string = localNow) {}

  /**
   * The day groups of `from..to`, read per month from the sums the book keeps (chart_day_groups); the
   * months read are also kept here until an import lands or is undone, so moving between months and
   * charts does not query again.
   */
  private dayGroups(book: Book, from: string, to: string): DayGroup[] {
    const revision = dataRevision(book);
    let cache = this.caches.get(book);
    if (cache?.revision !== revision) {
      cache = { revision, months: new Map() };
      this.caches.set(book, cache);
    }
    const months = bucketsBetween(from, to, 'month');
    const missing = months.filter((m) => !cache.months.has(m));
    const first = missing[0];
    const last = missing[missing.length - 1];
    // Stale days of the months still to read are re-summed in one transaction (one commit), not one
    // per month: after an import that is one sync to disk instead of twelve.
    // They are then read in one query too, and kept per month (months already kept stay as they are).
    if (first !== undefined && last !== undefined) {
      const span = { from: monthRange(first).from, to: monthRange(last).to };
      refreshDayGroups(book, span.from, span.to);
      const read = new Map<string, DayGroup[]>(missing.map((m) => [m, []]));
      for (const g of readKeptDayGroups(book, span.from, span.to)) read.get(g.date.slice(0, 7))?.push(g);
      for (const [month, groups] of read) cache.months.set(month, groups);
    }
    const out: DayGroup[] = [];
    for (const month of months) {
      for (const g of cache.months.get(month) ?? []) if (g.date >= from && g.date <= to) out.push(g);
    }
    return out;
  }

  private cards(book: Book): RateCard[] {
    ensureDefaultRateCard(book, this.now());
    return listRateCards(book).map((c) => c.card);
  }

  series(book: Book, input: SeriesInput): ChartSeries {
    const range: { from: string; to: string; granularity: SeriesInput['granularity']; channel?: Channel } = {
      from: input.from,
      to: input.to,
      granularity: input.granularity,
    };
    if (input.channel !== undefined) range.channel = input.channel;
    const groups = this.dayGroups(book, input.from, input.to);
    const { buckets, series } = buildSeries(groups, this.cards(book), range);
    const markers = findingMarkers(findingDayGroups(book, input.from, input.to)).filter(
      (m) => input.channel === undefined || m.channel === null || m.channel === input.channel,
    );
    return { from: input.from, to: input.to, granularity: input.granularity, buckets, series, markers };
  }

  findings(book: Book, range: { from: string; to: string }): FindingsChart {
    return findingsChart(findingMonthGroups(book, range.from, range.to), range);
  }

  overview(book: Book, month: string): Overview {
    const period = monthRange(month);
    const { series } = buildSeries(this.dayGroups(book, period.from, period.to), this.cards(book), {
      ...period,
      granularity: 'month',
    });
    const [total, ...channels] = series;
    const sum = total?.points[0];
    const today = this.now().slice(0, 10);
    const daysWithoutPos = daysWithoutData(
      period,
      today,
      new Set(posDays(book, period.from, period.to)),
      new Set(noTradeDays(book, month)),
    );
    const stakes = findingStakes(book, period.from, period.to);
    const run = latestCoveringRun(book, period);
    const lastRun = run ? { ranAt: run.ranAt, stale: run.stale } : null;
    const banks = bankLineCount(book, period.from, period.to);
    return {
      month,
      period,
      turnoverFen: sum?.turnoverFen ?? fen(0),
      feesFen: sum?.feesFen ?? fen(0),
      txnCount: sum?.txnCount ?? 0,
      effectiveRate: sum?.effectiveRate ?? null,
      contractedRate: sum?.contractedRate ?? null,
      byChannel: channels
        .flatMap((s) => {
          const p = s.points[0];
          return s.channel === 'all' || p === undefined ? [] : [{ ...p, channel: s.channel }];
        })
        .map(({ bucket: _bucket, ...rest }) => rest),
      atStakeFen: fen(stakes.atStakeFen),
      openFindings: stakes.openFindings,
      daysWithoutPos,
      bankLineCount: banks,
      lastRun,
      nextSteps: nextSteps({
        posTxnCount: sum?.txnCount ?? 0,
        daysWithoutPos,
        bankLineCount: banks,
        lastRun,
        openFindings: stakes.openFindings,
      }),
    };
  }
}
