import { useTranslation } from 'react-i18next';
import type { FindingView } from '../../../../shared/api/reconcile';
import type { ReconcileSummary } from '../../../../shared/domain/reconcile/summary';
import { subFen } from '../../../../shared/fen';
import { formatCount, formatFen } from '../../format/number';
import { stakeTotals } from '../../reconcile/finding-groups';
import { MoneyCell } from './MoneyCell';

/**
 * The month on one panel, as a 余额调节表 reads: turnover and fees, then the POS side (settlements due)
 * beside the bank side (money received) with what each side has that the other lacks, then the money at
 * stake, which follows the user's triage at once.
 */
export function ReconcileSummaryPanel({
  summary,
  findings,
}: {
  summary: ReconcileSummary;
  findings: readonly FindingView[];
}) {
  const { t } = useTranslation();
  const stake = stakeTotals(findings);
  const n = (count: number) => formatCount(count);

  return (
    <section className="card reconcile-summary" aria-label={t('reconcile.summary.title')}>
      <h2>{t('reconcile.summary.title')}</h2>
      <div className="summary-grid">
        <table className="data-table compact">
          <caption>{t('reconcile.summary.turnoverTitle')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('reconcile.summary.grossSales', { n: n(summary.saleCount) })}</th>
              <MoneyCell value={summary.grossSalesFen} />
            </tr>
            <tr>
              <th scope="row">{t('reconcile.summary.voided', { n: n(summary.voidCount) })}</th>
              <MoneyCell value={summary.voidedFen} />
            </tr>
            <tr>
              <th scope="row">{t('reconcile.summary.refunded', { n: n(summary.refundCount) })}</th>
              <MoneyCell value={summary.refundedFen} />
            </tr>
            <tr className="total-row">
              <th scope="row">{t('reconcile.summary.turnover')}</th>
              <MoneyCell value={summary.turnoverFen} testId="summary-turnover" />
            </tr>
          </tbody>
        </table>

        <table className="data-table compact">
          <caption>{t('reconcile.summary.feesTitle')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('reconcile.summary.feesCharged')}</th>
              <MoneyCell value={summary.feesChargedFen} testId="summary-fees-charged" />
            </tr>
            <tr>
              <th scope="row">{t('reconcile.summary.feesExpected')}</th>
              <MoneyCell value={summary.feesExpectedFen} testId="summary-fees-expected" />
            </tr>
            <tr className="total-row">
              <th scope="row">{t('reconcile.summary.feeDelta')}</th>
              <MoneyCell value={summary.feeDeltaFen} testId="summary-fee-delta" />
            </tr>
          </tbody>
        </table>
        {summary.uncheckedTxnCount > 0 ? (
          <p className="field-hint">
            {t('reconcile.summary.unchecked', { n: n(summary.uncheckedTxnCount) })}
          </p>
        ) : null}
      </div>

      <table className="data-table compact reconciliation-table">
        <caption>{t('reconcile.summary.settlementTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconcile.summary.posSide')}</th>
            <th scope="col" className="num">
              {t('reconcile.summary.amount')}
            </th>
            <th scope="col">{t('reconcile.summary.bankSide')}</th>
            <th scope="col" className="num">
              {t('reconcile.summary.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('reconcile.summary.due')}</th>
            <MoneyCell value={summary.settlementsDueFen} testId="summary-due" />
            <th scope="row">{t('reconcile.summary.received')}</th>
            <MoneyCell value={summary.settlementsReceivedFen} testId="summary-received" />
          </tr>
          <tr>
            <th scope="row">{t('reconcile.summary.unmatchedDue', { n: n(summary.unmatchedDue.count) })}</th>
            <MoneyCell value={summary.unmatchedDue.fen} />
            <th scope="row">
              {t('reconcile.summary.unmatchedCredits', { n: n(summary.unmatchedCredits.count) })}
            </th>
            <MoneyCell value={summary.unmatchedCredits.fen} />
          </tr>
          <tr>
            <th scope="row">{t('reconcile.summary.pending', { n: n(summary.pendingDue.count) })}</th>
            <MoneyCell value={summary.pendingDue.fen} />
            <th scope="row">{t('reconcile.summary.deductions', { n: n(summary.deductions.count) })}</th>
            <MoneyCell value={summary.deductions.fen} />
          </tr>
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={3}>
              {t('reconcile.summary.difference')}
            </th>
            <MoneyCell
              value={subFen(summary.settlementsDueFen, summary.settlementsReceivedFen)}
              testId="summary-difference"
            />
          </tr>
        </tfoot>
      </table>
      {summary.calendarUnknownYears !== undefined && summary.calendarUnknownYears.length > 0 ? (
        <p className="field-hint" data-testid="summary-calendar">
          {t('reconcile.summary.calendarUnknown', { years: summary.calendarUnknownYears.join('、') })}
        </p>
      ) : null}
      {summary.settledByAmountOnly !== undefined && summary.settledByAmountOnly.count > 0 ? (
        <p className="field-hint" data-testid="summary-by-amount">
          {t('reconcile.summary.settledByAmountOnly', {
            n: n(summary.settledByAmountOnly.count),
            amount: formatFen(summary.settledByAmountOnly.fen),
          })}
        </p>
      ) : null}

      <div className="stake" data-testid="summary-stake">
        <span className="stake-label">{t('reconcile.summary.atStake')}</span>
        <strong className="stake-amount" data-testid="summary-at-stake">
          {formatFen(stake.atStakeFen)}
        </strong>
        <span className="muted">{t('reconcile.summary.atStakeHint')}</span>
        <ul className="stake-states">
          {(['open', 'to_dispute', 'accepted', 'dismissed'] as const).map((state) => (
            <li key={state} data-state={state}>
              {t(`reconcile.states.${state}`)} {n(stake.byState[state] ?? 0)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
