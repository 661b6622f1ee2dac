import { lazy, Suspense } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteId } from '../routing/routes';
import { BankPage } from './BankPage';
import { ClosePage } from './ClosePage';
import { DisputesPage } from './DisputesPage';
import { ImportPage } from './ImportPage';
import { OverviewPage } from './OverviewPage';
import { ReconcilePage } from './ReconcilePage';
import { ReportsPage } from './ReportsPage';
import { SettingsPage } from './SettingsPage';
import { TransactionsPage } from './TransactionsPage';

/**
 * The Charts page and recharts (with d3, about half of the renderer's code) load as a chunk of their
 * own, so the window opens without parsing them. prefetchLazyPages() fetches it once the app is idle,
 * so a click on 图表 does not wait for the file or its parsing either.
 */
const loadChartsPage = () => import('./ChartsPage');
const ChartsPage = lazy(() => loadChartsPage().then((m) => ({ default: m.ChartsPage })));

/**
 * Loads the lazily loaded pages' code without showing them (called when the browser is idle). A failure
 * is left to the page itself: opening it runs the same import, which then reports it.
 */
export function prefetchLazyPages(): void {
  loadChartsPage().catch(() => undefined);
}

function PageLoading() {
  const { t } = useTranslation();
  return <p className="muted">{t('app.loading')}</p>;
}

/** Each area's page. An area gets its real page by replacing its line here. */
export const PAGES: Record<RouteId, () => ReactElement | null> = {
  overview: () => <OverviewPage />,
  import: () => <ImportPage />,
  transactions: () => <TransactionsPage />,
  bank: () => <BankPage />,
  reconcile: () => <ReconcilePage />,
  charts: () => (
    <Suspense fallback={<PageLoading />}>
      <ChartsPage />
    </Suspense>
  ),
  disputes: () => <DisputesPage />,
  close: () => <ClosePage />,
  reports: () => <ReportsPage />,
  settings: () => <SettingsPage />,
};
