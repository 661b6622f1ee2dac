import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteId } from '../routing/routes';
import type { ChartsPage } from './ChartsPage';
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
let loadedChartsPage: typeof ChartsPage | null = null;
function loadChartsPage(): Promise<typeof ChartsPage> {
  return import('./ChartsPage').then((m) => (loadedChartsPage = m.ChartsPage));
}

/**
 * Loads the lazily loaded pages' code without showing them (called when the browser is idle). A failure
 * is left to the page itself: opening it runs the same import, which then reports it.
 */
export function prefetchLazyPages(): void {
  loadChartsPage().catch(() => undefined);
}

/**
 * The Charts page from its chunk: drawn at once when the chunk is there, a loading line until then.
 * Not React.lazy in a Suspense boundary: React keeps a fallback on screen for ~300 ms before it reveals
 * the content (its reveal throttle), even when the chunk had been prefetched, and the page's queries
 * would wait for that too.
 */
function ChartsPageChunk() {
  const { t } = useTranslation();
  // The component kept in state: a function given to useState would be taken as an initializer.
  const [LoadedPage, setLoadedPage] = useState(() => loadedChartsPage);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    if (LoadedPage === null)
      loadChartsPage().then(
        (page) => setLoadedPage(() => page),
        (e: unknown) => setFailure(e instanceof Error ? e : new Error(String(e))),
      );
  }, [LoadedPage]);
  // A chunk that cannot load is a broken install, as a missing main bundle would be: thrown, not shown.
  if (failure !== null) throw failure;
  return LoadedPage === null ? <p className="muted">{t('app.loading')}</p> : <LoadedPage />;
}

/** Each area's page. An area gets its real page by replacing its line here. */
export const PAGES: Record<RouteId, () => ReactElement | null> = {
  overview: () => <OverviewPage />,
  import: () => <ImportPage />,
  transactions: () => <TransactionsPage />,
  bank: () => <BankPage />,
  reconcile: () => <ReconcilePage />,
  charts: () => <ChartsPageChunk />,
  disputes: () => <DisputesPage />,
  close: () => <ClosePage />,
  reports: () => <ReportsPage />,
  settings: () => <SettingsPage />,
};
