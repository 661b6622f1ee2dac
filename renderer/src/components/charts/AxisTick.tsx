import type { BaseTickContentProps } from 'recharts';

/**
 * How far the label's baseline sits below its anchor point, as recharts' Text places one line with
 * its default cap height (0.71em): under the point on the time axis, centred on it on a value axis.
 */
const DY: Record<BaseTickContentProps['verticalAnchor'], string> = {
  start: '0.71em',
  middle: '0.355em',
  end: '0',
};

/**
 * An axis label as one line of plain SVG text, formatted by the axis's tickFormatter. recharts'
 * default label gets the axis's width, and a label with a width is measured word by word in the DOM to
 * wrap it (a hidden span read with getBoundingClientRect, which forces a layout of the page on each
 * first label of a render pass). Its Text component, even without a width, splits the words, works out
 * the line offset with CSS calc arithmetic in decimals and measures its box after each render; a page of
 * charts draws some 130 labels. The labels here (dates, rates, yuan) are short and never wrap. The
 * markup is the one recharts' Text draws for one line, so print and the saved SVG look the same.
 */
export function AxisTick({
  x,
  y,
  payload,
  index,
  tickFormatter,
  textAnchor,
  verticalAnchor,
  fill,
}: BaseTickContentProps) {
  const value: unknown = payload.value;
  const label = tickFormatter !== undefined ? tickFormatter(value, index) : String(value);
  return (
    <text
      x={x}
      y={y}
      textAnchor={textAnchor}
      fill={fill}
      fontSize={11}
      className="recharts-text recharts-cartesian-axis-tick-value"
    >
      <tspan x={x} dy={DY[verticalAnchor]}>
        {label}
      </tspan>
    </text>
  );
}
