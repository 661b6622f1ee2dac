import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/api/contract';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useApiQuery } from '../../api/use-api-query';
import { formatFen } from '../../format/number';
import { ErrorNotice } from '../ErrorNotice';

/** Finding states a case may be opened from, named as the Reconcile page names them. */
const STATES = ['to_dispute', 'open', 'accepted'] as const;

/** Findings that may be disputed, ticked to open a case from them. */
export function NewDisputePanel({ onCreated }: { onCreated: (d: DisputeDetail) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<(typeof STATES)[number]>('to_dispute');
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const q = useApiQuery('findings:list', { state, includeStale: true });
  const findings = q.status === 'ok' ? q.value.filter((f) => f.deltaFen > 0) : [];

  const create = async () => {
    const r = await api.invoke('disputes:create', { findingIds: picked });
    if (!r.ok) return setError(r.error);
    setPicked([]);
    q.reload();
    onCreated(r.value);
  };

  return (
    <section className="panel" aria-labelledby="new-dispute">
      <h2 id="new-dispute">{t('disputes.candidates')}</h2>
      <label className="form-row">
        {t('disputes.candidateState')}{' '}
        <select value={state} onChange={(e) => setState(e.target.value as (typeof STATES)[number])}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`reconcile.states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {q.status === 'error' ? <ErrorNotice error={q.error} onRetry={q.reload} /> : null}
      {q.status === 'ok' && findings.length === 0 ? <p>{t('disputes.noCandidates')}</p> : null}
      {findings.length > 0 ? (
        <table className="data-table" data-testid="dispute-candidates">
          <thead>
            <tr>
              <th />
              <th>{t('disputes.date')}</th>
              <th>{t('disputes.kind')}</th>
              <th>{t('reconcile.columns.refNos')}</th>
              <th className="num">{t('disputes.delta')}</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((f) => (
              <tr key={f.id} className="candidate-row" data-finding-id={f.id} data-kind={f.kind}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('disputes.selectFinding', { id: f.id })}
                    checked={picked.includes(f.id)}
                    onChange={(e) =>
                      setPicked((p) => (e.target.checked ? [...p, f.id] : p.filter((x) => x !== f.id)))
                    }
                  />
                </td>
                <td>{f.date}</td>
                <td>{t(`reconcile.kinds.${f.kind}`)}</td>
                <td>{f.refNos.slice(0, 3).join(' ')}</td>
                <td className="num">{formatFen(f.deltaFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <button
        type="button"
        className="button button-primary"
        disabled={picked.length === 0}
        onClick={() => void create()}
      >
        {t('disputes.createFromSelected', { count: picked.length })}
      </button>
    </section>
  );
}
