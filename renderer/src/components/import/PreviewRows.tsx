import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PreviewRow, SourceKind } from '../../../../shared/api/contract';
import { SKIP_REASONS } from '../../../../shared/import/row-classify';
import { BANK_COLUMNS, POS_COLUMNS, ledgerCellClass, ledgerText } from '../../ledger/ledger-columns';
import type { LedgerColumn } from '../../ledger/ledger-columns';

/** The first rows exactly as they will be stored, with what happens to each (import, skip, error). */
export function PreviewRows({ kind, rows }: { kind: SourceKind; rows: readonly PreviewRow[] }) {
  const { t } = useTranslation();
  const columns: readonly LedgerColumn[] = kind === 'pos' ? POS_COLUMNS : BANK_COLUMNS;
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table compact preview-rows">
        <caption>{t('import.rowsTitle', { n: String(rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('import.rowNo')}
            </th>
            <th scope="col">{t('import.outcome')}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className={ledgerCellClass(column, 0)}>
                {t(`ledger.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.sheet}:${row.row}`} className={`outcome-${row.outcome}`}>
              <td className="num">{row.row}</td>
              <td>{t(`import.outcomes.${row.outcome}`)}</td>
              {row.outcome === 'ok' ? (
                columns.map((column) => (
                  <td key={column} className={ledgerCellClass(column, row.values[column])}>
                    {ledgerText(t, column, row.values[column])}
                  </td>
                ))
              ) : (
                <td colSpan={columns.length} className="muted">
                  {row.outcome === 'skip' ? skipReason(t, row.reason) : (row.reason ?? '')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function skipReason(t: TFunction, reason: string | null): string {
  const known = SKIP_REASONS.find((r) => r === reason);
  return known === undefined ? (reason ?? '') : t(`import.skipReasons.${known}`);
}
