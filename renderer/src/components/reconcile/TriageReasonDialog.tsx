import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { formatCount } from '../../format/number';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';

/** A decision that asks for a reason first: accepting (reason optional) or dismissing (reason required). */
export type ReasonRequest = { ids: number[]; state: 'accepted' | 'dismissed' };

type Props = {
  request: ReasonRequest | null;
  onCancel: () => void;
  /** Resolves with null when the decision was stored, or with the error to show. */
  onConfirm: (reason: string) => Promise<AppError | null>;
};

/** Asks why; Enter confirms, Esc cancels. A dismissal cannot be confirmed without a reason. */
export function TriageReasonDialog({ request, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const title =
    request === null
      ? ''
      : t(request.state === 'dismissed' ? 'reconcile.triage.dismissTitle' : 'reconcile.triage.acceptTitle', {
          n: formatCount(request.ids.length),
        });
  return (
    <Dialog open={request !== null} title={title} onClose={onCancel}>
      {request !== null ? <ReasonForm request={request} onCancel={onCancel} onConfirm={onConfirm} /> : null}
    </Dialog>
  );
}

function ReasonForm({ request, onCancel, onConfirm }: Props & { request: ReasonRequest }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const required = request.state === 'dismissed';

  // The dialog opens (showModal) after this form mounts; focus the reason once it is on screen.
  useEffect(() => {
    const timer = window.setTimeout(() => input.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (required && reason.trim() === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setBusy(true);
    const failed = await onConfirm(reason);
    setBusy(false);
    setError(failed);
  };

  return (
    <form className="form triage-reason" onSubmit={(event) => void submit(event)} noValidate>
      <p className="muted">{t(required ? 'reconcile.triage.dismissHint' : 'reconcile.triage.acceptHint')}</p>
      <label htmlFor={inputId}>
        {t(required ? 'reconcile.triage.reasonRequired' : 'reconcile.triage.reasonOptional')}
      </label>
      <input
        ref={input}
        id={inputId}
        name="reason"
        type="text"
        maxLength={500}
        value={reason}
        placeholder={t(
          required ? 'reconcile.triage.dismissPlaceholder' : 'reconcile.triage.acceptPlaceholder',
        )}
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? hintId : undefined}
        onChange={(event) => {
          setReason(event.target.value);
          if (event.target.value.trim() !== '') setMissing(false);
        }}
      />
      {missing ? (
        <p id={hintId} className="field-hint field-error" role="alert">
          {t('reconcile.triage.reasonMissing')}
        </p>
      ) : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t(request.state === 'dismissed' ? 'reconcile.actions.dismiss' : 'reconcile.actions.accept')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
