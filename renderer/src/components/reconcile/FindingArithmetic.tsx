import { useTranslation } from 'react-i18next';
import { formatDecimalFen } from '../../../../shared/domain/fee-calc';
import type { FeeCalc } from '../../../../shared/domain/fee-calc';
import { formatFen } from '../../format/number';

/** The expected fee step by step, as the fee engine computed it (amount × rate, rounding, min, cap, fixed). */
export function FindingArithmetic({ calc }: { calc: FeeCalc }) {
  const { t } = useTranslation();
  return (
    <section className="finding-arithmetic" data-testid="finding-arithmetic">
      <h3>{t('reconcile.detail.arithmeticTitle')}</h3>
      <dl className="facts">
        <dt>{t('reconcile.detail.rule')}</dt>
        <dd>
          {calc.ruleLabel}（{calc.ratePercent}%）
        </dd>
        <dt>{t('reconcile.detail.product')}</dt>
        <dd className="mono">
          {formatFen(calc.amountFen)} × {calc.ratePercent}% = {formatDecimalFen(calc.rawFen)}
        </dd>
        <dt>{t('reconcile.detail.rounded', { mode: t(`rates.roundings.${calc.rounding}`) })}</dt>
        <dd className="mono">{formatFen(calc.roundedFen)}</dd>
        {calc.minApplied && calc.minFen !== null ? (
          <>
            <dt>{t('reconcile.detail.minApplied')}</dt>
            <dd className="mono">{formatFen(calc.minFen)}</dd>
          </>
        ) : null}
        {calc.capApplied && calc.capFen !== null ? (
          <>
            <dt>{t('reconcile.detail.capApplied')}</dt>
            <dd className="mono">{formatFen(calc.capFen)}</dd>
          </>
        ) : null}
        {calc.fixedFen !== null ? (
          <>
            <dt>{t('reconcile.detail.fixed')}</dt>
            <dd className="mono">+{formatFen(calc.fixedFen)}</dd>
          </>
        ) : null}
        <dt>{t('reconcile.detail.expectedFee')}</dt>
        <dd className="mono">
          <strong>{formatFen(calc.feeFen)}</strong>
        </dd>
      </dl>
    </section>
  );
}
