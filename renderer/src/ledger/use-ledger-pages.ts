import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';

export const PAGE_SIZE = 200;

export type LedgerPage<Row, Totals> = { rows: Row[]; total: number; totals: Totals };

type Loaded<Row, Totals> = {
  key: string;
  total: number;
  totals: Totals;
  pages: ReadonlyMap<number, Row[]>;
};

export type LedgerPages<Row, Totals> = {
  status: 'loading' | 'ok' | 'error';
  error: AppError | null;
  total: number;
  totals: Totals | null;
  /** The row at `index`, or undefined while its page is loading. */
  rowAt: (index: number) => Row | undefined;
  /** Makes sure the pages covering rows [start, end] are loaded (called by the virtualised table). */
  ensureRange: (start: number, end: number) => void;
};

/**
 * A filtered table of any size, loaded page by page as it scrolls (200 rows a page). `key` names the
 * question (the filter as JSON): when it changes, everything loaded for the old one is dropped.
 */
export function useLedgerPages<Row, Totals>(
  key: string,
  fetchPage: (offset: number, limit: number) => Promise<Result<LedgerPage<Row, Totals>>>,
): LedgerPages<Row, Totals> {
  const [loaded, setLoaded] = useState<Loaded<Row, Totals> | null>(null);
  const [error, setError] = useState<{ key: string; error: AppError } | null>(null);
  const requested = useRef<{ key: string; pages: Set<number> }>({ key: '', pages: new Set() });
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  }, [fetchPage]);

  const load = useCallback(
    (page: number) => {
      if (requested.current.key !== key) requested.current = { key, pages: new Set() };
      if (requested.current.pages.has(page)) return;
      requested.current.pages.add(page);
      fetchRef.current(page * PAGE_SIZE, PAGE_SIZE).then(
        (result) => {
          if (requested.current.key !== key) return;
          if (!result.ok) {
            requested.current.pages.delete(page);
            setError({ key, error: result.error });
            return;
          }
          setLoaded((prev) => {
            const pages = new Map(prev !== null && prev.key === key ? prev.pages : []);
            pages.set(page, result.value.rows);
            return { key, total: result.value.total, totals: result.value.totals, pages };
          });
        },
        () => undefined,
      );
    },
    [key],
  );

  useEffect(() => {
    load(0);
  }, [load]);

  const current = loaded !== null && loaded.key === key ? loaded : null;
  const currentError = error !== null && error.key === key ? error.error : null;

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page += 1)
        load(page);
    },
    [load],
  );

  const rowAt = useCallback(
    (index: number) => current?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [current],
  );

  return {
    status: currentError !== null ? 'error' : current === null ? 'loading' : 'ok',
    error: currentError,
    total: current?.total ?? 0,
    totals: current?.totals ?? null,
    rowAt,
    ensureRange,
  };
}
