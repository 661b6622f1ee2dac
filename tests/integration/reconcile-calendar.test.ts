/** Under T+1, a year whose official holiday schedule the built-in calendar lacks is named in the summary. */
import { describe, expect, it } from 'vitest';
import {
  ReconcileService,
  reconcileSettings,
  setReconcileSettings,
} from '../../electron/services/reconcile-service';
import { calendarKnowsYear } from '../../electron/services/working-days';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

describe('the working-day calendar', () => {
  const tempDir = useTempDir();

  it('names the years T+1 due dates were reckoned Monday to Friday, and only under T+1', () => {
    expect(calendarKnowsYear(2026)).toBe(true);
    // The year after the newest one the calendar knows (chinese-days gains a year each November).
    let unknown = 2026;
    while (calendarKnowsYear(unknown)) unknown += 1;
    const book = newBook(tempDir());
    const run = (month: string) => new ReconcileService(() => '2030-01-05 10:00:00').run(book, { month });
    expect(run(`${unknown}-03`).summary.calendarUnknownYears).toBeUndefined(); // D+1, the default
    setReconcileSettings(book, { ...reconcileSettings(book), settlementCycle: 'T+1' });
    expect(run(`${unknown}-03`).summary.calendarUnknownYears).toEqual([unknown]);
    // December's settlements reach into January: both years are named when neither is known.
    expect(run(`${unknown}-12`).summary.calendarUnknownYears).toEqual([unknown, unknown + 1]);
    expect(run('2026-08').summary.calendarUnknownYears).toBeUndefined();
    book.close();
  });
});
