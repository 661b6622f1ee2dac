import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useApi } from '../api/use-api';
import { useApiQuery } from '../api/use-api-query';
import { useBook } from '../book/use-book';
import { AuditLog } from '../components/close/AuditLog';
import { ChecklistPanel } from '../components/close/ChecklistPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';
import { routeHref } from '../routing/routes';
import { formatMonth } from '../format/month';
import { formatStamp } from '../format/number';
import { useLanguage } from '../i18n/use-language';
import { useFocusMonth } from '../month/use-focus-month';

/**
 * 月结: the checklist of the month in focus, closing it (the services then refuse anything that would
 * change it), reopening it with a reason, and the audit log.
 */
export function ClosePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month } = useFocusMonth();
  const { current } = useBook();
  const api = useApi();
  const [confirmed, setConfirmed] = useState<{ month: string; days: string[] }>({ month, days: [] });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const days = confirmed.month === month ? confirmed.days : [];
  const checklist = useApiQuery(
    'close:checklist',
    { month, noTradeDays: days },
    `${current?.path ?? ''}|${refresh}`,
  );
  const audit = useApiQuery('audit:list', { limit: 30 }, `${current?.path ?? ''}|${refresh}`);
  if (current === null) return null;
  if (current.counts.posTransactions === 0) {
    return (
      <Page title={t('close.title')}>
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('close.emptyBody')}
        </EmptyState>
      </Page>
    );
  }

  const monthName = formatMonth(month, language);
  const list = checklist.status === 'ok' ? checklist.value : checklist.previous;
  const closed = list?.period.state === 'closed';

  const act = async (run: () => Promise<{ ok: boolean; error?: AppError }>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) {
      setError(result.error ?? null);
      return;
    }
    setDone(message);
    setReason('');
    setRefresh((r) => r + 1);
  };
  const closeMonth = () =>
    act(
      () => api.invoke('close:close', { month, noTradeDays: days }),
      t('close.closedDone', { month: monthName }),
    );
  const reopenMonth = () =>
    act(
      () => api.invoke('close:reopen', { month, reason: reason.trim() }),
      t('close.reopenedDone', { month: monthName }),
    );
  const toggleDay = (day: string, on: boolean) =>
    setConfirmed({ month, days: on ? [...days, day] : days.filter((d) => d !== day) });

  return (
    <Page
      title={t('close.title')}
      actions={
        closed ? undefined : (
          <button
            type="button"
            className="button button-primary"
            data-testid="close-month"
            disabled={busy || !list?.canClose}
            onClick={() => void closeMonth()}
          >
            {busy ? t('close.closing') : t('close.closeButton')}
          </button>
        )
      }
    >
      <p className="lead" data-testid="close-state" data-state={list?.period.state ?? ''}>
        {list === null
          ? t('close.loading')
          : closed
            ? t('close.stateClosed', { month: monthName, time: formatStamp(list.period.closedAt ?? '') })
            : t('close.stateOpen', { month: monthName })}
      </p>
      {list?.period.reopenReason ? (
        <p className="muted">
          {t('close.reopenedNote', {
            time: formatStamp(list.period.reopenedAt ?? ''),
            reason: list.period.reopenReason,
          })}
        </p>
      ) : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
      {checklist.status === 'error' ? (
        <ErrorNotice error={checklist.error} onRetry={checklist.reload} />
      ) : null}
      {done !== null ? (
        <div className="notice notice-success" role="status" data-testid="close-done">
          {done}
        </div>
      ) : null}

      {list ? (
        <section className="card" aria-labelledby="checklist-title">
          <h2 id="checklist-title">{t('close.checklistTitle')}</h2>
          <ChecklistPanel
            items={list.items}
            confirmed={new Set(days)}
            locked={closed}
            onConfirm={toggleDay}
          />
        </section>
      ) : null}

      {closed ? (
        <section className="card form" aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('close.reopenTitle')}</h2>
          <p className="muted">{t('close.reopenHint')}</p>
          <label htmlFor="reopen-reason">{t('close.reopenReason')}</label>
          <div className="form-row">
            <input
              id="reopen-reason"
              data-testid="reopen-reason"
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <button
              type="button"
              className="button"
              data-testid="reopen-month"
              disabled={busy || reason.trim() === ''}
              onClick={() => void reopenMonth()}
            >
              {t('close.reopenButton')}
            </button>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title">{t('close.auditTitle')}</h2>
        {audit.status === 'ok' ? <AuditLog entries={audit.value} /> : null}
      </section>
    </Page>
  );
}
