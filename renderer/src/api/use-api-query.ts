import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiOutput, DesktopCallName } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/result';
import { useApi } from './use-api';

export type QueryState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };

/** The last successful value of any earlier question, to keep showing while a new one loads. */
export type WithPrevious<T> = { previous: T | null; reload: () => void };

/**
 * Runs a read call when the component mounts and whenever `input` (compared as JSON) or `refreshKey`
 * changes. Each reply is stored with the question it answers, so the page shows "loading" until the
 * answer to the current question arrives, never the answer to an older one.
 */
export function useApiQuery<K extends DesktopCallName>(
  name: K,
  input: ApiInput<K>,
  refreshKey: string | number | null = null,
): QueryState<ApiOutput<K>> & WithPrevious<ApiOutput<K>> {
  const api = useApi();
  const [answer, setAnswer] = useState<{ key: string; result: Result<ApiOutput<K>> } | null>(null);
  const [previous, setPrevious] = useState<ApiOutput<K> | null>(null);
  const [generation, setGeneration] = useState(0);
  const inputKey = JSON.stringify(input);
  const key = JSON.stringify([name, inputKey, refreshKey, generation]);

  useEffect(() => {
    let current = true;
    const parsedInput = JSON.parse(inputKey) as ApiInput<K>;
    api.invoke(name, parsedInput).then(
      (result) => {
        if (!current) return;
        setAnswer({ key, result });
        if (result.ok) setPrevious(result.value);
      },
      () => {
        if (current)
          setAnswer({ key, result: { ok: false, error: { code: 'internal', message: 'invoke rejected' } } });
      },
    );
    return () => {
      current = false;
    };
  }, [api, name, inputKey, key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  if (answer === null || answer.key !== key) return { status: 'loading', previous, reload };
  return answer.result.ok
    ? { status: 'ok', value: answer.result.value, previous, reload }
    : { status: 'error', error: answer.result.error, previous, reload };
}
