import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/api/contract';
import { formatMonth } from '../../format/month';
import { mainMonthOf } from '../../format/month-range';
import { formatCount } from '../../format/number';
import { useLanguage } from '../../i18n/use-language';
import { useFocusMonth } from '../../month/use-focus-month';
import { GoToMonthButton } from '../GoToMonthButton';

/**
 * What an import added, and, when the file is about another month than the one in focus, a button to
 * go there: a bookkeeper importing August's files in November otherwise found every page on November,
 * empty ("没有符合筛选条件的记录"), and the overview offering to reconcile November.
 */
export function ImportDoneNotice({
  name,
  result,
  firstDate,
  lastDate,
}: {
  name: string;
  result: ImportResult;
  firstDate: string | null;
  lastDate: string | null;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month } = useFocusMonth();
  const dataMonth = firstDate !== null && lastDate !== null ? mainMonthOf(firstDate, lastDate) : null;
  const elsewhere = dataMonth !== null && dataMonth !== month && result.added + result.duplicates > 0;
  return (
    <div className="notice notice-success" role="status" data-testid="import-done">
      <p>
        {t('import.done', {
          name,
          added: formatCount(result.added),
          duplicates: formatCount(result.duplicates),
          skipped: formatCount(result.skipped),
        })}
      </p>
      {elsewhere ? (
        <p className="notice-action">
          {t('import.otherMonth', {
            data: formatMonth(dataMonth, language),
            focus: formatMonth(month, language),
          })}{' '}
          <GoToMonthButton month={dataMonth} />
        </p>
      ) : null}
    </div>
  );
}
