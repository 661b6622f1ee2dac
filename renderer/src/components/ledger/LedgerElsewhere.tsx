import { useTranslation } from 'react-i18next';
import type { SourceKind } from '../../../../shared/api/contract';
import { useBookDates } from '../../import/use-book-dates';
import { useFocusMonth } from '../../month/use-focus-month';
import { EmptyState } from '../EmptyState';
import { GoToMonthButton } from '../GoToMonthButton';

/**
 * The table is empty only because the book's rows are in other months: say which dates the book holds
 * and offer the month of the latest import. "Widen the filters" was no way forward for a bookkeeper
 * who opened the app in November to do August's books and filtered nothing.
 */
export function LedgerElsewhere({ kind, revision }: { kind: SourceKind; revision: number }) {
  const { t } = useTranslation();
  const { month } = useFocusMonth();
  const dates = useBookDates(kind, revision);
  if (dates === null) return <EmptyState>{t('ledger.noMatch')}</EmptyState>;
  return (
    <EmptyState
      action={dates.latestMonth !== month ? <GoToMonthButton month={dates.latestMonth} primary /> : undefined}
    >
      {t('ledger.elsewhere', { from: dates.from, to: dates.to })}
    </EmptyState>
  );
}
