import { useTranslation } from 'react-i18next';
import { useBook } from '../book/use-book';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';
import { formatCount } from '../format/number';
import { routeHref } from '../routing/routes';

/** Bank statement lines of the book. Until `bank:*` calls exist it reports what the book holds. */
export function BankPage() {
  const { t } = useTranslation();
  const { current } = useBook();
  const n = current?.counts.bankLines ?? 0;
  return (
    <Page title={t('bank.title')}>
      {n === 0 ? (
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('bank.emptyBody')}
        </EmptyState>
      ) : (
        <p className="notice">{t('bank.inBook', { n: formatCount(n) })}</p>
      )}
    </Page>
  );
}
