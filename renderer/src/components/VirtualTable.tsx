import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
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

/**
 * A table that stays smooth at 100,000 rows: only the rows in view are in the DOM (spacer rows keep
 * the scroll height), the header and the 合计 row stay in place, Enter or a click opens a row.
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
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRange(first, last);
  }, [ensureRange, first, last, count]);

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const hasTotals = columns.some((c) => c.total !== undefined);

  return (
    <div className="virtual-table" ref={scrollRef} role="region" aria-label={props.caption} tabIndex={0}>
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
                tabIndex={onOpen === undefined ? undefined : -1}
                onClick={onOpen === undefined ? undefined : () => onOpen(row)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && onOpen !== undefined) onOpen(row);
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
