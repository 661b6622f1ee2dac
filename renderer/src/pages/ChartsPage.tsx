import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/domain/types';
import type { Channel } from '../../../shared/domain/types';
import { useApiQuery } from '../api/use-api-query';
import { useBook } from '../book/use-book';
import { findingsInput, seriesInput } from '../charts/charts-queries';
import type { RangeKind } from '../charts/charts-queries';
import { FindingsByKindChart, StakeChart } from '../components/charts/FindingsCharts';
import { RateChart, TurnoverChart } from '../components/charts/SeriesCharts';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { useFocusMonth } from '../month/use-focus-month';
import { routeHref } from '../routing/routes';
import '../styles/charts.css';

/** Fees, rates and findings over time: the month in focus by day, or the twelve months up to it. */
export function ChartsPage() {
  const { current } = useBook();
  // Keyed by the book: what ChartsView keeps on screen while loading is never another book's.
  return current === null ? null : <ChartsView key={current.path} />;
}

function ChartsView() {
  const { t } = useTranslation();
  const { month } = useFocusMonth();
  const { revision } = useBook();
  const [rangeKind, setRangeKind] = useState<RangeKind>('month');
  const [channel, setChannel] = useState<Channel | ''>('');
  const rangeId = useId();
  const channelId = useId();

  const input = useMemo(() => seriesInput(month, rangeKind, channel), [month, rangeKind, channel]);
  const range = useMemo(() => findingsInput(input), [input]);
  // One series call serves both charts: the total and every channel (or the one channel picked) are
  // what the turnover chart and the rate chart draw. Both calls go out together.
  const series = useApiQuery('charts:series', input, revision);
  const findings = useApiQuery('charts:findings', range, revision);

  const loading = series.status === 'loading' || findings.status === 'loading';
  const error =
    series.status === 'error' ? series.error : findings.status === 'error' ? findings.error : null;
  // While another range or channel loads, the charts drawn stay on screen, dimmed and marked busy,
  // and recharts updates them in place when the answer arrives: no blank page between two views,
  // and no tearing down and re-measuring of every chart (most of a switch's time). Before the first
  // answer there is only the loading line: the charts are first drawn with their figures, in one set-up.
  // (Setting them up on a blank series while the book answers, then updating them with the figures,
  // cost nearly twice the main-thread time of one set-up with the figures, and the press on 图表
  // starts the page's calls, so they mostly have answered when the page mounts: see useChartsPrimer.)
  const shown = series.status === 'ok' ? series.value : series.status === 'loading' ? series.previous : null;
  const shownFindings =
    findings.status === 'ok' ? findings.value : findings.status === 'loading' ? findings.previous : null;
  const hasData = shown !== null && shown.series.some((s) => s.points.some((p) => p.txnCount > 0));

  return (
    <Page title={t('charts.title')}>
      <div className="chart-controls" role="search">
        <div className="filter-group">
          <label htmlFor={rangeId}>{t('charts.rangeLabel')}</label>
          <select
            id={rangeId}
            value={rangeKind}
            onChange={(e) => setRangeKind(e.target.value === 'year' ? 'year' : 'month')}
          >
            <option value="month">{t('charts.ranges.month')}</option>
            <option value="year">{t('charts.ranges.year')}</option>
          </select>
        </div>
        <div className="filter-group">
          <label htmlFor={channelId}>{t('charts.channelLabel')}</label>
          <select
            id={channelId}
            value={channel}
            onChange={(e) => {
              const v = e.target.value;
              setChannel((CHANNELS as readonly string[]).includes(v) ? (v as Channel) : '');
            }}
          >
            <option value="">{t('charts.allChannels')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`ledger.channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted">{t('charts.clickHint')}</p>
      </div>

      {error !== null ? <ErrorNotice error={error} /> : null}
      {loading ? (
        <p className="muted" aria-live="polite" data-testid="charts-loading">
          {t('charts.loading')}
        </p>
      ) : null}
      {series.status === 'ok' && !hasData ? (
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('charts.noData')}
        </EmptyState>
      ) : null}
      {shown !== null && hasData ? (
        <div
          data-testid="charts"
          data-from={shown.from}
          data-to={shown.to}
          aria-busy={loading}
          className={loading ? 'charts-stale' : undefined}
        >
          {shown.series[0] !== undefined ? <TurnoverChart series={shown.series[0]} /> : null}
          <RateChart data={shown} />
          {shownFindings !== null && shownFindings.kinds.length > 0 ? (
            <>
              <FindingsByKindChart data={shownFindings} />
              <StakeChart data={shownFindings} />
            </>
          ) : null}
          {shownFindings !== null && shownFindings.kinds.length === 0 ? (
            <p className="muted">{t('charts.noFindings')}</p>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
