import { useContext } from 'react';
import { BookContext } from './book-context';
import type { BookContextValue } from './book-context';

/** The open book, the recent list, and the actions that change them. */
export function useBook(): BookContextValue {
  const value = useContext(BookContext);
  if (value === null) throw new Error('useBook() used outside <BookProvider>');
  return value;
}
