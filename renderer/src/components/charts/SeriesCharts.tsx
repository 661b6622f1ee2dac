import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartSeries, ChannelSeries } from '../../../../shared/api/contract';
import { displayRate } from '../../../../shared/domain/chart-series';
import type { Channel } from '../../../../shared/domain/types';
import { fen } from '../../../../shared/fen';
import {
  bucketRange,
  contractedRates,
  drawRate,
  drawYuan,
  go,
  rateRows,
  rateTick,
  referenceRates,
  timeTickInterval,
  transactionsHref,
  yuanTick,
} from '../../charts/chart-data';
import { formatFen, formatRatePercent } from '../../format/number';
import { timeGridLines } from '../../charts/time-grid';
import { AxisTick } from './AxisTick';
import { ChartFrame, useEngaged } from './ChartFrame';
import type { LegendItem } from './ChartFrame';

const COLORS: Record<Channel | 'all', string> = {
  all: '#334155',
  card: '#2563eb',
  wechat: '#16a34a',
  alipay: '#0ea5e9',
  unionpay_qr: '#dc2626',
};

const TURNOVER = '#93c5fd';
const FEES = '#f59e0b';
const EFFECTIVE = '#b91c1c';
const CONTRACTED = '#475569';
const MARKER = '#b91c1c';

type DotProps = { cx?: number; cy?: number; index?: number };

/**
 * Bars of turnover and fees with the effective rate against the contracted rate (total or one channel).
 * Each chart is memoised: the page re-renders as each of its calls answers, a chart only for new data.
 */
