import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';
import { routeHref } from '../routing/routes';

type EmptyArea = 'reconcile' | 'charts' | 'disputes' | 'close' | 'reports';

/**
 * An area whose data does not exist yet: its title and how to get data in, with a link to Import.
 * Each area replaces this with its real page as its calls land in the contract.
 */
export function EmptyAreaPage({ area }: { area: EmptyArea }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`${area}.title`)}>
      <EmptyState
        action={
          <a className="button" href={routeHref('import')}>
            {t('overview.goImport')}
          </a>
        }
      >
        {t(`${area}.emptyBody`)}
      </EmptyState>
    </Page>
  );
}
