import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../../shared/result';
import { useApi } from '../api/use-api';
import { useBook } from '../book/use-book';
import { ErrorNotice } from './ErrorNotice';

/**
 * Other ways to open a book: the default book in the user-data folder, a sample book filled with a
 * generated month (to see FeeTrail working in one click), and (desktop only, where a
 * native dialog can name a file in place) a .feetrail file anywhere on the computer.
 */
export function OpenBookButtons({ onOpened }: { onOpened?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const book = useBook();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  /** A sample book is opened by the services; the shell then re-reads which book is open. */
  const opening = async <T,>(call: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await call;
    if (result.ok) await book.refresh();
    return result;
  };

  const run = async (action: () => Promise<Result<unknown>>) => {
    setError(null);
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (result.value !== null) onOpened?.();
  };

  return (
    <div className="open-book-buttons">
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void run(book.openDefault)}>
          {t('book.openDefault')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => opening(api.invoke('book:createSample', {})))}
        >
          {busy ? t('common.working') : t('book.openSample')}
        </button>
        {api.kind === 'desktop' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void run(book.openFile)}>
            {t('book.openFile')}
          </button>
        ) : null}
      </div>
      {error !== null ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
