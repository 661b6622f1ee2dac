import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useBook } from '../book/use-book';
import { formatStamp } from '../format/number';
import { ErrorNotice } from './ErrorNotice';

/** Books opened before, newest first, except the one open now. Open one, or take it off the list. */
export function RecentBooks({ onOpened }: { onOpened?: () => void }) {
  const { t } = useTranslation();
  const book = useBook();
  const [error, setError] = useState<AppError | null>(null);
  const [busyPath, setBusyPath] = useState<string | null>(null);
  const titleId = useId();
  const others = book.recent.filter((r) => r.path !== book.current?.path);

  const open = async (path: string) => {
    setError(null);
    setBusyPath(path);
    const result = await book.open(path);
    setBusyPath(null);
    if (result.ok) onOpened?.();
    else setError(result.error);
  };

  const forget = async (path: string) => {
    setError(null);
    const result = await book.forget(path);
    if (!result.ok) setError(result.error);
  };

  return (
    <section className="recent-books" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('book.recent')}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('book.noRecent')}</p>
      ) : (
        <ul className="recent-list">
          {others.map((r) => (
            <li key={r.path} className={r.exists ? 'recent-item' : 'recent-item recent-missing'}>
              <div className="recent-text">
                <span className="recent-name">{r.name}</span>
                <span className="recent-path" title={r.path}>
                  {r.path}
                </span>
                <span className="recent-meta">
                  {r.exists ? t('book.lastOpened', { time: formatStamp(r.lastOpenedAt) }) : t('book.missing')}
                </span>
              </div>
              <div className="recent-actions">
                <button
                  type="button"
                  className="button"
                  disabled={!r.exists || busyPath !== null}
                  aria-label={t('book.openRecent', { name: r.name })}
                  onClick={() => void open(r.path)}
                >
                  {t('book.open')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('book.forgetLabel', { name: r.name })}
                  onClick={() => void forget(r.path)}
                >
                  {t('book.forget')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {error !== null ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
