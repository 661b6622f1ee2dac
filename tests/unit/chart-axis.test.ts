import { describe, expect, it } from 'vitest';
import { timeTickInterval } from '../../renderer/src/charts/chart-data';

describe('labels on the charts’ time axis', () => {
  it('a month by day labels every third day; a year by month labels every month', () => {
    expect(timeTickInterval(31)).toBe(2);
    expect(timeTickInterval(28)).toBe(2);
    expect(timeTickInterval(12)).toBe(0);
    expect(timeTickInterval(1)).toBe(0);
    // Never more than 12 labels, whatever the range.
    for (const n of [13, 24, 31, 90, 366])
      expect(Math.ceil(n / (timeTickInterval(n) + 1))).toBeLessThanOrEqual(12);
  });
});
