import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef, ImportJob, ImportOptions, ImportPreview } from '../../../../shared/api/contract';
import { applyOverrides } from '../../../../shared/import/mapping';
import { ERROR_CODES } from '../../../../shared/result';
import type { AppError, ErrorCode } from '../../../../shared/result';
import type { MappingOverrides } from '../../../../shared/import/mapping';
import { importIssuesOf } from '../../api/describe-error';
import { useApiQuery } from '../../api/use-api-query';
import { formatCount, formatStamp } from '../../format/number';
import { useImportJob } from '../../import/use-import-job';
import { ErrorNotice } from '../ErrorNotice';
import { ProgressBar } from '../ProgressBar';
import { ImportBlockers } from './ImportBlockers';
import { ImportDoneNotice } from './ImportDoneNotice';
import { IssueList } from './IssueList';
import { MappingEditor } from './MappingEditor';
import { PreviewRows } from './PreviewRows';
import { ValueMapper } from './ValueMapper';

type FilePreviewProps = {
  file: FileRef;
  /** The sheet to read (a further sheet of a workbook); by default the one detected. */
  sheet?: string | undefined;
  onRemove: () => void;
  onImported: (job: ImportJob) => void;
  /** Adds a preview for each of the workbook's other data sheets; without it, none is offered. */
  onAddSheets?: ((sheets: readonly string[]) => void) | undefined;
};

/** Options that change detection itself: the mapping is suggested again from them. */
function reanalyse(options: ImportOptions, change: Partial<ImportOptions>): ImportOptions {
  const next: ImportOptions = { ...options, ...change };
  delete next.mapping;
  return next;
}

/**
 * One picked file: what FeeTrail detected (kind, sheet, header row, encoding, columns), the rows as
 * they will be stored, every problem located; the user corrects any of it, then imports.
 */
