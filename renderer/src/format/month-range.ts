import { shiftMonth } from './month';
import type { MonthText } from './month';

/** First and last day of a month as `YYYY-MM-DD` (calendar arithmetic only, no time zone). */
export function monthRange(month: MonthText): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * The month holding most days of `from`…`to` (`YYYY-MM-DD`; the later month on a tie): the month a
 * file of those dates is about. A bank statement of 08-02…09-01 is August's, a POS export of
 * 07-25…08-31 too.
 */
export function mainMonthOf(from: string, to: string): MonthText {
  let best = to.slice(0, 7);
  let bestDays = 0;
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftMonth(month, 1)) {
    const range = monthRange(month);
    const first = range.from > from ? range.from : from;
    const last = range.to < to ? range.to : to;
    const days = Number(last.slice(8)) - Number(first.slice(8)) + 1;
    if (days >= bestDays) {
      best = month;
      bestDays = days;
    }
  }
  return best;
}
