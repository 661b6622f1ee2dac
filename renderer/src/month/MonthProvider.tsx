import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { isMonthText, shiftMonth, thisMonth } from '../format/month';
import type { MonthText } from '../format/month';
import { MonthContext } from './month-context';
import type { FocusMonth } from './month-context';

const STORAGE_KEY = 'feetrail.month';

function readStoredMonth(): MonthText {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    if (isMonthText(stored)) return stored;
  } catch {
    // No storage: start on this month.
  }
  return thisMonth();
}

/**
 * Keeps the month in focus for this window session (a new session starts on this month, which is
 * what a bookkeeper opening the app expects).
 */
export function MonthProvider({ children }: { children: ReactNode }) {
  const [month, setMonthState] = useState<MonthText>(readStoredMonth);

  const setMonth = useCallback((next: MonthText) => {
    if (!isMonthText(next)) return;
    setMonthState(next);
    try {
      window.sessionStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Kept in memory only.
    }
  }, []);

  const value = useMemo<FocusMonth>(
    () => ({ month, setMonth, shift: (delta) => setMonth(shiftMonth(month, delta)) }),
    [month, setMonth],
  );
  return <MonthContext.Provider value={value}>{children}</MonthContext.Provider>;
}
