import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The chart's <svg> as a standalone file (recharts draws one svg.recharts-surface per chart). */
function svgText(root: HTMLElement | null): string | null {
  const svg = root?.querySelector('svg.recharts-surface');
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('style', 'background:#fff;font-family:sans-serif');
  return new XMLSerializer().serializeToString(copy);
}

function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

async function savePng(svg: string, name: string, width: number, height: number): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg not drawable'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    download(canvas.toDataURL('image/png'), name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Whether the reader has reached for a chart yet (pointer over it or focus in it), and the handler
 * that notes it, for ChartFrame's `onEngage`. A chart mounts its recharts Tooltip only then: a Tooltip
 * re-reads its payload, label and position from the chart's store on each of the several store updates
 * a chart makes while it sets up (about a fifth of the Charts page's drawing in a profile), for a box
 * that shows only under the pointer or the keyboard. Mounted on the way in, it follows from the first
 * move over the chart.
 */
export function useEngaged(): [boolean, () => void] {
  const [engaged, setEngaged] = useState(false);
  return [engaged, useCallback(() => setEngaged(true), [])];
}

/** One entry of a chart's legend: how its series is drawn, in its colour. */
export type LegendItem = { name: string; color: string; mark: 'bar' | 'line' | 'dashed' | 'marker' };

/**
 * The chart's legend, as HTML under the chart rather than recharts' Legend: that one gathers its
 * entries from every series through the chart's store, measures its own box and hands the size back
 * so the chart lays out again, and its entries re-render on each of the store's updates while a chart
 * sets up (about a sixth of the JS calls of opening the Charts page). recharts draws its legend as HTML
 * beside the SVG as well, so a saved SVG or PNG never held it.
 */
function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.name}>
          <span className={`legend-mark legend-${item.mark}`} style={{ color: item.color }} aria-hidden />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** A titled chart that prints on its own and can be saved as SVG or PNG. */
export function ChartFrame({
  id,
  title,
  children,
  legend,
  table,
  onEngage,
}: {
  id: string;
  title: string;
  children: ReactNode;
  legend: readonly LegendItem[];
  table?: ReactNode;
  /** Called when the pointer enters the chart or focus moves into it (see useEngaged). */
  onEngage?: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const save = (kind: 'svg' | 'png') => {
    const svg = svgText(ref.current);
    if (svg === null) return;
    if (kind === 'svg') {
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      download(url, `${id}.svg`);
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return;
    }
    const box = ref.current?.querySelector('svg.recharts-surface')?.getBoundingClientRect();
    savePng(svg, `${id}.png`, box?.width ?? 800, box?.height ?? 320).catch(() => undefined);
  };
  return (
    <figure className="chart-frame" data-chart={id}>
      <figcaption>
        <h2>{title}</h2>
        <span className="chart-actions no-print">
          <button type="button" className="button button-quiet" onClick={() => save('svg')}>
            {t('charts.saveSvg')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => save('png')}>
            {t('charts.savePng')}
          </button>
        </span>
      </figcaption>
      <div className="chart-body" ref={ref} onPointerEnter={onEngage} onFocus={onEngage}>
        {children}
      </div>
      <ChartLegend items={legend} />
      {table}
    </figure>
  );
}
