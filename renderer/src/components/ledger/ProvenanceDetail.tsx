import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../../shared/api/contract';
import type { RawCell } from '../../../../shared/import/raw';
import { formatStamp } from '../../format/number';

function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.value;
  return String(cell);
}

/** Where a stored row came from: file, sheet, row and the original cells, as evidence cites them. */
export function ProvenanceDetail({ provenance }: { provenance: Provenance }) {
  const { t } = useTranslation();
  return (
    <section className="provenance">
      <h3>{t('ledger.source')}</h3>
      <dl className="facts">
        <dt>{t('ledger.sourceFile')}</dt>
        <dd>{provenance.fileName}</dd>
        <dt>{t('ledger.sourceSheet')}</dt>
        <dd>{provenance.sheet}</dd>
        <dt>{t('ledger.sourceRow')}</dt>
        <dd data-testid="source-row">{provenance.row}</dd>
        <dt>{t('ledger.importedAt')}</dt>
        <dd>{formatStamp(provenance.importedAt)}</dd>
        <dt>SHA-256</dt>
        <dd className="path-text">{provenance.sha256}</dd>
      </dl>
      <h3>{t('ledger.rawCells')}</h3>
      <p className="raw-cells">
        {provenance.cells.map((cell, index) => (
          <span key={index} className="raw-cell">
            {cellText(cell)}
          </span>
        ))}
      </p>
    </section>
  );
}
