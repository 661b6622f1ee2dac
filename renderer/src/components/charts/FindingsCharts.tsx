import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FindingsChart } from '../../../../shared/api/contract';
import { fen } from '../../../../shared/fen';
import { bucketRange, drawYuan, findingsHref, go, timeTickInterval, yuanTick } from '../../charts/chart-data';
import { formatFen } from '../../format/number';
import { timeGridLines } from '../../charts/time-grid';
import { AxisTick } from './AxisTick';
import { ChartFrame, useEngaged } from './ChartFrame';
import type { LegendItem } from './ChartFrame';

const AT_STAKE = '#dc2626';
const RECOVERED = '#16a34a';
const KIND_COLORS = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#0ea5e9', '#db2777', '#65a30d'];

/** Findings by kind and month (stacked counts); a click opens that month's findings of that kind. */
export const FindingsByKindChart = memo(function FindingsByKindChart({ data }: { data: FindingsChart }) {
  const { t } = useTranslation();
  const [engaged, engage] = useEngaged();
  const rows = data.months.map((m) => {
    const row: Record<string, number | string> = { month: m.month };
    for (const k of data.kinds) row[k] = m.byKind[k]?.count ?? 0;
    return row;
  });
  const kinds = data.kinds.map((kind, i): LegendItem & { kind: string } => ({
    kind,
    name: t(`reconcile.kinds.${kind}`, { defaultValue: kind }),
    color: KIND_COLORS[i % KIND_COLORS.length] ?? '#64748b',
    mark: 'bar',
  }));
  return (
    <ChartFrame id="findings-by-kind" title={t('charts.findingsTitle')} legend={kinds} onEngage={engage}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            stroke="#e5e7eb"
            verticalCoordinatesGenerator={timeGridLines}
          />
          <XAxis dataKey="month" tick={AxisTick} interval={timeTickInterval(rows.length)} />
          <YAxis allowDecimals={false} tick={AxisTick} interval={0} />
          {engaged ? <Tooltip /> : null}
          {kinds.map(({ kind, name, color }) => (
            <Bar
              isAnimationActive={false}
              key={kind}
              dataKey={kind}
              stackId="kinds"
              name={name}
              fill={color}
              cursor="pointer"
              onClick={(_, index) => {
                const m = data.months[index];
                if (m !== undefined) go(findingsHref(bucketRange(m.month), kind));
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});

/** Money at stake against money recovered, per month, in yuan with exact tooltips. */
export const StakeChart = memo(function StakeChart({ data }: { data: FindingsChart }) {
  const { t } = useTranslation();
  const [engaged, engage] = useEngaged();
  const rows = data.months.map((m) => ({
    month: m.month,
    atStake: drawYuan(m.atStakeFen),
    recovered: drawYuan(m.recoveredFen),
  }));
  return (
    <ChartFrame
      id="stake"
      title={t('charts.stakeTitle')}
      legend={[
        { name: t('charts.atStake'), color: AT_STAKE, mark: 'bar' },
        { name: t('charts.recovered'), color: RECOVERED, mark: 'bar' },
      ]}
      onEngage={engage}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid
            strokeDasharray="3 3"
            stroke="#e5e7eb"
            verticalCoordinatesGenerator={timeGridLines}
          />
          <XAxis dataKey="month" tick={AxisTick} interval={timeTickInterval(rows.length)} />
          <YAxis tickFormatter={yuanTick} tick={AxisTick} width={80} interval={0} />
          {engaged ? (
            <Tooltip
              content={({ active, label }) => {
                const m = data.months.find((x) => x.month === label);
                if (active !== true || m === undefined) return null;
                return (
                  <dl className="chart-tooltip">
                    <dt>{m.month}</dt>
                    <dd>
                      {t('charts.atStake')} {formatFen(fen(m.atStakeFen))}
                    </dd>
                    <dd>
                      {t('charts.recovered')} {formatFen(fen(m.recoveredFen))}
                    </dd>
                    <dd>{t('charts.findingsCount', { n: m.count })}</dd>
                  </dl>
                );
              }}
            />
          ) : null}
          <Bar
            isAnimationActive={false}
            dataKey="atStake"
            name={t('charts.atStake')}
            fill={AT_STAKE}
            cursor="pointer"
            onClick={(_, i) => {
              const m = data.months[i];
              if (m !== undefined) go(findingsHref(bucketRange(m.month)));
            }}
          />
          <Bar dataKey="recovered" name={t('charts.recovered')} fill={RECOVERED} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
