import { useTranslation } from 'react-i18next';
import type { FindingState } from '../../../../shared/api/reconcile';
import type { TriageState } from '../../reconcile/use-reconcile';

/** States a decision can no longer be changed from here (the dispute workflow owns them). */
const LOCKED: ReadonlySet<FindingState> = new Set<FindingState>(['disputed', 'resolved', 'rejected']);

const ACTIONS: { state: TriageState; label: 'accept' | 'dismiss' | 'toDispute' | 'reopen' }[] = [
  { state: 'accepted', label: 'accept' },
  { state: 'dismissed', label: 'dismiss' },
  { state: 'to_dispute', label: 'toDispute' },
  { state: 'open', label: 'reopen' },
];

/**
 * The triage buttons. For one finding (`current` given) only the moves away from its state show;
 * for a selection all four do.
 */
export function TriageActions({
  current,
  disabled = false,
  onAction,
}: {
  current?: FindingState;
  disabled?: boolean;
  onAction: (state: TriageState) => void;
}) {
  const { t } = useTranslation();
  if (current !== undefined && LOCKED.has(current)) return null;
  return (
    <div className="button-row triage-actions">
      {ACTIONS.filter((a) => a.state !== current).map((a) => (
        <button
          key={a.state}
          type="button"
          className={a.state === 'to_dispute' ? 'button button-primary' : 'button'}
          disabled={disabled}
          data-action={a.state}
          onClick={() => onAction(a.state)}
        >
          {t(`reconcile.actions.${a.label}`)}
        </button>
      ))}
    </div>
  );
}
