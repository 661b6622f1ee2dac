import { useTranslation } from 'react-i18next';
import type { FindingDetail } from '../../../../shared/api/reconcile';
import { formatCount } from '../../format/number';
import { MoneyCell } from './MoneyCell';
import { SourceCell } from './SourceCell';

/** The POS rows a finding is about, each with the file row it was imported from. */
export function FindingTxnsTable({ txns }: { txns: FindingDetail['txns'] }) {
  const { t } = useTranslation();
  if (txns.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table compact finding-txns">
        <caption>{t('reconcile.detail.txnsTitle', { n: formatCount(txns.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledger.txnTime')}</th>
            <th scope="col">{t('ledger.terminalId')}</th>
            <th scope="col">{t('ledger.refNo')}</th>
            <th scope="col">{t('ledger.cardNo')}</th>
            <th scope="col">{t('ledger.channel')}</th>
            <th scope="col">{t('ledger.txnType')}</th>
            <th scope="col" className="num">
              {t('ledger.amountFen')}
            </th>
            <th scope="col" className="num">
              {t('ledger.feeFen')}
            </th>
            <th scope="col">{t('ledger.source')}</th>
          </tr>
        </thead>
        <tbody>
          {txns.map(({ txn, provenance }) => (
            <tr key={txn.id} data-ref-no={txn.refNo ?? ''}>
              <td className="mono">{txn.txnTime}</td>
              <td className="mono">{txn.terminalId ?? ''}</td>
              <td className="mono" data-col="refNo">
                {txn.refNo ?? ''}
              </td>
              <td>
                <span className="mono">{txn.cardNo ?? ''}</span>{' '}
                {txn.channel === 'card' ? t(`ledger.cardKinds.${txn.cardKind}`) : null}
              </td>
              <td>{t(`ledger.channels.${txn.channel}`)}</td>
              <td>
                {t(`ledger.txnTypes.${txn.txnType}`)}
                {txn.status === 'failed' ? ` · ${t('ledger.statuses.failed')}` : null}
              </td>
              <MoneyCell value={txn.amountFen} col="amount" />
              <MoneyCell value={txn.feeFen} col="fee" blank />
              <SourceCell provenance={provenance} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The bank lines a finding is about (a short credit, a deduction), with their source rows. */
export function FindingBankLinesTable({ lines }: { lines: FindingDetail['bankLines'] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table compact finding-bank-lines">
        <caption>{t('reconcile.detail.bankTitle', { n: formatCount(lines.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledger.txnTime')}</th>
            <th scope="col">{t('ledger.summary')}</th>
            <th scope="col">{t('ledger.counterparty')}</th>
            <th scope="col" className="num">
              {t('ledger.creditFen')}
            </th>
            <th scope="col" className="num">
              {t('ledger.debitFen')}
            </th>
            <th scope="col">{t('ledger.source')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ line, provenance }) => (
            <tr key={line.id}>
              <td className="mono">{line.txnTime}</td>
              <td>{line.summary ?? ''}</td>
              <td>{line.counterparty ?? ''}</td>
              <MoneyCell value={line.creditFen === 0 ? null : line.creditFen} col="credit" blank />
              <MoneyCell value={line.debitFen === 0 ? null : line.debitFen} col="debit" blank />
              <SourceCell provenance={provenance} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
