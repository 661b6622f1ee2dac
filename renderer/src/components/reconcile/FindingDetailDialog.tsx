import { useTranslation } from 'react-i18next';
import type { FindingView } from '../../../../shared/api/reconcile';
import type { FindingDetails } from '../../../../shared/domain/reconcile/types';
import type { Fen } from '../../../../shared/fen';
import { useApiQuery } from '../../api/use-api-query';
import { formatFen, formatStamp } from '../../format/number';
import { useLanguage } from '../../i18n/use-language';
import type { TriageState } from '../../reconcile/use-reconcile';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { FindingArithmetic } from './FindingArithmetic';
import { FindingBankLinesTable, FindingTxnsTable } from './FindingRowsTables';
import { TriageActions } from './TriageActions';

type Props = {
  /** The finding as the list has it now (its state follows triage at once); null: closed. */
  finding: FindingView | null;
  onClose: () => void;
  onTriage: (ids: number[], state: TriageState) => void;
};

/** One finding: its sentence, the arithmetic, the rows and bank lines with their sources, and triage. */
export function FindingDetailDialog({ finding, onClose, onTriage }: Props) {
  const { t } = useTranslation();
  const title = finding === null ? '' : `${t(`reconcile.kinds.${finding.kind}`)} · ${finding.date}`;
  return (
    <Dialog open={finding !== null} title={title} onClose={onClose} wide>
      {finding !== null ? <FindingDetailBody finding={finding} onTriage={onTriage} /> : null}
    </Dialog>
  );
}

function FindingDetailBody({ finding, onTriage }: { finding: FindingView; onTriage: Props['onTriage'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const detail = useApiQuery('findings:get', { id: finding.id });
  // The engine's own record of how it decided (see shared/domain/reconcile/types.ts).
  const details = finding.details as FindingDetails;
  const amount = (value: Fen | null) => (value === null ? '—' : formatFen(value));

  return (
    <div className="finding-detail" data-finding-id={finding.id}>
      <p className="finding-sentence" data-testid="finding-sentence" lang={language}>
        {language === 'en' ? finding.en : finding.zh}
      </p>
      <dl className="facts finding-facts">
        <dt>{t('reconcile.detail.severity')}</dt>
        <dd>{t(`reconcile.severities.${finding.severity}`)}</dd>
        {finding.terminalId !== null ? (
          <>
            <dt>{t('ledger.terminalId')}</dt>
            <dd className="mono">{finding.terminalId}</dd>
          </>
        ) : null}
        {finding.channel !== null ? (
          <>
            <dt>{t('ledger.channel')}</dt>
            <dd>{t(`ledger.channels.${finding.channel}`)}</dd>
          </>
        ) : null}
        <dt>{t('reconcile.columns.expected')}</dt>
        <dd className="mono">{amount(finding.expectedFen)}</dd>
        <dt>{t('reconcile.columns.actual')}</dt>
        <dd className="mono">{amount(finding.actualFen)}</dd>
        <dt>{t('reconcile.columns.delta')}</dt>
        <dd className="mono" data-testid="finding-delta">
          {formatFen(finding.deltaFen)}
        </dd>
        {details.contractedRate !== undefined && details.observedRate !== undefined ? (
          <>
            <dt>{t('reconcile.detail.rates')}</dt>
            <dd>
              {t('reconcile.detail.rateChange', {
                from: details.contractedRate,
                to: details.observedRate,
              })}
            </dd>
          </>
        ) : null}
        {details.chargedAsRule !== undefined ? (
          <>
            <dt>{t('reconcile.detail.chargedAs')}</dt>
            <dd>
              {details.chargedAsRule.label}（{details.chargedAsRule.ratePercent}%）
            </dd>
          </>
        ) : null}
        {details.surchargeFen !== undefined ? (
          <>
            <dt>{t('reconcile.detail.surcharge')}</dt>
            <dd className="mono">{formatFen(details.surchargeFen)}</dd>
          </>
        ) : null}
        {details.dueDates !== undefined && details.dueDates.length > 0 ? (
          <>
            <dt>{t('reconcile.detail.dueDates')}</dt>
            <dd className="mono">{details.dueDates.join('、')}</dd>
          </>
        ) : null}
        {details.creditDate !== undefined ? (
          <>
            <dt>{t('reconcile.detail.creditDate')}</dt>
            <dd className="mono">{details.creditDate}</dd>
          </>
        ) : null}
        {details.feesMonth !== undefined && details.feesFen !== undefined ? (
          <>
            <dt>{t('reconcile.detail.feesOfMonth', { month: details.feesMonth })}</dt>
            <dd className="mono">{formatFen(details.feesFen)}</dd>
          </>
        ) : null}
        {details.minutesApart !== undefined ? (
          <>
            <dt>{t('reconcile.detail.minutesApart')}</dt>
            <dd>{details.minutesApart}</dd>
          </>
        ) : null}
        <dt>{t('reconcile.columns.state')}</dt>
        <dd data-testid="finding-state">
          {t(`reconcile.states.${finding.state}`)}
          {finding.triageReason !== null ? `：${finding.triageReason}` : null}
          {finding.triagedAt !== null ? (
            <span className="muted"> · {formatStamp(finding.triagedAt)}</span>
          ) : null}
        </dd>
      </dl>

      <TriageActions current={finding.state} onAction={(state) => onTriage([finding.id], state)} />

      {details.arithmetic ? <FindingArithmetic calc={details.arithmetic} /> : null}

      {detail.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {detail.status === 'error' ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : null}
      {detail.status === 'ok' ? (
        <>
          <FindingTxnsTable txns={detail.value.txns} />
          <FindingBankLinesTable lines={detail.value.bankLines} />
        </>
      ) : null}
    </div>
  );
}
