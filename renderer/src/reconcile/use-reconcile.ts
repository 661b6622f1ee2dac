import { useCallback, useState } from 'react';
import type { FindingView, ReconcileReport, TRIAGE_STATES } from '../../../shared/api/reconcile';
import type { AppError, Result } from '../../../shared/result';
import { useApi } from '../api/use-api';
import { useApiQuery } from '../api/use-api-query';
import type { MonthText } from '../format/month';
import { applyTriage } from './finding-groups';

export type TriageState = (typeof TRIAGE_STATES)[number];

export type ReconcileView = {
  /** The stored run of this month (null: never reconciled), or undefined while it loads. */
  report: ReconcileReport | null | undefined;
  loadError: AppError | null;
  reload: () => void;
  running: boolean;
  runError: AppError | null;
  run: () => Promise<void>;
  /** Sets the triage state of findings; the list (and every total) shows the new state at once. */
  triage: (ids: number[], state: TriageState, reason?: string) => Promise<Result<FindingView[]>>;
};

/**
 * The month's reconciliation: the latest stored run (`reconcile:latest`), a new run on demand, and
 * triage decisions applied to the run on screen as soon as the service confirms them.
 * `bookKey` changes when another book is opened, which reloads everything.
 */
export function useReconcile(month: MonthText, bookKey: string): ReconcileView {
  const api = useApi();
  const latest = useApiQuery('reconcile:latest', { month }, bookKey);
  const key = `${bookKey}|${month}`;
  // A run or a triage made on this page wins over the stored run read when the page opened.
  const [local, setLocal] = useState<{ key: string; report: ReconcileReport } | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [runError, setRunError] = useState<{ key: string; error: AppError } | null>(null);

  let report: ReconcileReport | null | undefined;
  if (local !== null && local.key === key) report = local.report;
  else if (latest.status === 'ok') report = latest.value;
  else report = undefined;

  const run = useCallback(async () => {
    setRunning(key);
    setRunError(null);
    const result = await api.invoke('reconcile:run', { month });
    setRunning(null);
    if (result.ok) setLocal({ key, report: result.value });
    else setRunError({ key, error: result.error });
  }, [api, key, month]);

  const triage = useCallback(
    async (ids: number[], state: TriageState, reason?: string) => {
      const result = await api.invoke('findings:triage', {
        ids,
        state,
        ...(reason === undefined || reason.trim() === '' ? {} : { reason: reason.trim() }),
      });
      if (result.ok) {
        const changed = result.value;
        setLocal((prev) => {
          const base = prev !== null && prev.key === key ? prev.report : report;
          return base ? { key, report: { ...base, findings: applyTriage(base.findings, changed) } } : prev;
        });
      }
      return result;
    },
    [api, key, report],
  );

  return {
    report,
    loadError: latest.status === 'error' && !(local !== null && local.key === key) ? latest.error : null,
    reload: latest.reload,
    running: running === key,
    runError: runError !== null && runError.key === key ? runError.error : null,
    run,
    triage,
  };
}
