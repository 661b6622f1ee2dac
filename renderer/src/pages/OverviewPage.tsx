import { useTranslation } from 'react-i18next';
import type { BookCounts } from '../../../shared/api/contract';
import { useBook } from '../book/use-book';
import { OverviewFigures } from '../components/charts/OverviewFigures';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { GoToMonthButton } from '../components/GoToMonthButton';
import { Page } from '../components/Page';
import { formatMonth } from '../format/month';
import { monthRange } from '../format/month-range';
import { formatStamp } from '../format/number';
import { useLanguage } from '../i18n/use-language';
import { useBookDates } from '../import/use-book-dates';
import { useFocusMonth } from '../month/use-focus-month';
import { routeHref } from '../routing/routes';

type CountRow = { key: keyof BookCounts; n: number };
const COUNT_KEYS: readonly (keyof BookCounts)[] = [
  'posTransactions',
  'bankLines',
  'importBatches',
  'mappingTemplates',
];

/** What the open book holds and the next step of the month's work. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month } = useFocusMonth();
  const { current, revision } = useBook();
  const posDates = useBookDates('pos', revision);
  if (current === null) return null;
  const range = monthRange(month);
  // The book's POS rows are all in other months: reconciling this one would find nothing.
  const posElsewhere = posDates !== null && (posDates.to < range.from || posDates.from > range.to);

  const { counts } = current;
  const rows: CountRow[] = COUNT_KEYS.map((key) => ({ key, n: counts[key] }));
  const columns: Column<CountRow>[] = [
    {
      kind: 'text',
      key: 'item',
      header: t('overview.item'),
      value: (row) => t(`overview.counts.${row.key}`),
    },
    { kind: 'count', key: 'n', header: t('overview.quantity'), value: (row) => row.n },
  ];
  const empty = counts.posTransactions === 0 && counts.bankLines === 0;

  return (
    <Page title={t('overview.title')}>
      <p className="lead" data-testid="overview-book">
        {t('overview.bookTitle', { name: current.name })}
        {current.createdAt !== null ? (
          <span className="muted">
            {' '}
            · {t('overview.createdAt', { time: formatStamp(current.createdAt) })}
          </span>
        ) : null}
      </p>
      {empty ? (
        <EmptyState
          title={t('overview.emptyTitle')}
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('overview.emptyBody')}
        </EmptyState>
      ) : (
        <section className="next-step" aria-label={t('overview.nextTitle')}>
          <h2>{t('overview.nextTitle')}</h2>
          {counts.posTransactions === 0 || counts.bankLines === 0 ? (
            <p>
              {counts.posTransactions === 0 ? t('overview.needPos') : t('overview.needBank')}{' '}
              <a href={routeHref('import')}>{t('overview.goImport')}</a>
            </p>
          ) : posElsewhere ? (
            <p>
              {t('overview.noPosInMonth', {
                month: formatMonth(month, language),
                from: posDates.from,
                to: posDates.to,
              })}{' '}
              <GoToMonthButton month={posDates.latestMonth} />
            </p>
          ) : (
            <p>
              {t('overview.ready', { month: formatMonth(month, language) })}{' '}
              <a href={routeHref('reconcile')}>{t('overview.goReconcile')}</a>
            </p>
          )}
        </section>
      )}
      {empty ? null : <OverviewFigures />}
      <DataTable caption={t('overview.contents')} columns={columns} rows={rows} rowKey={(row) => row.key} />
    </Page>
  );
}
