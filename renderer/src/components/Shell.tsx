import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBook } from '../book/use-book';
import { PAGES } from '../pages/registry';
import { WelcomePage } from '../pages/WelcomePage';
import { ROUTES_WITHOUT_BOOK } from '../routing/routes';
import { useHashRoute } from '../routing/use-hash-route';
import { AppHeader } from './AppHeader';
import { ErrorNotice } from './ErrorNotice';
import { NavBar } from './NavBar';

/** Header, navigation and the current area; the welcome screen while no book is open. */
export function Shell() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const book = useBook();

  const bookName = book.current?.name ?? null;

  useEffect(() => {
    const area = t(`nav.${route}`);
    document.title =
      bookName === null ? `${area} · ${t('app.name')}` : `${bookName} · ${area} · ${t('app.name')}`;
  }, [t, route, bookName]);

  let content;
  if (!book.ready) content = <p className="muted">{t('app.loading')}</p>;
  else if (book.current === null && !ROUTES_WITHOUT_BOOK.has(route)) content = <WelcomePage />;
  else content = PAGES[route]();

  return (
    <div className="app">
      <AppHeader />
      <div className="app-body">
        <NavBar current={route} />
        <main id="main" className="main" tabIndex={-1} data-route={route}>
          {book.loadError !== null ? (
            <ErrorNotice error={book.loadError} onRetry={() => void book.refresh()} />
          ) : null}
          {content}
        </main>
      </div>
    </div>
  );
}
