import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../shared/api/close';
import { formatStamp } from '../../format/number';

/** One line per check: passed or not, and what is missing, with the no-trade days to confirm. */
export function ChecklistPanel({
  items,
  confirmed,
  locked,
  onConfirm,
}: {
  items: ChecklistItem[];
  confirmed: ReadonlySet<string>;
  locked: boolean;
  onConfirm: (day: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const detail = (i: ChecklistItem) => {
    switch (i.id) {
      case 'pos_days':
        if (i.missingDays.length === 0) return null;
        return (
          <>
            <p>{t('close.missingDays', { count: i.missingDays.length })}</p>
            <ul className="checklist-days">
              {i.missingDays.map((day) => (
                <li key={day}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`no-trade-${day}`}
                      disabled={locked}
                      checked={confirmed.has(day) || !i.unconfirmedDays.includes(day)}
                      onChange={(e) => onConfirm(day, e.target.checked)}
                    />{' '}
                    {t('close.confirmDay', { day })}
                  </label>
                </li>
              ))}
            </ul>
          </>
        );
      case 'bank_coverage':
        return (
          <p className="muted">
            {i.firstLine && i.lastLine
              ? t('close.bankNeed', { from: i.needFrom, to: i.needTo, first: i.firstLine, last: i.lastLine })
              : t('close.bankNone', { from: i.needFrom, to: i.needTo })}
          </p>
        );
      case 'reconciled':
        return (
          <p className="muted">
            {i.ranAt === null
              ? t('close.neverRun')
              : i.stale
                ? t('close.staleRun')
                : t('close.ranAt', { time: formatStamp(i.ranAt) })}
          </p>
        );
      case 'triaged':
        return i.openFindings > 0 ? (
          <p className="muted">{t('close.openFindings', { count: i.openFindings })}</p>
        ) : null;
    }
  };
  return (
    <ol className="checklist" data-testid="close-checklist">
      {items.map((i) => (
        <li key={i.id} data-testid={`check-${i.id}`} data-ok={i.ok ? 'true' : 'false'}>
          <strong>
            {i.ok ? '✓' : '✗'} {t(`close.checks.${i.id}`)}
          </strong>{' '}
          <span className={i.ok ? 'muted' : 'field-error'}>
            {i.ok ? t('close.passed') : t('close.failed')}
          </span>
          {detail(i)}
        </li>
      ))}
    </ol>
  );
}
