import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type DateRange = { from: string; to: string };

/** 从 … 到 …, with 本月 to go back to the month in focus. */
export function DateRangeFilter({
  value,
  onChange,
  onWholeMonth,
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
  onWholeMonth: () => void;
}) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  return (
    <div className="filter-group">
      <label htmlFor={fromId}>{t('ledger.from')}</label>
      <input
        id={fromId}
        type="date"
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.target.value })}
      />
      <label htmlFor={toId}>{t('ledger.to')}</label>
      <input
        id={toId}
        type="date"
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.target.value })}
      />
      <button type="button" className="button" onClick={onWholeMonth}>
        {t('ledger.wholeMonth')}
      </button>
    </div>
  );
}
