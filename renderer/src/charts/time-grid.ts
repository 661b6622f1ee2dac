import type { CartesianGridProps } from 'recharts';

type VerticalLines = NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>;

/**
 * Where a time chart's vertical grid lines go: at the labelled buckets (every `interval + 1`th, from the
 * first, at the middle of its band) and at both edges of the plot, which is what recharts' own
 * generator draws for a category axis with a fixed label interval. recharts' generator also runs in
 * the chart's first render passes, before its XAxis has registered, on an implicit axis whose labels are
 * picked by measuring each one's text in a hidden span (getBoundingClientRect, a forced layout): some
 * 20 ms of opening the Charts page, for lines the next pass replaces. Until the chart's axis is there
 * (its fixed interval a number), this draws none.
 */
export const timeGridLines: VerticalLines = ({ xAxis, offset }) => {
  const interval = xAxis?.interval;
  const scale = xAxis?.scale;
  if (typeof interval !== 'number' || scale === undefined) return [];
  // The buckets, as recharts takes them for the grid: its categorical domain when it keeps one (for an
  // axis with a set scale), else the scale's.
  const domain = xAxis?.categoricalDomain ?? scale.domain();
  // Every bucket that has a place, then every `interval + 1`th of them, as recharts picks the labels;
  // at a band's middle (recharts' grid offset on a category axis; a point scale's bands have no width).
  const half = (scale.bandwidth?.() ?? 0) / 2;
  const places = domain.flatMap((bucket) => {
    const x = scale.map(bucket);
    return x !== undefined && Number.isFinite(x) ? [x] : [];
  });
  const lines = places.filter((_, i) => i % (interval + 1) === 0).map((x) => x + half);
  const left = offset.left;
  const right = offset.left + offset.width;
  if (!lines.includes(left)) lines.push(left);
  if (!lines.includes(right)) lines.push(right);
  return lines;
};
