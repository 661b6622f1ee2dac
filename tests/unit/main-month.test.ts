import { describe, expect, it } from 'vitest';
import { mainMonthOf } from '../../renderer/src/format/month-range';

describe('the month a file of dates is about', () => {
  it('is the month holding most of its days', () => {
    expect(mainMonthOf('2026-08-01', '2026-08-31')).toBe('2026-08');
    // A bank statement that runs into the next month's first settlement.
    expect(mainMonthOf('2026-08-02', '2026-09-01')).toBe('2026-08');
    // A POS export that starts in the last week of the month before.
    expect(mainMonthOf('2026-07-25', '2026-08-31')).toBe('2026-08');
    expect(mainMonthOf('2025-12-20', '2026-01-05')).toBe('2025-12');
    expect(mainMonthOf('2026-03-15', '2026-03-15')).toBe('2026-03');
  });

  it('is the later month on a tie, and the middle one across three', () => {
    expect(mainMonthOf('2026-04-16', '2026-05-15')).toBe('2026-05');
    expect(mainMonthOf('2026-01-20', '2026-03-10')).toBe('2026-02');
  });
});
