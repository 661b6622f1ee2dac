import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sumFen } from '../../../shared/fen';
import type { Fen } from '../../../shared/fen';
import { formatCount, formatFen } from '../format/number';

export type Column<Row> =
  | { kind: 'text'; key: string; header: string; value: (row: Row) => ReactNode }
  | { kind: 'amount'; key: string; header: string; value: (row: Row) => Fen; total?: boolean }
  | { kind: 'count'; key: string; header: string; value: (row: Row) => number; total?: boolean };

type DataTableProps<Row> = {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Adds a 合计 row summing the amount and count columns marked `total` over the rows shown. */
  showTotals?: boolean;
};

function amountClass(value: number): string {
  return value < 0 ? 'num negative' : 'num';
}

/**
 * The house table: amounts right-aligned with separators, negatives red, and a 合计 row for what is
 * shown. Small tables only; the big transaction lists get a virtualised table of their own.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, showTotals = false }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const totalCell = (column: Column<Row>, index: number) => {
    if (column.kind === 'amount' && column.total === true) {
      const total = sumFen(rows.map(column.value));
      return (
        <td key={column.key} className={amountClass(total)}>
          {formatFen(total)}
        </td>
      );
    }
    if (column.kind === 'count' && column.total === true) {
      const total = rows.reduce((sum, row) => sum + column.value(row), 0);
      return (
        <td key={column.key} className="num">
          {formatCount(total)}
        </td>
      );
    }
    return index === 0 ? (
      <th key={column.key} scope="row">
        {t('common.total')}
      </th>
    ) : (
      <td key={column.key} />
    );
  };

  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.kind === 'text' ? undefined : 'num'}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => {
              switch (column.kind) {
                case 'text':
                  return <td key={column.key}>{column.value(row)}</td>;
                case 'amount': {
                  const value = column.value(row);
                  return (
                    <td key={column.key} className={amountClass(value)}>
                      {formatFen(value)}
                    </td>
                  );
                }
                case 'count':
                  return (
                    <td key={column.key} className="num">
                      {formatCount(column.value(row))}
                    </td>
                  );
              }
            })}
          </tr>
        ))}
      </tbody>
      {showTotals ? (
        <tfoot>
          <tr className="total-row">{columns.map(totalCell)}</tr>
        </tfoot>
      ) : null}
    </table>
  );
}