export const TurnoverChart = memo(function TurnoverChart({ series }: { series: ChannelSeries }) {
  const { t } = useTranslation();
  const [engaged, engage] = useEngaged();
  const rows = series.points.map((p) => ({
    bucket: p.bucket,
    turnover: drawYuan(p.turnoverFen),
    fees: drawYuan(p.feesFen),
    effective: p.turnoverFen > 0 ? drawRate(p.effectiveRate) : null,
    contracted: drawRate(p.contractedRate),
  }));
  const open = (index: number) => {
    const p = series.points[index];
    if (p !== undefined) go(transactionsHref(bucketRange(p.bucket), series.channel));
  };
  return (
    <ChartFrame
      id={`turnover-${series.channel}`}
      title={t('charts.turnoverTitle')}
      legend={[
        { name: t('charts.turnover'), color: TURNOVER, mark: 'bar' },
        { name: t('charts.fees'), color: FEES, mark: 'bar' },
        { name: t('charts.effectiveRate'), color: EFFECTIVE, mark: 'line' },
        { name: t('charts.contractedRate'), color: CONTRACTED, mark: 'dashed' },
      ]}
      onEngage={engage}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            stroke="#e5e7eb"
            verticalCoordinatesGenerator={timeGridLines}
          />
          <XAxis dataKey="bucket" tick={AxisTick} interval={timeTickInterval(rows.length)} />
          {/* Every value tick shown (five by default, they fit): no measuring of the labels either. */}
          <YAxis yAxisId="yuan" tickFormatter={yuanTick} tick={AxisTick} width={80} interval={0} />
          <YAxis yAxisId="rate" orientation="right" tickFormatter={rateTick} tick={AxisTick} interval={0} />
          {engaged ? (
            <Tooltip
              content={({ active, label }) => {
                const p = series.points.find((x) => x.bucket === label);
                if (active !== true || p === undefined) return null;
                return (
                  <dl className="chart-tooltip">
                    <dt>{p.bucket}</dt>
                    <dd>
                      {t('charts.turnover')} {formatFen(p.turnoverFen)}
                    </dd>
                    <dd>
                      {t('charts.fees')} {formatFen(p.feesFen)}
                    </dd>
                    <dd>
                      {t('charts.effectiveRate')} {formatRatePercent(p.effectiveRate)}
                    </dd>
                    <dd>
                      {t('charts.contractedRate')} {formatRatePercent(p.contractedRate)}
                    </dd>
                  </dl>
                );
              }}
            />
          ) : null}
          <Bar
            isAnimationActive={false}
            yAxisId="yuan"
            dataKey="turnover"
            name={t('charts.turnover')}
            fill={TURNOVER}
            onClick={(_, i) => open(i)}
            cursor="pointer"
          />
          <Bar
            isAnimationActive={false}
            yAxisId="yuan"
            dataKey="fees"
            name={t('charts.fees')}
            fill={FEES}
            onClick={(_, i) => open(i)}
            cursor="pointer"
          />
          <Line
            yAxisId="rate"
            dataKey="effective"
            name={t('charts.effectiveRate')}
            stroke={EFFECTIVE}
            connectNulls
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="contracted"
            name={t('charts.contractedRate')}
            stroke={CONTRACTED}
            strokeDasharray="6 4"
            type="stepAfter"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});

/**
 * Effective rate per channel over time against its contracted rate: a labelled reference line when the
 * contract sets one rate over the range (a rise shows as the line stepping away from it), a dashed step
 * when it changes (a rate card change, or a card channel's debit/credit mix, which differs every day:
 * one reference line per value drew dozens of overlapping labels). Findings are marked on the time
 * axis. Dots and markers open what is behind.
 */
export const RateChart = memo(function RateChart({ data }: { data: ChartSeries }) {
  const { t } = useTranslation();
  const [engaged, engage] = useEngaged();
  const channels = data.series.filter((s): s is ChannelSeries & { channel: Channel } => s.channel !== 'all');
  const rows = rateRows(data);
  const contracts = new Map(channels.map((s) => [s.channel, contractedRates(s.points)]));
  // Each channel's line, then its contracted rate when that draws as a step (one rate is a labelled
  // reference line in the chart), then the findings markers.
  const legend = channels.flatMap((s): LegendItem[] => {
    const channel = t(`ledger.channels.${s.channel}`);
    const line: LegendItem = { name: channel, color: COLORS[s.channel], mark: 'line' };
    if ((contracts.get(s.channel)?.length ?? 0) < 2) return [line];
    const name = t('charts.contractedOfChannel', { channel });
    return [line, { name, color: COLORS[s.channel], mark: 'dashed' }];
  });
  if (data.markers.length > 0) legend.push({ name: t('charts.markers'), color: MARKER, mark: 'marker' });
  const markerAt = (bucket: string) => data.markers.filter((m) => m.date.startsWith(bucket));
  return (
    <ChartFrame
      id="rates"
      title={t('charts.rateTitle')}
      legend={legend}
      table={<RateTable data={data} />}
      onEngage={engage}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            stroke="#e5e7eb"
            verticalCoordinatesGenerator={timeGridLines}
          />
          <XAxis dataKey="bucket" tick={AxisTick} interval={timeTickInterval(rows.length)} />
          <YAxis tickFormatter={rateTick} tick={AxisTick} domain={[0, 'auto']} interval={0} />
          {engaged ? (
            <Tooltip formatter={(value, name) => [typeof value === 'number' ? rateTick(value) : '', name]} />
          ) : null}
          {referenceRates(
            channels.map((s) => s.channel),
            contracts,
          ).map((line) => (
            <ReferenceLine
              key={`ref-${line.rate}`}
              y={Number(line.rate)}
              stroke={line.channels.length === 1 ? COLORS[line.channels[0] ?? 'all'] : CONTRACTED}
              strokeDasharray="6 4"
              label={{
                value: t('charts.contractedOf', {
                  channel: line.channels
                    .map((c) => t(`ledger.channels.${c}`))
                    .join(t('common.listSeparator')),
                  rate: displayRate(line.rate),
                }),
                position: 'insideBottomRight',
                fontSize: 11,
              }}
            />
          ))}
          {channels.map((s) => {
            const rates = contracts.get(s.channel) ?? [];
            return rates.length < 2 ? null : (
              <Line
                key={`contracted-${s.channel}`}
                dataKey={`contracted_${s.channel}`}
                name={t('charts.contractedOfChannel', { channel: t(`ledger.channels.${s.channel}`) })}
                stroke={COLORS[s.channel]}
                strokeDasharray="6 4"
                type="stepAfter"
                connectNulls
                dot={false}
                isAnimationActive={false}
              />
            );
          })}
          {channels.map((s) => (
            <Line
              key={s.channel}
              dataKey={`rate_${s.channel}`}
              name={t(`ledger.channels.${s.channel}`)}
              stroke={COLORS[s.channel]}
              isAnimationActive={false}
              connectNulls
              dot={(props: DotProps) => {
                const p = s.points[props.index ?? -1];
                if (
                  p === undefined ||
                  p.turnoverFen === 0 ||
                  props.cx === undefined ||
                  props.cy === undefined
                )
                  return <g key={`${s.channel}-${props.index}`} />;
                return (
                  <circle
                    key={`${s.channel}-${p.bucket}`}
                    className="rate-dot"
                    data-channel={s.channel}
                    data-bucket={p.bucket}
                    data-rate={p.effectiveRate ?? ''}
                    cx={props.cx}
                    cy={props.cy}
                    r={4}
                    fill={COLORS[s.channel]}
                    cursor="pointer"
                    onClick={() => go(transactionsHref(bucketRange(p.bucket), s.channel))}
                  />
                );
              }}
            />
          ))}
          {/* Only with findings to mark: a Scatter is one more chart part that sets itself up, and
              a point (drawn empty) per bucket. */}
          {data.markers.length > 0 ? (
            <Scatter
              dataKey="marker"
              name={t('charts.markers')}
              fill={MARKER}
              isAnimationActive={false}
              shape={(props: DotProps & { payload?: { bucket: string } }) => {
                const bucket = props.payload?.bucket ?? '';
                const m = markerAt(bucket);
                if (props.cx === undefined || props.cy === undefined || m.length === 0) return <g />;
                const channel = m.find((x) => x.channel !== null)?.channel ?? undefined;
                const kinds = [...new Set(m.flatMap((x) => x.kinds))].join(' ');
                return (
                  <path
                    className="finding-marker"
                    data-bucket={bucket}
                    data-kinds={kinds}
                    d={`M${props.cx},${props.cy + 6} l-6,-10 h12 z`}
                    fill={MARKER}
                    cursor="pointer"
                    onClick={() => go(transactionsHref(bucketRange(bucket), channel ?? 'all'))}
                  >
                    <title>{kinds}</title>
                  </path>
                );
              }}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});

/**
 * The figures behind the rate chart, exact, one row per bucket and channel with data. Built when the
 * reader opens it: a month by day is some 150 rows of 7 cells, a fair part of drawing the page, that a
 * closed <details> neither shows nor prints.
 */
function RateTable({ data }: { data: ChartSeries }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('charts.showTable')}</summary>
      {open ? <RateTableBody data={data} /> : null}
    </details>
  );
}

function RateTableBody({ data }: { data: ChartSeries }) {
  const { t } = useTranslation();
  const rows = data.series.flatMap((s) => s.points.filter((p) => p.txnCount > 0).map((p) => ({ s, p })));
  return (
    <table className="table" data-testid="rate-table">
      <caption>{t('charts.tableCaption', { title: t('charts.rateTitle') })}</caption>
      <thead>
        <tr>
          <th>{t('charts.bucket')}</th>
          <th>{t('charts.channel')}</th>
          <th>{t('charts.turnover')}</th>
          <th>{t('charts.fees')}</th>
          <th>{t('charts.effectiveRate')}</th>
          <th>{t('charts.contractedRate')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ s, p }) => (
          <tr
            key={`${s.channel}-${p.bucket}`}
            data-channel={s.channel}
            data-bucket={p.bucket}
            data-effective={p.effectiveRate ?? ''}
            data-contracted={p.contractedRate ?? ''}
          >
            <td>{p.bucket}</td>
            <td>{s.channel === 'all' ? t('charts.total') : t(`ledger.channels.${s.channel}`)}</td>
            <td className="num">{formatFen(fen(p.turnoverFen))}</td>
            <td className="num">{formatFen(fen(p.feesFen))}</td>
            <td className="num">{formatRatePercent(p.effectiveRate)}</td>
            <td className="num">{formatRatePercent(p.contractedRate)}</td>
            <td>
              <a href={transactionsHref(bucketRange(p.bucket), s.channel)}>{t('charts.openTxns')}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
