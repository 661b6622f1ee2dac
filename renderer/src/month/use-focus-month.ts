import { useContext } from 'react';
import { MonthContext } from './month-context';
import type { FocusMonth } from './month-context';

/** The month in focus and how to change it. */
export function useFocusMonth(): FocusMonth {
  const value = useContext(MonthContext);
  if (value === null) throw new Error('useFocusMonth() used outside <MonthProvider>');
  return value;
}
