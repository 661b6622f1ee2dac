import { useTranslation } from 'react-i18next';
import { formatMonth } from '../format/month';
import { useLanguage } from '../i18n/use-language';
import { useFocusMonth } from '../month/use-focus-month';

/** 转到2026年8月: makes `month` the month in focus; nothing when it already is. */
export function GoToMonthButton({ month, primary = false }: { month: string; primary?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const focus = useFocusMonth();
  if (focus.month === month) return null;
  return (
    <button
      type="button"
      className={primary ? 'button button-primary' : 'button button-small'}
      onClick={() => focus.setMonth(month)}
    >
      {t('common.switchMonth', { month: formatMonth(month, language) })}
    </button>
  );
}
