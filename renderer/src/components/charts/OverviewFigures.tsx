import { useTranslation } from 'react-i18next';
import type { NextStep } from '../../../../shared/api/contract';
import { fen } from '../../../../shared/fen';
import { useApiQuery } from '../../api/use-api-query';
import { useBook } from '../../book/use-book';
import { formatMonth } from '../../format/month';
import { formatCount, formatFen, formatRatePercent } from '../../format/number';
import { useLanguage } from '../../i18n/use-language';
import { useFocusMonth } from '../../month/use-focus-month';
import { routeHref } from '../../routing/routes';
import { ErrorNotice } from '../ErrorNotice';
import '../../styles/charts.css';

/** The month in focus at a glance: totals, rates, money at stake, and the next steps as links. */
export function OverviewFigures() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month } = useFocusMonth();
  const { revision } = useBook();
  const q = useApiQuery('overview:get', { month }, revision);
  if (q.status === 'loading') return <p className="muted">{t('charts.loading')}</p>;
  if (q.status === 'error') return <ErrorNotice error={q.error} onRetry={q.reload} />;
  const o = q.value;
  const stepText = (s: NextStep): string => {
    switch (s.step) {
      case 'import_pos':
        return t('charts.overview.steps.import_pos', {
          n: formatCount(s.days.length),
          days: s.days.length > 4 ? `${s.days.slice(0, 4).join('、')}…` : s.days.join('、'),
        });
      case 'triage':
        return t('charts.overview.steps.triage', { n: formatCount(s.count) });
      default:
        return t(`charts.overview.steps.${s.step}`);
    }
  };
  const figures: [string, string, string][] = [
    ['turnover', t('charts.overview.turnover'), formatFen(fen(o.turnoverFen))],
    ['fees', t('charts.overview.fees'), formatFen(fen(o.feesFen))],
    ['effective', t('charts.overview.effectiveRate'), formatRatePercent(o.effectiveRate)],
    ['contracted', t('charts.overview.contractedRate'), formatRatePercent(o.contractedRate)],
    ['stake', t('charts.overview.atStake'), formatFen(fen(o.atStakeFen))],
    ['open', t('charts.overview.openFindings'), formatCount(o.openFindings)],
    ['missing', t('charts.overview.daysWithoutPos'), formatCount(o.daysWithoutPos.length)],
  ];
  return (
    <section aria-label={t('charts.overview.figures', { month: formatMonth(month, language) })}>
      <h2>{t('charts.overview.figures', { month: formatMonth(month, language) })}</h2>
      <dl className="overview-figures" data-testid="overview-figures">
        {figures.map(([key, label, value]) => (
          <div key={key} data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('charts.overview.nextSteps')}</h3>
      {o.nextSteps.length === 0 ? (
        <p>{t('charts.overview.allDone')}</p>
      ) : (
        <ul data-testid="overview-next-steps">
          {o.nextSteps.map((s) => (
            <li key={s.step} data-step={s.step}>
              <a href={routeHref(s.route)}>{stepText(s)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
