import { createContext } from 'react';
import type { BookInfo, RecentBook } from '../../../shared/api/contract';
import type { AppError, Result } from '../../../shared/result';

export type BookState = {
  /** False until the first `book:current` and `book:recent` replies arrived. */
  ready: boolean;
  current: BookInfo | null;
  recent: RecentBook[];
  /** Why loading the book state failed, if it did. */
  loadError: AppError | null;
  /** Bumped after every change to the open book, so pages reload what they show. */
  revision: number;
};

export type BookActions = {
  create: (name: string) => Promise<Result<BookInfo>>;
  open: (path: string) => Promise<Result<BookInfo>>;
  /** Desktop only: open a book file chosen in the native dialog; `ok(null)` when cancelled. */
  openFile: () => Promise<Result<BookInfo | null>>;
  openDefault: () => Promise<Result<BookInfo>>;
  close: () => Promise<Result<null>>;
  forget: (path: string) => Promise<Result<RecentBook[]>>;
  refresh: () => Promise<void>;
};

export type BookContextValue = BookState & BookActions;

export const BookContext = createContext<BookContextValue | null>(null);
