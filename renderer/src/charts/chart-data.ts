/**
 * Chart rows for recharts. Figures arrive as exact fen and rate strings; the numbers made here are for
 * drawing only (axis positions), every label and tooltip prints the exact values with formatFen.
 */
import type { ChartSeries, SeriesPoint } from '../../../shared/api/contract';
import type { Channel } from '../../../shared/domain/types';

/** Yuan as a float, for bar heights only. */
export function drawYuan(fenValue: number): number {
  return fenValue / 100;
}

/** A rate string as a float, for line positions only. */
export function drawRate(rate: string | null): number | null {
  return rate === null ? null : Number(rate);
}

/** Made once: recharts formats every tick on every layout, and a new NumberFormat costs ~0.1 ms. */
const YUAN_TICK = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function yuanTick(value: number): string {
  return `¥${YUAN_TICK.format(value)}`;
}

export function rateTick(value: number): string {
  return `${value.toFixed(2)}%`;
}

/**
 * Every how many buckets the time axis prints a label: at most 12 labels, so a month's days show every
 * third day and a year's months all show. recharts' default instead measures every label's text in the
 * DOM, on each layout of each chart, to work out which fit (about a tenth of the page's first drawing
 * in a profile).
 */
export function timeTickInterval(buckets: number): number {
  return Math.max(0, Math.ceil(buckets / 12) - 1);
}

/** The range a bucket covers: a day, or a whole month. */
export function bucketRange(bucket: string): { from: string; to: string } {
  if (bucket.length === 10) return { from: bucket, to: bucket };
  const [y, m] = bucket.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${bucket}-01`, to: `${bucket}-${String(last).padStart(2, '0')}` };
}

/** The Transactions page filtered to a date range (and channel), read back by its query string. */
export function transactionsHref(range: { from: string; to: string }, channel?: Channel | 'all'): string {
  const q = new URLSearchParams({ from: range.from, to: range.to });
  if (channel !== undefined && channel !== 'all') q.set('channel', channel);
  return `#/transactions?${q.toString()}`;
}

/** The Reconcile page's findings for a date range (and kind). */
export function findingsHref(range: { from: string; to: string }, kind?: string): string {
  const q = new URLSearchParams({ from: range.from, to: range.to });
  if (kind !== undefined) q.set('kind', kind);
  return `#/reconcile?${q.toString()}`;
}

export function go(href: string): void {
  window.location.hash = href.slice(1);
}

export type RateRow = { bucket: string; marker: number | null } & Record<string, number | string | null>;

/**
 * One row per bucket: each channel's effective rate (`rate_<channel>`) and contracted rate
 * (`contracted_<channel>`, drawn as a step when it changes over the range), and a marker height.
 */
export function rateRows(data: ChartSeries): RateRow[] {
  const channels = data.series.filter((s) => s.channel !== 'all');
  const markerDays = new Set(data.markers.map((m) => m.date.slice(0, data.granularity === 'day' ? 10 : 7)));
  let top = 0;
  for (const s of channels) for (const p of s.points) top = Math.max(top, drawRate(p.effectiveRate) ?? 0);
  return data.buckets.map((bucket, i) => {
    const row: RateRow = { bucket, marker: markerDays.has(bucket) ? Math.max(top, 0.1) * 1.08 : null };
    for (const s of channels) {
      const p: SeriesPoint | undefined = s.points[i];
      row[`rate_${s.channel}`] = p !== undefined && p.turnoverFen > 0 ? drawRate(p.effectiveRate) : null;
      row[`contracted_${s.channel}`] = p === undefined ? null : drawRate(p.contractedRate);
    }
    return row;
  });
}

/** The contracted rates of a series over the range: one value draws as a reference line, more as a step. */
export function contractedRates(points: readonly SeriesPoint[]): string[] {
  return [...new Set(points.flatMap((p) => (p.contractedRate === null ? [] : [p.contractedRate])))];
}

/**
 * The reference lines of the rate chart: one per contracted rate that holds over the whole range, with
 * every channel it holds for, in the channels' order. WeChat Pay and Alipay at 0.38% are one line
 * labelled for both: two lines on the same height wrote their labels over each other.
 */
export function referenceRates<C extends string>(
  channels: readonly C[],
  contracts: ReadonlyMap<C, readonly string[]>,
): { rate: string; channels: C[] }[] {
  const lines: { rate: string; channels: C[] }[] = [];
  for (const channel of channels) {
    const rates = contracts.get(channel) ?? [];
    const only = rates.length === 1 ? rates[0] : undefined;
    if (only === undefined) continue;
    const same = lines.find((l) => Number(l.rate) === Number(only));
    if (same === undefined) lines.push({ rate: only, channels: [channel] });
    else same.channels.push(channel);
  }
  return lines;
}
