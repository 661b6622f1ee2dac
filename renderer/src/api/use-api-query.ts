import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiOutput, DesktopCallName } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/result';
import { takePrimedQuery } from './primed-queries';
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
  const inputKey = JSON.stringify(input);
  // A call started before the page mounted (primed-queries.ts) serves the first question; when it has
  // already answered, the first render shows its answer.
  const [primed] = useState(() => {
    const taken = takePrimedQuery(name, inputKey, refreshKey);
    if (taken === null) return null;
    // `atMount`: the answer as it stood at the first render, which shows it (it may come in later).
    return {
      key: JSON.stringify([name, inputKey, refreshKey, 0]),
      answer: taken.answer,
      atMount: taken.settled,
    };
  });
  const [answer, setAnswer] = useState<{ key: string; result: Result<ApiOutput<K>> } | null>(() =>
    primed?.atMount != null ? { key: primed.key, result: primed.atMount } : null,
  );
  const [previous, setPrevious] = useState<ApiOutput<K> | null>(() =>
    primed?.atMount?.ok === true ? primed.atMount.value : null,
  );
  // Whether the primed call is still to be used: by the first run of the effect only.
  const primedUnused = useRef(primed !== null);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([name, inputKey, refreshKey, generation]);

  useEffect(() => {
    const fromPrimed = primedUnused.current && primed?.key === key ? primed : null;
    primedUnused.current = false;
    if (fromPrimed?.atMount != null) return;
    let current = true;
    const parsedInput = JSON.parse(inputKey) as ApiInput<K>;
    (fromPrimed?.answer ?? api.invoke(name, parsedInput)).then(
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
  }, [api, name, inputKey, key, primed]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  if (answer === null || answer.key !== key) return { status: 'loading', previous, reload };
  return answer.result.ok
    ? { status: 'ok', value: answer.result.value, previous, reload }
    : { status: 'error', error: answer.result.error, previous, reload };
}
