import { z } from 'zod';
import type { FindingKind } from '../domain/reconcile/types';
import { CHANNELS } from '../domain/types';
import type { Channel } from '../domain/types';
import type { Fen } from '../money';
import type { RatePercent } from '../rate';
import { call } from './define';
import { monthSchema } from './reconcile';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const GRANULARITIES = ['day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Turnover, fees and rates of one bucket (a day or a month), for one channel or all of them. */
export type SeriesPoint = {
  /** `YYYY-MM-DD` (day) or `YYYY-MM` (month). */
  bucket: string;
  /** Successful sales − voids − refunds, in fen (the reconcile summary's turnover). */
  turnoverFen: Fen;
  /** Fees the rows charged (negative = returned), in fen (the reconcile summary's fees charged). */
  feesFen: Fen;
  txnCount: number;
  /** feesFen / turnoverFen in percent, 4 decimals; null without turnover. */
  effectiveRate: RatePercent | null;
  /** The contract's rate for these sales (see shared/domain/chart-series.ts); null when no rule prices them. */
  contractedRate: RatePercent | null;
};

/** Findings on one day (and channel, when the finding has one): the markers on the time axis. */
export type FindingMarker = {
  date: string;
  channel: Channel | null;
  kinds: FindingKind[];
  count: number;
  deltaFen: Fen;
  /** The first finding's id, to open it. */
  firstId: number;
};

export type ChannelSeries = { channel: Channel | 'all'; points: SeriesPoint[] };

export type ChartSeries = {
  from: string;
  to: string;
  granularity: Granularity;
  /** Every bucket of the range, in order (buckets without data have zero points). */
  buckets: string[];
  /** The total first, then each channel that has data in the range (or the one asked for). */
  series: ChannelSeries[];
  markers: FindingMarker[];
};

export type FindingsByMonth = {
  month: string;
  byKind: Partial<Record<FindingKind, { count: number; deltaFen: Fen }>>;
  count: number;
  /** Positive deltas of current findings not yet settled (open, to dispute, disputed), in fen. */
  atStakeFen: Fen;
  recoveredFen: Fen;
};

export type FindingsChart = { from: string; to: string; kinds: FindingKind[]; months: FindingsByMonth[] };

export type ChannelFigures = {
  channel: Channel;
  turnoverFen: Fen;
  feesFen: Fen;
  txnCount: number;
  effectiveRate: RatePercent | null;
  contractedRate: RatePercent | null;
};

export type NextStep =
  | { step: 'import_pos'; route: 'import'; days: string[] }
  | { step: 'import_bank'; route: 'import' }
  | { step: 'reconcile_never' | 'reconcile_stale'; route: 'reconcile' }
  | { step: 'triage'; route: 'reconcile'; count: number };

export type Overview = {
  month: string;
  period: { from: string; to: string };
  turnoverFen: Fen;
  feesFen: Fen;
  txnCount: number;
  effectiveRate: RatePercent | null;
  contractedRate: RatePercent | null;
  byChannel: ChannelFigures[];
  /** Positive deltas of the month's current findings not yet settled, in fen. */
  atStakeFen: Fen;
  openFindings: number;
  /** Days of the month (up to today) with no POS row, not declared as no-trade days. */
  daysWithoutPos: string[];
  bankLineCount: number;
  lastRun: { ranAt: string; stale: boolean } | null;
  nextSteps: NextStep[];
};

export const seriesInputSchema = z
  .object({
    from: localDate,
    to: localDate,
    granularity: z.enum(GRANULARITIES),
    channel: z.enum(CHANNELS).optional(),
  })
  .strict()
  .refine((p) => p.from <= p.to, 'from is after to')
  .refine((p) => p.granularity === 'month' || p.to.slice(0, 7) <= addMonthText(p.from.slice(0, 7), 12), {
    message: 'a daily series covers at most about a year',
  });

function addMonthText(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export type SeriesInput = z.input<typeof seriesInputSchema>;

export const chartsCalls = {
  /** The month at a glance: totals, rates, money at stake and what to do next. */
  'overview:get': call<Overview>()(z.object({ month: monthSchema }).strict()),
  /** Turnover, fees and rates per day or month, in total and per channel, with findings markers. */
  'charts:series': call<ChartSeries>()(seriesInputSchema),
  /** Findings by kind and month, money at stake against recovered. */
  'charts:findings': call<FindingsChart>()(
    z
      .object({ from: localDate, to: localDate })
      .strict()
      .refine((p) => p.from <= p.to, 'from is after to'),
  ),
};