export function FilePreview({ file, sheet, onRemove, onImported, onAddSheets }: FilePreviewProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ImportOptions>(sheet === undefined ? {} : { sheet });
  const [sheetsAdded, setSheetsAdded] = useState(false);
  const [skipErrorRows, setSkipErrorRows] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const query = useApiQuery('imports:preview', { fileId: file.fileId, options });
  const run = useImportJob(onImported);
  const ids = {
    kind: useId(),
    sheet: useId(),
    header: useId(),
    encoding: useId(),
    feeSign: useId(),
    template: useId(),
    skip: useId(),
  };

  const preview: ImportPreview | null = query.status === 'ok' ? query.value : query.previous;
  const loading = query.status === 'loading';
  const running = run.job?.state === 'running';
  const finished = run.job !== null && run.job.state !== 'running';

  const changeColumn = (columnIndex: number, field: string | null) => {
    if (preview?.mapping == null) return;
    const overrides: MappingOverrides = { fields: {} };
    const fields = overrides.fields as Record<string, number | null>;
    if (field === null) {
      const current = preview.columns.find((c) => c.index === columnIndex)?.field;
      if (current != null) fields[current] = null;
    } else fields[field] = columnIndex;
    setOptions({ ...options, mapping: applyOverrides(preview.mapping, overrides) });
  };
  const changeFeeSign = (feeSign: string) => {
    if (preview?.mapping == null || (feeSign !== 'charge' && feeSign !== 'deduction')) return;
    setOptions({ ...options, mapping: applyOverrides(preview.mapping, { feeSign }) });
  };
  const posMapping = preview?.mapping?.kind === 'pos' ? preview.mapping : null;

  const onlyRowErrors = preview !== null && preview.blockers.every((b) => b === 'rows_invalid');
  const canStart =
    preview !== null &&
    !loading &&
    !running &&
    !finished &&
    (preview.canCommit || (onlyRowErrors && skipErrorRows));

  const start = () => {
    if (preview === null) return;
    const name = templateName.trim();
    void run.start({
      fileId: file.fileId,
      options: preview.mapping === null ? options : { ...options, mapping: preview.mapping },
      skipErrorRows,
      ...(name === '' ? {} : { saveTemplateAs: name }),
    });
  };

  return (
    <section
      className="card file-preview"
      aria-label={sheet === undefined ? file.name : `${file.name} · ${sheet}`}
      data-file={file.name}
      data-sheet={preview?.sheet ?? sheet ?? ''}
    >
      <header className="file-preview-header">
        <h2>{sheet === undefined ? file.name : t('import.sheetOf', { name: file.name, sheet })}</h2>
        {!running && !finished ? (
          <button type="button" className="button button-quiet" onClick={onRemove}>
            {t('import.removeFile')}
          </button>
        ) : null}
      </header>

      {query.status === 'error' ? <ErrorNotice error={query.error} onRetry={query.reload} /> : null}
      {preview === null && loading ? <p className="muted">{t('app.loading')}</p> : null}

      {preview !== null ? (
        <div className={loading ? 'preview-body is-loading' : 'preview-body'} aria-busy={loading}>
          <div className="preview-options">
            <label htmlFor={ids.kind}>{t('import.kind')}</label>
            <select
              id={ids.kind}
              value={preview.kind ?? ''}
              disabled={running || finished}
              onChange={(event) => {
                const kind = event.target.value;
                if (kind === 'pos' || kind === 'bank') setOptions(reanalyse(options, { kind }));
              }}
            >
              {preview.kind === null ? <option value="">{t('import.kindUnknown')}</option> : null}
              <option value="pos">{t('import.kinds.pos')}</option>
              <option value="bank">{t('import.kinds.bank')}</option>
            </select>

            {preview.sheets.length > 1 ? (
              <>
                <label htmlFor={ids.sheet}>{t('import.sheet')}</label>
                <select
                  id={ids.sheet}
                  value={preview.sheet}
                  disabled={running || finished}
                  onChange={(event) =>
                    setOptions(reanalyse(options, { sheet: event.target.value, headerRow: undefined }))
                  }
                >
                  {preview.sheets.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </>
            ) : null}

            <label htmlFor={ids.header}>{t('import.headerRow')}</label>
            <input
              id={ids.header}
              type="number"
              min={1}
              max={1000}
              className="narrow"
              key={preview.headerRows.join(',')}
              defaultValue={preview.headerRows[0] ?? ''}
              disabled={running || finished}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
              }}
              onBlur={(event) => {
                const row = Number(event.currentTarget.value);
                if (Number.isInteger(row) && row >= 1 && row !== preview.headerRows[0]) {
                  setOptions(reanalyse(options, { headerRow: row }));
                }
              }}
            />

            {preview.encoding !== null ? (
              <>
                <label htmlFor={ids.encoding}>{t('import.encoding')}</label>
                <select
                  id={ids.encoding}
                  value={preview.encoding.encoding}
                  disabled={running || finished}
                  onChange={(event) => setOptions(reanalyse(options, { encoding: event.target.value }))}
                >
                  {[preview.encoding.encoding, ...preview.encoding.candidates.map((c) => c.encoding)]
                    .filter((value, index, all) => all.indexOf(value) === index)
                    .map((encoding) => (
                      <option key={encoding} value={encoding}>
                        {encoding}
                      </option>
                    ))}
                </select>
              </>
            ) : null}

            {posMapping?.fields.fee !== undefined ? (
              <>
                <label htmlFor={ids.feeSign}>{t('import.feeSign')}</label>
                <select
                  id={ids.feeSign}
                  value={posMapping.feeSign ?? 'charge'}
                  disabled={running || finished}
                  onChange={(event) => changeFeeSign(event.target.value)}
                >
                  <option value="charge">{t('import.feeSigns.charge')}</option>
                  <option value="deduction">{t('import.feeSigns.deduction')}</option>
                </select>
              </>
            ) : null}
          </div>

          {preview.encoding?.uncertain === true ? (
            <p className="notice">{t('import.encodingUncertain')}</p>
          ) : null}
          {preview.template !== null ? (
            <p className="muted" data-testid="preview-template">
              {t('import.template', { name: preview.template.name })}
            </p>
          ) : null}
          {preview.alreadyImported !== null ? (
            <p className="notice">
              {t('import.alreadyImported', { time: formatStamp(preview.alreadyImported.importedAt) })}
            </p>
          ) : null}
          {onAddSheets !== undefined && !sheetsAdded && preview.otherSheets.length > 0 ? (
            <p className="notice" data-testid="other-sheets">
              {t('import.otherSheets', { sheets: preview.otherSheets.join('、') })}{' '}
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSheetsAdded(true);
                  onAddSheets(preview.otherSheets);
                }}
              >
                {t('import.addOtherSheets', { count: preview.otherSheets.length })}
              </button>
            </p>
          ) : null}

          <p className="preview-stats" data-testid="preview-stats">
            {[
              t('import.statsRows', { n: formatCount(preview.stats.dataRows) }),
              t('import.statsOk', { n: formatCount(preview.stats.okRows) }),
              t('import.statsSkipped', { n: formatCount(preview.stats.skippedRows) }),
              t('import.statsErrors', { n: formatCount(preview.stats.errorRows) }),
              ...(preview.stats.firstDate !== null && preview.stats.lastDate !== null
                ? [t('import.statsDates', { from: preview.stats.firstDate, to: preview.stats.lastDate })]
                : []),
            ].join(' · ')}
          </p>

          {preview.kind !== null && preview.columns.length > 0 ? (
            <details className="mapping-details" open={!preview.canCommit}>
              <summary>{t('import.mappingTitle')}</summary>
              <MappingEditor
                kind={preview.kind}
                unclear={preview.mapping?.ambiguous ?? []}
                columns={preview.columns}
                disabled={running || finished || loading}
                onChange={changeColumn}
              />
            </details>
          ) : null}

          <ValueMapper
            unknownValues={preview.unknownValues}
            disabled={running || finished || loading || preview.mapping === null}
            onMap={(valueMaps) => {
              if (preview.mapping !== null)
                setOptions({ ...options, mapping: applyOverrides(preview.mapping, { valueMaps }) });
            }}
          />
          {preview.kind !== null ? <PreviewRows kind={preview.kind} rows={preview.rows} /> : null}
          <IssueList issues={preview.issues} total={preview.issueCount} />
          <ImportBlockers blockers={preview.blockers} />

          {!finished ? (
            <div className="import-actions">
              {preview.stats.errorRows > 0 ? (
                <label htmlFor={ids.skip} className="checkbox">
                  <input
                    id={ids.skip}
                    type="checkbox"
                    checked={skipErrorRows}
                    disabled={running}
                    onChange={(event) => setSkipErrorRows(event.target.checked)}
                  />{' '}
                  {t('import.skipErrorRows')}
                </label>
              ) : null}
              <div className="form-row">
                <label htmlFor={ids.template} className="inline-label">
                  {t('import.saveTemplate')}
                </label>
                <input
                  id={ids.template}
                  type="text"
                  value={templateName}
                  maxLength={200}
                  disabled={running}
                  placeholder={t('import.saveTemplatePlaceholder')}
                  onChange={(event) => setTemplateName(event.target.value)}
                />
                <button type="button" className="button button-primary" disabled={!canStart} onClick={start}>
                  {t('import.start')}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}

      {running && run.job !== null ? (
        <ProgressBar
          label={t('import.progressLabel', { name: file.name })}
          done={run.job.done}
          total={run.job.total ?? preview?.stats.dataRows ?? 0}
          onCancel={() => void run.cancel()}
          cancelling={run.cancelling}
        />
      ) : null}
      {run.error !== null ? <ErrorNotice error={run.error} /> : null}
      {run.job?.state === 'done' && run.job.result !== null ? (
        <ImportDoneNotice
          name={file.name}
          result={run.job.result}
          firstDate={preview?.stats.firstDate ?? null}
          lastDate={preview?.stats.lastDate ?? null}
        />
      ) : null}
      {run.job?.state === 'cancelled' ? (
        <p className="notice" role="status">
          {t('import.cancelledNote', { name: file.name })}
        </p>
      ) : null}
      {run.job?.state === 'failed' && run.job.error !== null ? <JobFailure error={run.job.error} /> : null}
    </section>
  );
}

/** Why the import failed, and when rows were at fault, every located problem the service reported. */
function JobFailure({ error }: { error: NonNullable<ImportJob['error']> }) {
  const appError: AppError = { code: asErrorCode(error.code), message: error.message };
  if (error.details !== undefined) appError.details = error.details;
  const issues = importIssuesOf(appError);
  const count = appError.details?.['issueCount'];
  return (
    <>
      <ErrorNotice error={appError} />
      {issues !== null ? (
        <IssueList issues={issues} total={typeof count === 'number' ? count : issues.length} />
      ) : null}
    </>
  );
}

function asErrorCode(code: string) {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}
