import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/number';

type ProgressBarProps = {
  done: number;
  total: number;
  /** What is being done, e.g. "导入 交易明细.xlsx". */
  label: string;
  onCancel?: () => void;
  cancelling?: boolean;
};

/** Long work: a bar, the count ("已处理 42,000 / 100,000 行") and a cancel button. */
export function ProgressBar({ done, total, label, onCancel, cancelling = false }: ProgressBarProps) {
  const { t } = useTranslation();
  const safeTotal = Math.max(total, 0);
  const safeDone = Math.min(Math.max(done, 0), safeTotal);
  return (
    <div className="progress" role="group" aria-label={label}>
      <div className="progress-label">{label}</div>
      <progress max={safeTotal === 0 ? undefined : safeTotal} value={safeTotal === 0 ? undefined : safeDone}>
        {formatCount(safeDone)}
      </progress>
      <div className="progress-foot">
        <span className="progress-count" aria-live="polite">
          {t('progress.rows', { done: formatCount(safeDone), total: formatCount(safeTotal) })}
        </span>
        {onCancel !== undefined ? (
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? t('progress.cancelling') : t('progress.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
