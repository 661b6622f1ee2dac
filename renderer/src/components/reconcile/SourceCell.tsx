import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../../shared/api/ledger';
import type { RawCell } from '../../../../shared/import/raw';

function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.value;
  return String(cell);
}

/** Where a row came from, as a dispute cites it: file, sheet, row, the file's SHA-256, the raw cells. */
export function SourceCell({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  return (
    <td className="source-cell" data-col="source">
      <span className="source-where">
        {t('reconcile.detail.sourceWhere', {
          file: provenance.fileName,
          sheet: provenance.sheet,
          row: provenance.row,
        })}
      </span>
      <span className="source-hash mono" title={provenance.sha256}>
        SHA-256 {provenance.sha256.slice(0, 12)}
      </span>
      <details className="source-cells">
        <summary>{t('reconcile.detail.rawCells')}</summary>
        {provenance.cells.map((cell, index) => (
          <span key={index} className="raw-cell">
            {cellText(cell)}
          </span>
        ))}
      </details>
    </td>
  );
}
