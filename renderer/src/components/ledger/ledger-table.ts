/** What the ledger tables (Transactions, Bank) share besides LedgerView: filter types, sorts, columns. */
import type { TFunction } from 'i18next';
import type { LedgerColumn } from '../../ledger/ledger-columns';
import { ledgerCellClass, ledgerText } from '../../ledger/ledger-columns';
import type { VirtualColumn } from '../VirtualTable';

/** The filter every ledger table sends: its dates, the search text, and the table's own choices. */
export type LedgerFilter<Choices> = Choices & { from: string; to: string; text?: string };

/** Sets one choice; '' (全部) removes it. */
export type SetChoice<Choices> = <K extends keyof Choices>(name: K, value: Choices[K] | '') => void;

/** The orders both tables offer. */
export const LEDGER_SORTS = ['time_asc', 'time_desc', 'amount_asc', 'amount_desc'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/**
 * The table's columns: header from the catalogue, amounts right-aligned, `mono` columns in a fixed-width
 * font, cells formatted as everywhere in the ledger, and the 合计 cells given in `totals`.
 */
export function ledgerTableColumns<Row extends object>(
  t: TFunction,
  columns: readonly LedgerColumn[],
  mono: readonly LedgerColumn[],
  totals: Partial<Record<LedgerColumn, string>> | null,
): VirtualColumn<Row>[] {
  const valueOf = (row: Row, column: LedgerColumn) => (row as Record<string, unknown>)[column];
  return columns.map((column) => ({
    key: column,
    header: t(`ledger.${column}`),
    align: column.endsWith('Fen') ? 'num' : mono.includes(column) ? 'mono' : undefined,
    cell: (row) => ledgerText(t, column, valueOf(row, column)),
    cellClass: (row) => ledgerCellClass(column, valueOf(row, column)),
    total: totals?.[column],
  }));
}
