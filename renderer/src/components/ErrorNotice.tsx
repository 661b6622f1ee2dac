import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { describeError } from '../api/describe-error';
import { useLanguage } from '../i18n/use-language';

/** An error as the user reads it: what happened and what to do next, in their language. */
export function ErrorNotice({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <strong>{t('errors.title')}</strong>
      <p>{describeError(t, error, language)}</p>
      {onRetry !== undefined ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
