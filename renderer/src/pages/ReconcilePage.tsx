import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { useBook } from '../book/use-book';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { FindingsPanel } from '../components/reconcile/FindingsPanel';
import { ReconcileSummaryPanel } from '../components/reconcile/ReconcileSummaryPanel';
import { TriageReasonDialog } from '../components/reconcile/TriageReasonDialog';
import type { ReasonRequest } from '../components/reconcile/TriageReasonDialog';
import { formatMonth } from '../format/month';
import { monthRange } from '../format/month-range';
import { formatStamp } from '../format/number';
import { useLanguage } from '../i18n/use-language';
import { useFocusMonth } from '../month/use-focus-month';
import { useReconcile } from '../reconcile/use-reconcile';
import type { TriageState } from '../reconcile/use-reconcile';
import { routeHref } from '../routing/routes';

/**
 * Reconcile the month in focus (the header's month): run it, read the 余额调节表-style summary, and
 * triage the findings by kind — accept, dismiss with a reason, mark to dispute, or reopen.
 */
export function ReconcilePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month } = useFocusMonth();
  const { current } = useBook();
  const view = useReconcile(month, current?.path ?? '');
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const [triageError, setTriageError] = useState<AppError | null>(null);
  const settle = useRef<((stored: boolean) => void) | null>(null);
  if (current === null) return null;

  const range = monthRange(month);
  const monthName = formatMonth(month, language);
  const { report } = view;

  const requestTriage = (ids: number[], state: TriageState): Promise<boolean> => {
    setTriageError(null);
    if (state === 'accepted' || state === 'dismissed') {
      settle.current?.(false);
      return new Promise((resolve) => {
        settle.current = resolve;
        setReasonRequest({ ids, state });
      });
    }
    return view.triage(ids, state).then((result) => {
      if (!result.ok) setTriageError(result.error);
      return result.ok;
    });
  };

  const closeReason = (stored: boolean) => {
    settle.current?.(stored);
    settle.current = null;
    setReasonRequest(null);
  };

  const runButton = (
    <button
      type="button"
      className="button button-primary"
      data-testid="run-reconcile"
      disabled={view.running}
      onClick={() => void view.run()}
    >
      {view.running ? t('reconcile.running') : t('reconcile.run')}
    </button>
  );

  const empty = current.counts.posTransactions === 0 && current.counts.bankLines === 0;

  return (
    <Page title={t('reconcile.title')} actions={runButton}>
      <p className="lead" data-testid="reconcile-period">
        {t('reconcile.period', { month: monthName, from: range.from, to: range.to })}
        {report ? (
          <span className="muted"> · {t('reconcile.ranAt', { time: formatStamp(report.ranAt) })}</span>
        ) : null}
      </p>

      {view.runError !== null ? <ErrorNotice error={view.runError} /> : null}
      {view.loadError !== null ? <ErrorNotice error={view.loadError} onRetry={view.reload} /> : null}
      {triageError !== null ? <ErrorNotice error={triageError} /> : null}

      {report === undefined && view.loadError === null ? <p className="muted">{t('app.loading')}</p> : null}

      {report === null ? (
        <EmptyState
          title={t('reconcile.notRunTitle', { month: monthName })}
          action={
            empty ? (
              <a className="button" href={routeHref('import')}>
                {t('overview.goImport')}
              </a>
            ) : undefined
          }
        >
          {empty ? t('reconcile.emptyBody') : t('reconcile.notRunBody')}
        </EmptyState>
      ) : null}

      {report ? (
        <>
          {report.stale ? (
            <div className="notice notice-stale" role="status" data-testid="reconcile-stale">
              <strong>{t('reconcile.staleTitle')}</strong>
              <p>{t('reconcile.staleBody')}</p>
            </div>
          ) : null}
          <ReconcileSummaryPanel summary={report.summary} findings={report.findings} />
          {report.findings.length === 0 ? (
            <div className="notice" role="status" data-testid="reconcile-clean">
              {t('reconcile.clean')}
            </div>
          ) : (
            <FindingsPanel findings={report.findings} onTriage={requestTriage} />
          )}
        </>
      ) : null}

      <TriageReasonDialog
        request={reasonRequest}
        onCancel={() => closeReason(false)}
        onConfirm={async (reason) => {
          if (reasonRequest === null) return null;
          const result = await view.triage(reasonRequest.ids, reasonRequest.state, reason);
          if (!result.ok) return result.error;
          closeReason(true);
          return null;
        }}
      />
    </Page>
  );
}
