import type { ReactElement } from 'react';
import type { RouteId } from '../routing/routes';
import { BankPage } from './BankPage';
import { ChartsPage } from './ChartsPage';
import { ClosePage } from './ClosePage';
import { DisputesPage } from './DisputesPage';
import { ImportPage } from './ImportPage';
import { OverviewPage } from './OverviewPage';
import { ReconcilePage } from './ReconcilePage';
import { ReportsPage } from './ReportsPage';
import { SettingsPage } from './SettingsPage';
import { TransactionsPage } from './TransactionsPage';

/** Each area's page. An area gets its real page by replacing its line here. */
export const PAGES: Record<RouteId, () => ReactElement | null> = {
  overview: () => <OverviewPage />,
  import: () => <ImportPage />,
  transactions: () => <TransactionsPage />,
  bank: () => <BankPage />,
  reconcile: () => <ReconcilePage />,
  charts: () => <ChartsPage />,
  disputes: () => <DisputesPage />,
  close: () => <ClosePage />,
  reports: () => <ReportsPage />,
  settings: () => <SettingsPage />,
};
