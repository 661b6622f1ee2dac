import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useBook } from '../book/use-book';
import { CreateBookForm } from './CreateBookForm';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { OpenBookButtons } from './OpenBookButtons';
import { RecentBooks } from './RecentBooks';

/** The header's book button: shows the open book; opens a dialog to switch, create or close books. */
export function BookSwitcher() {
  const { t } = useTranslation();
  const book = useBook();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const done = () => setOpen(false);

  const closeBook = async () => {
    setError(null);
    const result = await book.close();
    if (result.ok) done();
    else setError(result.error);
  };

  return (
    <div className="book-switcher">
      <button
        type="button"
        className="book-button"
        aria-haspopup="dialog"
        title={t('book.switcher')}
        onClick={() => setOpen(true)}
      >
        <span className="book-button-caption">{t('book.currentLabel')}</span>
        <span className="book-button-name" data-testid="current-book-name">
          {book.current?.name ?? t('header.noBook')}
        </span>
      </button>
      <Dialog open={open} title={t('book.switcher')} onClose={done} wide>
        {book.current !== null ? (
          <section className="current-book">
            <h3>{t('book.currentLabel')}</h3>
            <p className="current-book-name">{book.current.name}</p>
            <p className="muted path-text">
              {t('book.location')}: {book.current.path}
            </p>
            <button type="button" className="button button-quiet" onClick={() => void closeBook()}>
              {t('book.closeBook')}
            </button>
            {error !== null ? <ErrorNotice error={error} /> : null}
          </section>
        ) : null}
        <RecentBooks onOpened={done} />
        <section className="new-book">
          <h3>{t('book.createTitle')}</h3>
          <CreateBookForm onCreated={done} autoFocus />
        </section>
        <OpenBookButtons onOpened={done} />
      </Dialog>
    </div>
  );
}
