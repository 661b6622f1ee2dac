import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ImportJob } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/result';
import { useApi } from '../api/use-api';

const POLL_MS = 250;

export type ImportJobState = {
  job: ImportJob | null;
  /** A failure to start or to poll (not the import's own failure, which is `job.error`). */
  error: AppError | null;
  cancelling: boolean;
  start: (input: ApiInput<'imports:start'>) => Promise<void>;
  cancel: () => Promise<void>;
};

/**
 * One import run: `imports:start` returns at once, then `imports:job` is polled for the row count
 * until the job is done, failed or cancelled. The import itself runs off the UI thread in the services.
 */
export function useImportJob(onFinished?: (job: ImportJob) => void): ImportJobState {
  const api = useApi();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  const jobId = job?.state === 'running' ? job.jobId : null;
  useEffect(() => {
    if (jobId === null) return;
    let alive = true;
    let timer: number | undefined;
    const poll = async () => {
      const result = await api.invoke('imports:job', { jobId });
      if (!alive) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setJob(result.value);
      if (result.value.state === 'running') timer = window.setTimeout(() => void poll(), POLL_MS);
      else {
        setCancelling(false);
        finished.current?.(result.value);
      }
    };
    timer = window.setTimeout(() => void poll(), POLL_MS);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [api, jobId]);

  const start = useCallback(
    async (input: ApiInput<'imports:start'>) => {
      setError(null);
      setCancelling(false);
      const result = await api.invoke('imports:start', input);
      if (result.ok) setJob(result.value);
      else setError(result.error);
    },
    [api],
  );

  const cancel = useCallback(async () => {
    if (jobId === null) return;
    setCancelling(true);
    const result = await api.invoke('imports:cancel', { jobId });
    if (!result.ok) setError(result.error);
  }, [api, jobId]);

  return { job, error, cancelling, start, cancel };
}
