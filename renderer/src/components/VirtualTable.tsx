import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ReactNode } from 'react';

export type VirtualColumn<Row> = {
  key: string;
  header: string;
  /** 'num' columns are right-aligned with tabular digits. */
  align?: 'num' | 'mono';
  cell: (row: Row) => ReactNode;
  cellClass?: (row: Row) => string | undefined;
  /** The 合计 cell for this column, if it has one. */
  total?: ReactNode;
};

type VirtualTableProps<Row> = {
  caption: string;
  columns: readonly VirtualColumn<Row>[];
  count: number;
  rowAt: (index: number) => Row | undefined;
  rowKey: (row: Row) => string;
  ensureRange: (start: number, end: number) => void;
  onOpen?: (row: Row) => void;
  totalLabel: string;
  loadingLabel: string;
};

const ROW_HEIGHT = 30;
/** Rows a Page Up / Page Down moves: about a screenful of the table's 30 px rows. */
const PAGE_ROWS = 15;

/**
 * A table that stays smooth at 100,000 rows: only the rows in view are in the DOM (spacer rows keep
 * the scroll height), the header and the 合计 row stay in place, Enter or a click opens a row.
 * The keyboard reaches the rows too: Tab onto the table, then ↑ ↓ Home End PgUp PgDn move between
 * them (scrolling the one chosen into view) and Enter opens it; the chosen row is the table's one tab
 * stop among its rows, so Tab leaves the table instead of walking 100,000 rows.
 */
export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { columns, count, rowAt, rowKey, ensureRange, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is meant to be used this way
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const [active, setActive] = useState<number | null>(null);
  /** Set by a key that chose a row: the row may be drawn only after the scroll it asked for. */
  const focusPending = useRef(false);

  // Once the row a key chose is drawn with its data (not the loading line in its place), the keyboard
  // goes to it.
  useEffect(() => {
    if (!focusPending.current || active === null) return;
    const row = scrollRef.current?.querySelector<HTMLTableRowElement>(
      `tbody tr[tabindex][aria-rowindex="${active + 2}"]`,
    );
    if (row === null || row === undefined) return;
    focusPending.current = false;
    row.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (onOpen === undefined || count === 0) return;
    const from = active === null ? -1 : Math.min(active, count - 1);
    const to: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + PAGE_ROWS,
      PageUp: from - PAGE_ROWS,
      Home: 0,
      End: count - 1,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = Math.max(0, Math.min(count - 1, next));
    focusPending.current = true;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRange(first, last);
  }, [ensureRange, first, last, count]);

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const hasTotals = columns.some((c) => c.total !== undefined);

  return (
    <div
      className="virtual-table"
      ref={scrollRef}
      role="region"
      aria-label={props.caption}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <table className="data-table compact ledger-table" aria-rowcount={count + 1}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rowAt(item.index);
            if (row === undefined) {
              return (
                <tr key={`loading-${item.index}`} className="row-loading" aria-rowindex={item.index + 2}>
                  <td colSpan={columns.length}>{props.loadingLabel}</td>
                </tr>
              );
            }
            return (
              <tr
                key={rowKey(row)}
                aria-rowindex={item.index + 2}
                tabIndex={onOpen === undefined ? undefined : item.index === active ? 0 : -1}
                onFocus={() => setActive(item.index)}
                onClick={onOpen === undefined ? undefined : () => onOpen(row)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' || onOpen === undefined) return;
                  // Else the same Enter, arriving at the dialog's close button once it opens, closes it.
                  event.preventDefault();
                  onOpen(row);
                }}
              >
                {columns.map((column) => (
                  <td key={column.key} className={column.cellClass?.(row) ?? column.align}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
        {hasTotals ? (
          <tfoot>
            <tr className="total-row">
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.key} scope="row">
                    {props.totalLabel}
                  </th>
                ) : (
                  <td key={column.key} className={column.align}>
                    {column.total ?? null}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
