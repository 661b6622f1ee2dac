import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../shared/api/contract';
import { useApiQuery } from '../api/use-api-query';
import { DisputeCaseView } from '../components/disputes/DisputeCaseView';
import { NewDisputePanel } from '../components/disputes/NewDisputePanel';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { formatFen } from '../format/number';

/** Dispute cases: the list, opening a case from findings, and one case's whole workflow. */
export function DisputesPage() {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const list = useApiQuery('disputes:list', {}, revision);
  const onChange = (d: DisputeDetail) => {
    setOpenId(d.case.id);
    setRevision((r) => r + 1);
  };
  return (
    <Page title={t('disputes.title')}>
      {openId !== null ? (
        <>
          <button type="button" className="button button-quiet" onClick={() => setOpenId(null)}>
            {t('disputes.back')}
          </button>
          <CaseLoader id={openId} revision={revision} onChange={onChange} />
        </>
      ) : (
        <>
          <section className="panel" aria-labelledby="case-list">
            <h2 id="case-list">{t('disputes.cases')}</h2>
            {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
            {list.status === 'ok' && list.value.length === 0 ? (
              <EmptyState>{t('disputes.noCases')}</EmptyState>
            ) : null}
            {list.status === 'ok' && list.value.length > 0 ? (
              <table className="data-table" data-testid="dispute-cases">
                <thead>
                  <tr>
                    <th>{t('disputes.caseNo')}</th>
                    <th>{t('disputes.titleField')}</th>
                    <th>{t('disputes.status')}</th>
                    <th className="num">{t('disputes.claimed')}</th>
                    <th className="num">{t('disputes.recovered')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.value.map((c) => (
                    <tr key={c.id}>
                      <td>{c.caseNo}</td>
                      <td>{c.title}</td>
                      <td>{t(`disputes.statuses.${c.status}`)}</td>
                      <td className="num">{formatFen(c.claimedFen)}</td>
                      <td className="num">{formatFen(c.recoveredFen)}</td>
                      <td>
                        <button type="button" className="button button-small" onClick={() => setOpenId(c.id)}>
                          {t('disputes.open')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
          <NewDisputePanel onCreated={onChange} />
        </>
      )}
    </Page>
  );
}

function CaseLoader({
  id,
  revision,
  onChange,
}: {
  id: number;
  revision: number;
  onChange: (d: DisputeDetail) => void;
}) {
  const q = useApiQuery('disputes:get', { id }, revision);
  if (q.status === 'error') return <ErrorNotice error={q.error} onRetry={q.reload} />;
  const detail = q.status === 'ok' ? q.value : q.previous;
  return detail ? (
    // Keyed by the case alone: a change (a contact logged, a pack printed) keeps what the view shows.
    <DisputeCaseView key={detail.case.id} detail={detail} onChange={onChange} />
  ) : null;
}
