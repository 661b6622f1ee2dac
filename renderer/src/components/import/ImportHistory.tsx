import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../shared/api/contract';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useApiQuery } from '../../api/use-api-query';
import { formatCount, formatStamp } from '../../format/number';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';

/** Every import batch with its counts; a batch can be undone as a whole. */
export function ImportHistory({ refreshKey, onChanged }: { refreshKey: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const list = useApiQuery('imports:list', {}, refreshKey);
  const [confirming, setConfirming] = useState<ImportBatch | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const undo = async (batch: ImportBatch) => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('imports:undo', { batchId: batch.id });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMessage(t('import.undoDone', { n: formatCount(result.value.removed) }));
    onChanged();
  };

  const batches = list.status === 'ok' ? list.value : (list.previous ?? []);
  return (
    <section className="import-history">
      <h2>{t('import.historyTitle')}</h2>
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
      {message !== null ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {batches.length === 0 ? (
        <p className="muted">{t('import.historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('import.historyTime')}</th>
                <th scope="col">{t('import.historyFile')}</th>
                <th scope="col">{t('import.historyKind')}</th>
                <th scope="col" className="num">
                  {t('import.historyAdded')}
                </th>
                <th scope="col" className="num">
                  {t('import.historyDuplicate')}
                </th>
                <th scope="col" className="num">
                  {t('import.historySkipped')}
                </th>
                <th scope="col">{t('import.historyDates')}</th>
                <th scope="col">{t('import.historyStatus')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id} className={batch.status === 'undone' ? 'row-muted' : undefined}>
                  <td className="mono">{formatStamp(batch.importedAt)}</td>
                  <td>{batch.fileName}</td>
                  <td>{t(`import.kinds.${batch.kind}`)}</td>
                  <td className="num">{formatCount(batch.rowsAdded)}</td>
                  <td className="num">{formatCount(batch.rowsDuplicate)}</td>
                  <td className="num">{formatCount(batch.rowsSkipped)}</td>
                  <td className="mono">
                    {batch.firstDate !== null && batch.lastDate !== null
                      ? `${batch.firstDate} ~ ${batch.lastDate}`
                      : ''}
                  </td>
                  <td>
                    {batch.status === 'undone' ? t('import.statusUndone') : t('import.statusCommitted')}
                  </td>
                  <td>
                    {batch.status === 'committed' ? (
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => setConfirming(batch)}
                      >
                        {t('import.undo')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={confirming !== null} title={t('import.undoTitle')} onClose={() => setConfirming(null)}>
        {confirming !== null ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void undo(confirming);
            }}
          >
            <p>{t('import.undoBody', { name: confirming.fileName, n: formatCount(confirming.rowsAdded) })}</p>
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={busy} autoFocus>
                {t('import.undoConfirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </section>
  );
}
