import { createContext } from 'react';
import type { MonthText } from '../format/month';

export type FocusMonth = {
  /** The month in focus (YYYY-MM): the one every month page shows, always visible in the header. */
  month: MonthText;
  setMonth: (month: MonthText) => void;
  shift: (delta: number) => void;
};

export const MonthContext = createContext<FocusMonth | null>(null);
