import { useTranslation } from 'react-i18next';
import { ledgerText } from '../../ledger/ledger-columns';
import type { LedgerColumn } from '../../ledger/ledger-columns';

/** A stored row's fields as label/value pairs, formatted as in the tables. */
export function LedgerFacts({
  columns,
  values,
}: {
  columns: readonly LedgerColumn[];
  values: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {columns.map((column) => (
        <div key={column} className="fact">
          <dt>{t(`ledger.${column}`)}</dt>
          <dd>{ledgerText(t, column, values[column])}</dd>
        </div>
      ))}
    </dl>
  );
}
