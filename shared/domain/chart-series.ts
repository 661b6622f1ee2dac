/**
 * Shaping the book's SQL aggregates into chart series. The database sums rows per day, channel, card
 * kind and scope (electron/db/charts-repo.ts); this module rolls those groups up to days or months,
 * totals and channels, and derives the rates. Pure: no I/O, unit-tested against known groups.
 *
 * Contracted rate: for each group, the rule of the rate card version in force on that day (selectCard →
 * versionOn → matchRule with the group's average sale amount) gives a headline rate, weighted by the
 * group's successful sales. This is the rate the bookkeeper reads on the contract ("支付宝 0.38%"), so
 * a rate rise shows as the effective line leaving it. Caps, minimums and fixed charges are not in it
 * (the reconcile summary's expected fees are, row by row); an amount-tiered rule is picked by the
 * group's average amount. Computing it per group rather than per row keeps a year's series fast.
 */
import type { ChannelSeries, Granularity, SeriesPoint } from '../api/charts';
import { D, effectiveRatePercent, fen, rateDecimal, type Fen, type RatePercent } from '../money';
import type { RateCard, RateCardVersion } from './rate-card';
import { matchRule, selectCard, versionOn } from './rate-card-match';
import type { CardKind, Channel } from './types';

/** One SQL group: the rows of one day, channel, card kind, merchant and terminal. Amounts in fen. */
export type DayGroup = {
  date: string;
  channel: Channel;
  cardKind: CardKind;
  merchantNo: string | null;
  terminalId: string | null;
  turnoverFen: number;
  feesFen: number;
  txnCount: number;
  /** Successful sales only: the base the contracted rate is weighted by. */
  salesFen: number;
  salesCount: number;
};

export function bucketOf(date: string, granularity: Granularity): string {
  return granularity === 'month' ? date.slice(0, 7) : date;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every day (or month) from `from` to `to`, inclusive. */
export function bucketsBetween(from: string, to: string, granularity: Granularity): string[] {
  const out: string[] = [];
  if (granularity === 'day') {
    for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  } else {
    const last = to.slice(0, 7);
    for (let m = from.slice(0, 7); m <= last; m = nextMonth(m)) out.push(m);
  }
  return out;
}

/** The headline rate the contract sets for a group's sales, or null when no card or rule prices them. */
export function contractedRateOf(
  group: DayGroup,
  cards: readonly RateCard[],
  versions: Map<string, RateCardVersion | null> = new Map(),
): RatePercent | null {
  // The version lookups repeat for every channel and card kind of a day: remember them per call.
  const key = `${group.merchantNo ?? ''}|${group.terminalId ?? ''}|${group.date}`;
  let version = versions.get(key);
  if (version === undefined) {
    const card = selectCard(cards, { merchantNo: group.merchantNo, terminalId: group.terminalId });
    version = card ? versionOn(card, group.date) : null;
    versions.set(key, version);
  }
  if (!version || group.salesCount === 0) return null;
  const amountFen = fen(Math.round(group.salesFen / group.salesCount));
  const rule = matchRule(version, {
    channel: group.channel,
    cardKind: group.cardKind,
    txnType: 'sale',
    amountFen,
  });
  return rule ? rule.ratePercent : null;
}

/** Rates enter the weighted sum as exact integers of 10⁻⁶ percent (no rate card uses finer rates). */
const RATE_SCALE = 1_000_000;
const SCALED = new Map<RatePercent, bigint>();

function scaledRate(rate: RatePercent): bigint {
  let v = SCALED.get(rate);
  if (v === undefined) {
    const d = rateDecimal(rate).times(RATE_SCALE);
    if (!d.isInteger()) throw new RangeError(`rate ${rate} has more than 6 decimals`);
    v = BigInt(d.toFixed(0));
    SCALED.set(rate, v);
  }
  return v;
}

type Acc = {
  turnoverFen: number;
  feesFen: number;
  txnCount: number;
  /** Σ rate × sales over the groups a rule prices (percent × 10⁶ × fen, exact BigInt), and Σ of those sales. */
  contractNumerator: bigint;
  contractWeightFen: number;
};

function emptyAcc(): Acc {
  return { turnoverFen: 0, feesFen: 0, txnCount: 0, contractNumerator: 0n, contractWeightFen: 0 };
}

function add(acc: Acc, g: DayGroup, rate: RatePercent | null): void {
  acc.turnoverFen += g.turnoverFen;
  acc.feesFen += g.feesFen;
  acc.txnCount += g.txnCount;
  if (rate !== null && g.salesFen > 0) {
    acc.contractNumerator += scaledRate(rate) * BigInt(g.salesFen);
    acc.contractWeightFen += g.salesFen;
  }
}

function point(bucket: string, acc: Acc | undefined): SeriesPoint {
  const a = acc ?? emptyAcc();
  return {
    bucket,
    turnoverFen: fen(a.turnoverFen),
    feesFen: fen(a.feesFen),
    txnCount: a.txnCount,
    effectiveRate: effectiveRatePercent(fen(a.feesFen), fen(a.turnoverFen)),
    contractedRate:
      a.contractWeightFen === 0
        ? null
        : new D(a.contractNumerator.toString())
            .dividedBy(RATE_SCALE)
            .dividedBy(a.contractWeightFen)
            .toFixed(4, D.ROUND_HALF_UP),
  };
}

/**
 * Series for the range: the total first, then each channel with data (only `channel` when given).
 * Every bucket of the range appears in every series, with zeros where nothing was sold.
 */
export function buildSeries(
  groups: readonly DayGroup[],
  cards: readonly RateCard[],
  range: { from: string; to: string; granularity: Granularity; channel?: Channel },
): { buckets: string[]; series: ChannelSeries[] } {
  const buckets = bucketsBetween(range.from, range.to, range.granularity);
  const accs = new Map<string, Map<string, Acc>>();
  const versions = new Map<string, RateCardVersion | null>();
  const at = (key: string, bucket: string): Acc => {
    let byBucket = accs.get(key);
    if (!byBucket) accs.set(key, (byBucket = new Map<string, Acc>()));
    let acc = byBucket.get(bucket);
    if (!acc) byBucket.set(bucket, (acc = emptyAcc()));
    return acc;
  };
  for (const g of groups) {
    if (g.date < range.from || g.date > range.to) continue;
    if (range.channel !== undefined && g.channel !== range.channel) continue;
    const bucket = bucketOf(g.date, range.granularity);
    const rate = contractedRateOf(g, cards, versions);
    add(at('all', bucket), g, rate);
    add(at(g.channel, bucket), g, rate);
  }
  const channels = CHANNEL_ORDER.filter((c) => accs.has(c));
  const keys: (Channel | 'all')[] = range.channel !== undefined ? [range.channel] : ['all', ...channels];
  return {
    buckets,
    series: keys.map((channel) => ({
      channel,
      points: buckets.map((b) => point(b, accs.get(channel)?.get(b))),
    })),
  };
}

const CHANNEL_ORDER: readonly Channel[] = ['card', 'wechat', 'alipay', 'unionpay_qr'];

/** A rate as the UI prints it: at least two decimals, no trailing zeros past that ("0.3800" → "0.38"). */
export function displayRate(rate: RatePercent | null): string {
  if (rate === null) return '–';
  const [int, dec = ''] = rate.split('.');
  const trimmed = dec.replace(/0+$/, '').padEnd(2, '0');
  return `${int ?? '0'}.${trimmed}`;
}

/** Sum helper for Fen columns coming back from SQL. */
export function asFen(n: number | null | undefined): Fen {
  return fen(n ?? 0);
}
