import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiContext } from './api/api-context';
import type { TransportChoice } from './api/choose-transport';
import { BookProvider } from './book/BookProvider';
import { NoTokenScreen } from './components/NoTokenScreen';
import { Shell } from './components/Shell';
import { MonthProvider } from './month/MonthProvider';
import { prefetchLazyPages } from './pages/registry';

/** The composition root of the UI: the transport and the language are chosen once, in main.tsx. */
export function App({ transport, i18n }: { transport: TransportChoice; i18n: I18n }) {
  // The pages split off the first bundle are fetched once the window has nothing else to do.
  useEffect(() => {
    const id = requestIdleCallback(prefetchLazyPages);
    return () => cancelIdleCallback(id);
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      {transport.ok ? (
        <ApiContext.Provider value={transport.transport}>
          <BookProvider>
            <MonthProvider>
              <Shell />
            </MonthProvider>
          </BookProvider>
        </ApiContext.Provider>
      ) : (
        <NoTokenScreen />
      )}
    </I18nextProvider>
  );
}
