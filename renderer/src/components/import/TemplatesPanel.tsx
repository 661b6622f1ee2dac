import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingTemplateInfo } from '../../../../shared/api/contract';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useApiQuery } from '../../api/use-api-query';
import { formatStamp } from '../../format/number';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';

/** What the last action did: done, refused with our own words (a bad template file), or an error. */
type Outcome =
  | { kind: 'message'; text: string }
  | { kind: 'refused'; text: string }
  | { kind: 'error'; error: AppError }
  | null;

/**
 * The saved column mappings: which layouts they recognise, when they were last used; export one as a
 * .json file to share, import a colleague's, delete one (after confirming).
 */
export function TemplatesPanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const list = useApiQuery('templates:list', {}, `${refreshKey}-${generation}`);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<MappingTemplateInfo | null>(null);

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await work();
      setOutcome(result);
      if (result?.kind === 'message') setGeneration((g) => g + 1);
    } finally {
      setBusy(false);
    }
  };

  const importFile = () =>
    run(async () => {
      const picked = await api.pickFiles({ filter: 'json', multiple: false });
      if (!picked.ok) return { kind: 'error', error: picked.error };
      const file = picked.value[0];
      if (file === undefined) return null;
      const r = await api.invoke('templates:import', { fileId: file.fileId });
      if (r.ok) return { kind: 'message', text: t('import.templates.imported', { name: r.value.name }) };
      const reason = r.error.details?.['reason'];
      const problem = r.error.details?.['problem'];
      if (reason === 'template_not_json')
        return { kind: 'refused', text: t('import.templates.notJson', { name: file.name }) };
      if (reason === 'template_invalid') {
        const detail = typeof problem === 'string' ? problem : '';
        return { kind: 'refused', text: t('import.templates.invalid', { name: file.name, problem: detail }) };
      }
      return { kind: 'error', error: r.error };
    });

  const exportOne = (template: MappingTemplateInfo) =>
    run(async () => {
      const where = await api.saveFile({
        filter: 'json',
        suggestedName: `${template.name}.feetrail-template.json`,
      });
      if (!where.ok) return { kind: 'error', error: where.error };
      if (where.value.kind === 'cancelled') return null;
      const target = where.value.kind === 'target' ? { target: where.value.file.fileId } : {};
      const r = await api.invoke('templates:export', { id: template.id, ...target });
      if (!r.ok) return { kind: 'error', error: r.error };
      if (where.value.kind === 'download') api.download(r.value.file);
      return { kind: 'message', text: t('import.templates.exported', { name: r.value.file.name }) };
    });

  const deleteOne = (template: MappingTemplateInfo) =>
    run(async () => {
      setConfirming(null);
      const r = await api.invoke('templates:delete', { id: template.id });
      if (!r.ok) return { kind: 'error', error: r.error };
      return { kind: 'message', text: t('import.templates.deleted', { name: template.name }) };
    });

  const templates = list.status === 'ok' ? list.value : (list.previous ?? []);
  return (
    <section className="import-templates" aria-labelledby="templates-title" data-testid="templates-panel">
      <div className="section-head">
        <h2 id="templates-title">{t('import.templates.title')}</h2>
        <button type="button" className="button" disabled={busy} onClick={() => void importFile()}>
          {busy ? t('import.templates.importing') : t('import.templates.importFile')}
        </button>
      </div>
      <p className="muted">{t('import.templates.intro')}</p>
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {outcome?.kind === 'error' ? <ErrorNotice error={outcome.error} /> : null}
      {outcome?.kind === 'refused' ? (
        <div className="notice notice-error" role="alert" data-testid="templates-refused">
          <strong>{t('errors.title')}</strong>
          <p>{outcome.text}</p>
        </div>
      ) : null}
      {outcome?.kind === 'message' ? (
        <p className="notice" role="status" data-testid="templates-message">
          {outcome.text}
        </p>
      ) : null}
      {templates.length === 0 ? (
        <p className="muted">{t('import.templates.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('import.templates.name')}</th>
                <th scope="col">{t('import.templates.kind')}</th>
                <th scope="col">{t('import.templates.headers')}</th>
                <th scope="col">{t('import.templates.signature')}</th>
                <th scope="col">{t('import.templates.createdAt')}</th>
                <th scope="col">{t('import.templates.lastUsedAt')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={template.id} data-template={template.name}>
                  <td>{template.name}</td>
                  <td>{t(`import.kinds.${template.kind}`)}</td>
                  <td className="template-headers">{template.headers.filter((h) => h !== '').join(' · ')}</td>
                  <td className="mono">{template.headerSignature}</td>
                  <td className="mono">{formatStamp(template.createdAt)}</td>
                  <td className="mono">
                    {template.lastUsedAt === null
                      ? t('import.templates.neverUsed')
                      : formatStamp(template.lastUsedAt)}
                  </td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-quiet"
                        disabled={busy}
                        onClick={() => void exportOne(template)}
                      >
                        {t('import.templates.export')}
                      </button>
                      <button
                        type="button"
                        className="button button-quiet"
                        disabled={busy}
                        onClick={() => setConfirming(template)}
                      >
                        {t('import.templates.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog
        open={confirming !== null}
        title={t('import.templates.deleteTitle')}
        onClose={() => setConfirming(null)}
      >
        {confirming !== null ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void deleteOne(confirming);
            }}
          >
            <p>{t('import.templates.deleteBody', { name: confirming.name })}</p>
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={busy} autoFocus>
                {t('import.templates.deleteConfirm')}
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
