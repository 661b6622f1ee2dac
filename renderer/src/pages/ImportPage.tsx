import { useCallback, useState } from 'react';
import type { FileRef, ImportJob } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/result';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { useBook } from '../book/use-book';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilePreview } from '../components/import/FilePreview';
import { ImportHistory } from '../components/import/ImportHistory';
import { TemplatesPanel } from '../components/import/TemplatesPanel';
import { Page } from '../components/Page';

/** A preview on the page: a picked file (its sheet as detected), or a further sheet of it. */
type PreviewEntry = { file: FileRef; sheet?: string };

/** Pick files, preview and correct each, import; below, every import so far (with undo) and the saved templates. */
export function ImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const book = useBook();
  // One preview per file, and per further sheet of a workbook the user asked to import too.
  const [files, setFiles] = useState<PreviewEntry[]>([]);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const pick = async () => {
    setError(null);
    setPicking(true);
    const picked = await api.pickFiles({ filter: 'spreadsheets', multiple: true });
    setPicking(false);
    if (!picked.ok) {
      setError(picked.error);
      return;
    }
    setFiles((current) => [
      ...current,
      ...picked.value
        .filter((f) => !current.some((c) => c.file.fileId === f.fileId))
        .map((file) => ({ file })),
    ]);
  };

  /** The workbook's other data sheets, each as a preview of its own, after the file's (once each). */
  const addSheets = (file: FileRef, sheets: readonly string[]) =>
    setFiles((current) => {
      const added = sheets
        .filter((sheet) => !current.some((c) => c.file.fileId === file.fileId && c.sheet === sheet))
        .map((sheet) => ({ file, sheet }));
      let at = current.length;
      while (at > 0 && current[at - 1]?.file.fileId !== file.fileId) at -= 1;
      return [...current.slice(0, at), ...added, ...current.slice(at)];
    });

  const { refresh } = book;
  const onImported = useCallback(
    (job: ImportJob) => {
      if (job.state === 'done') void refresh();
    },
    [refresh],
  );

  return (
    <Page
      title={t('import.title')}
      actions={
        <button
          type="button"
          className="button button-primary"
          disabled={picking}
          onClick={() => void pick()}
        >
          {picking ? t('import.uploading') : t('import.pick')}
        </button>
      }
    >
      <p className="lead">{t('import.intro')}</p>
      {error !== null ? <ErrorNotice error={error} /> : null}
      {files.length === 0 ? (
        <div className="card-grid">
          <section className="card">
            <h2>{t('import.posTitle')}</h2>
            <p>{t('import.posBody')}</p>
          </section>
          <section className="card">
            <h2>{t('import.bankTitle')}</h2>
            <p>{t('import.bankBody')}</p>
          </section>
        </div>
      ) : null}
      <p className="field-hint">{t('import.pickHint')}</p>
      {files.map((entry) => (
        <FilePreview
          key={`${entry.file.fileId}#${entry.sheet ?? ''}`}
          file={entry.file}
          sheet={entry.sheet}
          onRemove={() => setFiles((current) => current.filter((f) => f !== entry))}
          onImported={onImported}
          // A sheet's own preview does not offer the others again: the file's preview did.
          onAddSheets={entry.sheet === undefined ? (sheets) => addSheets(entry.file, sheets) : undefined}
        />
      ))}
      <ImportHistory refreshKey={book.revision} onChanged={() => void refresh()} />
      <TemplatesPanel refreshKey={book.revision} />
    </Page>
  );
}
