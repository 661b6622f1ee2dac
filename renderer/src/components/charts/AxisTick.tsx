import { Text } from 'recharts';
import type { BaseTickContentProps } from 'recharts';

/**
 * An axis label as one line of text, formatted by the axis's tickFormatter. recharts' default label
 * gets the axis's width, and a label with a width is measured word by word in the DOM to wrap it (a
 * hidden span read with getBoundingClientRect, which forces a layout of the page on each first label
 * of a render pass). The labels here (dates, rates, yuan) are short and never wrap.
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
    <Text
      x={x}
      y={y}
      textAnchor={textAnchor}
      verticalAnchor={verticalAnchor}
      fill={fill}
      fontSize={11}
      className="recharts-cartesian-axis-tick-value"
    >
      {label}
    </Text>
  );
}
