import { useTranslation } from 'react-i18next';
import type { SourceKind } from '../../../../shared/api/contract';
import { useApiQuery } from '../../api/use-api-query';
import { formatMonth } from '../../format/month';
import { mainMonthOf } from '../../format/month-range';
import { useLanguage } from '../../i18n/use-language';
import { useFocusMonth } from '../../month/use-focus-month';
import { EmptyState } from '../EmptyState';

/**
 * The table is empty only because the book's rows are in other months: say which dates the book holds
 * and offer the month of the latest import. "Widen the filters" was no way forward for a bookkeeper
 * who opened the app in November to do August's books and filtered nothing.
 */
export function LedgerElsewhere({ kind, revision }: { kind: SourceKind; revision: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month, setMonth } = useFocusMonth();
  const batches = useApiQuery('imports:list', {}, revision);
  const dated =
    batches.status === 'ok'
      ? batches.value.filter(
          (b): b is typeof b & { firstDate: string; lastDate: string } =>
            b.kind === kind && b.status === 'committed' && b.firstDate !== null && b.lastDate !== null,
        )
      : [];
  const latest = dated.reduce<(typeof dated)[number] | null>(
    (best, b) => (best === null || b.lastDate > best.lastDate ? b : best),
    null,
  );
  if (latest === null) return <EmptyState>{t('ledger.noMatch')}</EmptyState>;
  const from = dated.reduce((min, b) => (b.firstDate < min ? b.firstDate : min), latest.firstDate);
  const target = mainMonthOf(latest.firstDate, latest.lastDate);
  return (
    <EmptyState
      action={
        target !== month ? (
          <button type="button" className="button button-primary" onClick={() => setMonth(target)}>
            {t('common.switchMonth', { month: formatMonth(target, language) })}
          </button>
        ) : undefined
      }
    >
      {t('ledger.elsewhere', { from, to: latest.lastDate })}
    </EmptyState>
  );
}
