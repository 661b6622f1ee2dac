import type { MonthText } from './month';

/** First and last day of a month as `YYYY-MM-DD` (calendar arithmetic only, no time zone). */
export function monthRange(month: MonthText): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}
