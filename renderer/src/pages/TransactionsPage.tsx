import { useTranslation } from 'react-i18next';
import { useBook } from '../book/use-book';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';
import { formatCount } from '../format/number';
import { routeHref } from '../routing/routes';

/** POS transactions of the book. Until `transactions:*` calls exist it reports what the book holds. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const { current } = useBook();
  const n = current?.counts.posTransactions ?? 0;
  return (
    <Page title={t('transactions.title')}>
      {n === 0 ? (
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('transactions.emptyBody')}
        </EmptyState>
      ) : (
        <p className="notice">{t('transactions.inBook', { n: formatCount(n) })}</p>
      )}
    </Page>
  );
}
