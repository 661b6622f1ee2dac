import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useBook } from '../book/use-book';
import { formatStamp } from '../format/number';
import { ErrorNotice } from './ErrorNotice';

/** Books opened before, newest first; the open one is marked. Open one, or take it off the list. */
export function RecentBooks({ onOpened }: { onOpened?: () => void }) {
  const { t } = useTranslation();
  const book = useBook();
  const [error, setError] = useState<AppError | null>(null);
  const [busyPath, setBusyPath] = useState<string | null>(null);
  const titleId = useId();
  const currentPath = book.current?.path ?? null;

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
      {book.recent.length === 0 ? (
        <p className="muted">{t('book.noRecent')}</p>
      ) : (
        <ul className="recent-list">
          {book.recent.map((r) => (
            <li
              key={r.path}
              className={r.exists ? 'recent-item' : 'recent-item recent-missing'}
              aria-current={r.path === currentPath ? 'true' : undefined}
            >
              <div className="recent-text">
                <span className="recent-name">
                  {r.name}
                  {r.path === currentPath ? <span className="badge">{t('book.isCurrent')}</span> : null}
                </span>
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
                  disabled={!r.exists || busyPath !== null || r.path === currentPath}
                  aria-label={t('book.openRecent', { name: r.name })}
                  onClick={() => void open(r.path)}
                >
                  {t('book.open')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  disabled={r.path === currentPath}
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
