import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { BookInfo } from '../../../shared/api/contract';
import type { Result } from '../../../shared/result';
import type { Transport } from '../api/transport';
import { useApi } from '../api/use-api';
import { BookContext } from './book-context';
import type { BookActions, BookContextValue, BookState } from './book-context';

/** Reads the open book and the recent list; returns how to update the state with them. */
async function readBookState(api: Transport): Promise<(s: BookState) => BookState> {
  const [current, recent] = await Promise.all([
    api.invoke('book:current', {}),
    api.invoke('book:recent', {}),
  ]);
  return (s) => ({
    ready: true,
    current: current.ok ? current.value : s.current,
    recent: recent.ok ? recent.value : s.recent,
    loadError: !current.ok ? current.error : !recent.ok ? recent.error : null,
    revision: s.revision + 1,
  });
}

const INITIAL: BookState = { ready: false, current: null, recent: [], loadError: null, revision: 0 };

/** Holds which book is open for the whole UI; every change goes through the typed API. */
export function BookProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<BookState>(INITIAL);

  const refresh = useCallback(() => readBookState(api).then(setState), [api]);

  useEffect(() => {
    let current = true;
    readBookState(api).then(
      (apply) => {
        if (current) setState(apply);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  /** Runs a call that opens a book; on success the book and the recent list are re-read. */
  const opening = useCallback(
    async (run: () => Promise<Result<BookInfo>>): Promise<Result<BookInfo>> => {
      const result = await run();
      if (result.ok) await refresh();
      return result;
    },
    [refresh],
  );

  const actions = useMemo<BookActions>(
    () => ({
      create: (name) => opening(() => api.invoke('book:create', { name })),
      open: (path) => opening(() => api.invoke('book:open', { path })),
      async openFile() {
        const picked = await api.pickFiles({ filter: 'books', multiple: false });
        if (!picked.ok) return picked;
        const file = picked.value[0];
        if (file === undefined) return { ok: true, value: null };
        return opening(() => api.invoke('book:open', { fileId: file.fileId }));
      },
      openDefault: () => opening(() => api.invoke('book:openDefault', {})),
      async close() {
        const result = await api.invoke('book:close', {});
        if (result.ok) await refresh();
        return result;
      },
      async forget(path) {
        const result = await api.invoke('book:forget', { path });
        if (result.ok) setState((s) => ({ ...s, recent: result.value }));
        return result;
      },
      refresh,
    }),
    [api, opening, refresh],
  );

  const value = useMemo<BookContextValue>(() => ({ ...state, ...actions }), [state, actions]);
  return <BookContext.Provider value={value}>{children}</BookContext.Provider>;
}
