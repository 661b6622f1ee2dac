/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The effective rate against the contracted rate per day, drawn as plain SVG on the node side (the
 * printed page runs no script). Rates are converted to numbers only to place points: no money here.
 */
import type { ReactElement } from 'react';
import type { EvidenceRatePoint } from '../../../shared/domain/evidence';
import type { EvidenceTexts } from './evidence-text';

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

function points(
  series: readonly EvidenceRatePoint[],
  pick: (p: EvidenceRatePoint) => string | null,
  y: (v: number) => number,
  x: (i: number) => number,
): string {
  return series
    .flatMap((p, i) => {
      const v = pick(p);
      return v === null ? [] : [`${x(i).toFixed(1)},${y(Number(v)).toFixed(1)}`];
    })
    .join(' ');
}

export function RateChart({
  series,
  t,
}: {
  series: readonly EvidenceRatePoint[];
  t: EvidenceTexts;
}): ReactElement {
  const values = series
    .flatMap((p) => [p.effectivePercent, p.contractedPercent])
    .flatMap((v) => (v === null ? [] : [Number(v)]));
  const lo = Math.max(0, Math.min(...values, 0.3) - 0.05);
  const hi = Math.max(...values, 0.7) + 0.05;
  const x = (i: number) =>
    PAD.left + (series.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (series.length - 1));
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const ticks = [0, 1, 2, 3, 4].map((k) => lo + ((hi - lo) * k) / 4);
  const labelEvery = Math.max(1, Math.ceil(series.length / 8));
  return (
    <figure>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} xmlns="http://www.w3.org/2000/svg" role="img">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#ddd" strokeWidth={0.5} />
            <text x={PAD.left - 4} y={y(v) + 3} fontSize={9} textAnchor="end">
              {`${v.toFixed(2)}%`}
            </text>
          </g>
        ))}
        {series.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.date} x={x(i)} y={H - 10} fontSize={9} textAnchor="middle">
              {p.date.slice(5)}
            </text>
          ) : null,
        )}
        <polyline
          fill="none"
          stroke="#888"
          strokeWidth={1.5}
          strokeDasharray="4 3"
          points={points(series, (p) => p.contractedPercent, y, x)}
        />
        <polyline
          fill="none"
          stroke="#c00000"
          strokeWidth={1.5}
          points={points(series, (p) => p.effectivePercent, y, x)}
        />
      </svg>
      <figcaption className="legend">
        <span>
          <span className="swatch" style={{ background: '#c00000' }} />
          {t.chartEffective}
        </span>
        <span>
          <span className="swatch" style={{ background: '#888' }} />
          {t.chartContracted}
        </span>
        <span>{t.chartNote}</span>
      </figcaption>
    </figure>
  );
}
