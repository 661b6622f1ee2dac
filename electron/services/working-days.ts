/**
 * China's working-day calendar for T+1 settlement: statutory holidays and the 调休 make-up working
 * days, from chinese-days. The State Council publishes each year's schedule around November of the
 * year before, so a package release knows the years up to its own; later years fall back to Monday
 * to Friday, and reconciliation says so (see yearsWithoutCalendar).
 */
import chineseDays from 'chinese-days';

export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(date);
}

const knownYears = new Map<number, boolean>();

/** True when the calendar has the year's official schedule: every year has statutory holidays on weekdays. */
export function calendarKnowsYear(year: number): boolean {
  let known = knownYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    knownYears.set(year, known);
  }
  return known;
}

/** The years from `from` to `to` (YYYY-MM-DD) whose schedule the calendar does not have. */
export function yearsWithoutCalendar(from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!calendarKnowsYear(y)) out.push(y);
  return out;
}
