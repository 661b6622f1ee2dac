import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { rateTick, timeTickInterval } from '../../renderer/src/charts/chart-data';
import { AxisTick } from '../../renderer/src/components/charts/AxisTick';

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

describe('an axis label', () => {
  const tick = (
    value: string | number,
    verticalAnchor: 'start' | 'middle' | 'end',
    format?: typeof rateTick,
  ) =>
    renderToStaticMarkup(
      createElement(AxisTick, {
        x: 110.5,
        y: 268,
        payload: { value, coordinate: 110.5, index: 0, offset: 0 },
        index: 0,
        tickFormatter: format,
        textAnchor: 'middle',
        verticalAnchor,
        fill: '#666',
        angle: 0,
        stroke: 'none',
        visibleTicksCount: 5,
      }),
    );

  it('is one line of text placed as recharts’ Text places one line (cap height 0.71em)', () => {
    expect(tick('2026-08-01', 'start')).toBe(
      '<text x="110.5" y="268" text-anchor="middle" fill="#666" font-size="11" class="recharts-text recharts-cartesian-axis-tick-value"><tspan x="110.5" dy="0.71em">2026-08-01</tspan></text>',
    );
    expect(tick(0.6, 'middle', rateTick)).toContain('<tspan x="110.5" dy="0.355em">0.60%</tspan>');
    expect(tick('x', 'end')).toContain('dy="0"');
  });
});
