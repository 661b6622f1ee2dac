import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../format/month';
import { useLanguage } from '../i18n/use-language';
import { useFocusMonth } from '../month/use-focus-month';

/** The month in focus, always visible: ‹ 2026年10月 › plus a month picker. */
export function MonthSwitcher() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month, setMonth, shift } = useFocusMonth();
  const pickerId = useId();
  return (
    <div className="month-switcher" role="group" aria-label={t('header.month')}>
      <span className="month-caption">{t('header.month')}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('header.prevMonth')}
        onClick={() => shift(-1)}
      >
        ‹
      </button>
      <output className="month-value" data-month={month}>
        {formatMonth(month, language)}
      </output>
      <button
        type="button"
        className="icon-button"
        aria-label={t('header.nextMonth')}
        onClick={() => shift(1)}
      >
        ›
      </button>
      <label htmlFor={pickerId} className="visually-hidden">
        {t('header.pickMonth')}
      </label>
      <input
        id={pickerId}
        className="month-picker"
        type="month"
        value={month}
        onChange={(event) => setMonth(event.target.value)}
      />
    </div>
  );
}
