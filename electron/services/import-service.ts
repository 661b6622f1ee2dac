/**
 * Importing POS exports and bank statements: preview (read everything, write nothing) and import
 * (one transaction per file, all or nothing, every row deduplicated and kept with its provenance).
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type {
  ImportOptions,
  ImportPreview,
  ImportResult,
  PreviewRow,
  SourceKind,
} from '../../shared/api/imports';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { createFileStep, createNormaliser, createRowStep } from '../../shared/import/normalise';
import type { RowOutcome } from '../../shared/import/normalise';
import { locate, makeIssue } from '../../shared/import/issues';
import type { ColumnMapping } from '../../shared/import/mapping-schema';
import type { ImportIssue, RawRow } from '../../shared/import/raw';
import { columnLetter } from '../../shared/import/text';
import { valueHint } from '../../shared/import/value-maps';
import { FeeTrailError } from '../../shared/result';
import type { Book } from '../db/book';
import { bookNameOf, localNow } from '../db/book';
import { appendAudit } from '../db/audit-repo';
import { findCommittedBatchBySha, openBatchWriter, runImportTransaction } from '../db/import-repo';
import { assertMonthsOpen, monthsOfBatch } from '../db/periods-repo';
import type { BatchWriter } from '../db/import-repo';
import { saveTemplate } from '../db/template-repo';
import type { OpenSourceOptions, SourceReader } from '../io/read-file';
import { openSource, sha256File } from '../io/read-file';
import type { ReadLimits } from '../io/read-limits';
import type { Analysis } from './import-analysis';
import { analyseSource } from './import-analysis';
import { factsOf, SheetCursors } from './sheet-cursors';
import { openWorkerSource, warmUpImportWorker } from './import-worker-client';
import type { ReadRow } from './import-batch-pack';
import type { RowSource, RowSourcePlan } from './import-worker-rows';
import { openInlineSource } from './import-worker-rows';

export const PREVIEW_ROWS = 50;
export const MAX_REPORTED_ISSUES = 200;
/**
 * Where an import reads the file: `worker` parses on a worker thread while this thread normalises and
 * writes; `inline` does both here, yielding to the event loop between batches; `auto` (the default)
 * takes the worker for files of WORKER_MIN_BYTES or more, where parsing takes seconds, and reads smaller
 * files inline, where starting a thread would cost more than it saves.
 */
export type ImportReading = 'worker' | 'inline' | 'auto';

/** From this size on a file's parse is long enough (about a second) to be worth a thread of its own. */
export const WORKER_MIN_BYTES = 1 << 20;

/** Whether a file is parsed on the import worker under the given reading policy. */
export function readsOnWorker(reading: ImportReading, path: string): boolean {
  if (reading !== 'auto') return reading === 'worker';
  try {
    return statSync(path).size >= WORKER_MIN_BYTES;
  } catch {
    return false; // the inline reader reports the missing file in its own words
  }
}

/** Skip reasons worth keeping as provenance; blank and preamble rows are not data. */
const RECORDED_SKIPS = new Set(['totals', 'note', 'header_repeat', 'zero_amount', 'not_payment']);

export type ImportRunOptions = {
  skipErrorRows?: boolean;
  saveTemplateAs?: string | undefined;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
};

/** The book's attachment store: originals kept beside the book, named by their SHA-256. */
export function attachmentPathOf(book: Book, sha256: string, fileName: string): string {
  const ext = extname(fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '');
  return join(dirname(book.path), `${bookNameOf(book.path)}.files`, sha256.slice(0, 2), `${sha256}${ext}`);
}

function keepOriginal(book: Book, path: string, sha256: string, fileName: string): void {
  const target = attachmentPathOf(book, sha256, fileName);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(path, target);
}

function previewValues(record: PosTxn | BankLine): Record<string, string | number | null> {
  return { ...record };
}

function firstError(issues: readonly ImportIssue[]): ImportIssue | undefined {
  return issues.find((i) => i.severity === 'error') ?? issues[0];
}

export class ImportService {
  constructor(
    private readonly limits: Partial<ReadLimits> = {},
    private readonly now: () => string = localNow,
    /** Runs before anything is written (the app makes an automatic backup of the book here). */
    private readonly beforeWrite: (book: Book) => Promise<unknown> = () => Promise.resolve(),
    private readonly reading: ImportReading = 'auto',
  ) {}

  /**
   * Starts the import worker ahead of an import of `paths`, when one of them will be read on it, so
   * the import does not wait for the thread and its modules; resolves when it is ready (see
   * warmUpImportWorker). The preview calls it, and the CLI.
   */
  warmUp(paths: readonly string[]): Promise<void> {
    return paths.some((p) => readsOnWorker(this.reading, p)) ? warmUpImportWorker() : Promise.resolve();
  }

  private openRows(path: string, fileName: string, options: ImportOptions): Promise<RowSource> {
    const plan: RowSourcePlan = { path, fileName, limits: this.limits };
    if (options.encoding) plan.encoding = options.encoding;
    if (options.sheet !== undefined) plan.sheet = options.sheet;
    return readsOnWorker(this.reading, path)
      ? openWorkerSource(plan, !options.mapping)
      : openInlineSource(plan);
  }

  private open(path: string, fileName: string, options: ImportOptions): Promise<SourceReader> {
    const o: OpenSourceOptions = { limits: this.limits, fileName };
    if (options.encoding) o.encoding = options.encoding;
    return openSource(path, o);
  }

  /** Everything the preview shows; reads the whole file to list every problem, writes nothing. */
  async preview(
    book: Book,
    file: { fileId: string; path: string; name: string },
    options: ImportOptions = {},
  ): Promise<ImportPreview> {
    // The import that follows the preview then finds its reading thread started.
    void this.warmUp([file.path]);
    const reader = await this.open(file.path, file.name, options);
    const sha256 = await sha256File(file.path);
    const cursors = new SheetCursors(reader);
    const analysis = await analyseSource(factsOf(reader), (only) => cursors.head(only), book, options);
    const issues = [...analysis.issues];
    let issueCount = issues.length;
    const rows: PreviewRow[] = [];
    const stats: ImportPreview['stats'] = {
      dataRows: 0,
      okRows: 0,
      skippedRows: 0,
      errorRows: 0,
      firstDate: null,
      lastDate: null,
    };
    let unknownValues: ImportPreview['unknownValues'] = [];
    const m = analysis.mapping;
    if (m && !analysis.blockers.includes('no_header')) {
      const { normaliser } = createNormaliser(m, { file: file.name });
      for await (const row of cursors.rows(analysis.sheet)) {
        const o = (normaliser as { push(r: RawRow): RowOutcome<PosTxn | BankLine> }).push(row);
        const last = m.headerRows[m.headerRows.length - 1] ?? 0;
        if (row.row <= last) continue;
        const rowIssues = o.type === 'invalid' ? o.issues : o.warnings;
        issueCount += rowIssues.length;
        for (const i of rowIssues) if (issues.length < MAX_REPORTED_ISSUES) issues.push(i);
        if (o.type === 'record') {
          stats.dataRows += 1;
          stats.okRows += 1;
          const d = o.record.txnTime.slice(0, 10);
          if (stats.firstDate === null || d < stats.firstDate) stats.firstDate = d;
          if (stats.lastDate === null || d > stats.lastDate) stats.lastDate = d;
        } else if (o.type === 'invalid') {
          stats.dataRows += 1;
          stats.errorRows += 1;
        } else if (RECORDED_SKIPS.has(o.reason)) stats.skippedRows += 1;
        if (rows.length < PREVIEW_ROWS && !(o.type === 'skipped' && !RECORDED_SKIPS.has(o.reason))) {
          rows.push({
            sheet: o.sheet,
            row: o.row,
            outcome: o.type === 'record' ? 'ok' : o.type === 'invalid' ? 'error' : 'skip',
            values: o.type === 'record' ? previewValues(o.record) : {},
            reason:
              o.type === 'invalid'
                ? (firstError(o.issues)?.message ?? null)
                : o.type === 'skipped'
                  ? o.reason
                  : null,
          });
        }
      }
      unknownValues = normaliser.summary().unknownValues.map(({ field, value, count }) => {
        const hint = valueHint(field, value);
        return { field, value, count, ...(hint ? { hint } : {}) };
      });
    }
    await cursors.close();
    const blockers: string[] = [...analysis.blockers];
    if (stats.errorRows > 0) blockers.push('rows_invalid');
    const previous = m ? findCommittedBatchBySha(book, sha256, m.kind, analysis.sheet) : undefined;
    const headers = m?.headers ?? analysis.header?.headers ?? [];
    const fieldOf = new Map<number, string>(m ? Object.entries(m.fields).map(([f, c]) => [c, f]) : []);
    return {
      fileId: file.fileId,
      fileName: file.name,
      format: reader.format,
      size: reader.size,
      sha256,
      sheets: reader.sheets.map((s) => ({ name: s.name, state: s.state })),
      sheet: analysis.sheet,
      otherSheets: analysis.otherSheets,
      encoding: reader.encoding
        ? {
            encoding: options.encoding ?? reader.encoding.encoding,
            confidence: reader.encoding.confidence,
            uncertain: reader.encoding.uncertain && !options.encoding,
            candidates: reader.encoding.candidates.map((c) => ({
              encoding: c.encoding,
              confidence: c.confidence,
            })),
          }
        : null,
      kind: m?.kind ?? analysis.header?.kind ?? null,
      kindCertain: analysis.kindCertain,
      headerRows: m?.headerRows ?? analysis.header?.headerRows ?? [],
      mapping: m,
      template: analysis.template,
      columns: headers.map((header, index) => ({
        index,
        letter: columnLetter(index + 1),
        header,
        field: fieldOf.get(index) ?? null,
      })),
      unknownValues,
      rows,
      stats,
      issues,
      issueCount,
      alreadyImported: previous ? { batchId: previous.id, importedAt: previous.importedAt } : null,
      canCommit: blockers.length === 0,
      blockers,
    };
  }

  /**
   * Import one file in one transaction. Refuses (changing nothing) when the file cannot be read
   * unambiguously, or has rows with errors and `skipErrorRows` is not set.
   */
  async importFile(
    book: Book,
    path: string,
    fileName: string,
    options: ImportOptions = {},
    run: ImportRunOptions = {},
  ): Promise<ImportResult> {
    const source = await this.openRows(path, fileName, options);
    try {
      return await this.importFrom(source, book, path, fileName, options, run);
    } finally {
      await source.close();
    }
  }

  private async importFrom(
    source: RowSource,
    book: Book,
    path: string,
    fileName: string,
    options: ImportOptions,
    run: ImportRunOptions,
  ): Promise<ImportResult> {
    const facts = source.facts;
    const analysis = await analyseSource(facts, () => source.head(), book, options);
    refuseBlocked(fileName, analysis);
    const mapping = analysis.mapping as NonNullable<Analysis['mapping']>;
    const kind: SourceKind = mapping.kind;
    const sha256 = await sha256File(path);
    const previous = findCommittedBatchBySha(book, sha256, kind, analysis.sheet);
    const sheets = { sheet: analysis.sheet, otherSheets: analysis.otherSheets };
    if (previous) {
      return {
        fileName,
        kind,
        ...sheets,
        batchId: null,
        added: 0,
        duplicates: previous.rowsAdded + previous.rowsDuplicate,
        skipped: 0,
        issues: [],
      };
    }
    // The worker starts reading now, while the original is kept and the book backed up.
    const batches = source.batches(analysis.sheet, run.signal);
    keepOriginal(book, path, sha256, fileName);
    if (!book.db.inTransaction) await this.beforeWrite(book);
    const at = this.now();
    return runImportTransaction(book, async () => {
      const writer = openBatchWriter(book, {
        kind,
        fileName,
        fileSize: facts.size,
        sha256,
        format: facts.format,
        encoding: facts.encoding ? (options.encoding ?? facts.encoding.encoding) : null,
        sheet: analysis.sheet,
        headerRow: mapping.headerRows[0] ?? null,
        mappingJson: JSON.stringify(mapping),
        templateId: analysis.template?.id ?? null,
        importedAt: at,
      });
      const issues = await writeRows(batches, mapping, writer, fileName, run);
      const counts = writer.finish();
      // A closed month refuses rows: throwing here rolls the whole file back.
      assertMonthsOpen(book, monthsOfBatch(book, writer.batchId), 'import');
      if (run.saveTemplateAs) saveTemplate(book, run.saveTemplateAs, mapping, at);
      appendAudit(book, at, 'import.committed', {
        batchId: writer.batchId,
        fileName,
        sha256,
        kind,
        ...counts,
      });
      return {
        fileName,
        kind,
        ...sheets,
        batchId: writer.batchId,
        added: counts.added,
        duplicates: counts.duplicate,
        skipped: counts.skipped,
        // What the analysis only warned about (other sheets, fees that cannot be checked…) is said too.
        issues: [...analysis.issues.filter((i) => i.severity === 'warning'), ...issues],
      };
    });
  }
}

/**
 * Normalises every row (the per-row step, then the file-wide one: fingerprints) and writes it through
 * `writer`; refuses (throws) when rows have errors, unless the user chose to skip them.
 */
async function writeRows(
  batches: AsyncIterable<Iterable<ReadRow>>,
  mapping: ColumnMapping,
  writer: BatchWriter,
  fileName: string,
  run: ImportRunOptions,
): Promise<ImportIssue[]> {
  const step = createRowStep(mapping, { file: fileName });
  // A repeated 参考号 is looked up among the rows already written, not kept in the heap.
  const finish = createFileStep(mapping, { file: fileName }, (key) => writer.firstRowOf(key));
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const reused: { count: number; first: { sheet: string; row: number; record: PosTxn | BankLine } | null } = {
    count: 0,
    first: null,
  };
  let errorCount = 0;
  let seen = 0;
  const cancelled = () => new FeeTrailError('cancelled', 'The import was cancelled; the book is unchanged.');
  if (run.signal?.aborted) throw cancelled();
  for await (const batch of batches) {
    if (run.signal?.aborted) throw cancelled();
    for (const { raw, source } of batch) {
      const o = finish(step(raw));
      if (o.type === 'record') {
        const outcome =
          mapping.kind === 'pos'
            ? writer.addPos(o.record as PosTxn, o.fingerprint, source)
            : writer.addBank(o.record as BankLine, o.fingerprint, source);
        // A 参考号 another transaction already has, on another day or for another amount: kept, and
        // said once for the file (a month that restarts its numbers reuses nearly all of them).
        let said = o.warnings;
        if (outcome === 'reused') {
          said = o.warnings.filter((w) => w.code !== 'duplicate_in_file');
          reused.count += 1;
          reused.first ??= o;
        }
        for (const w of said) if (warnings.length < MAX_REPORTED_ISSUES) warnings.push(w);
      } else if (o.type === 'skipped') {
        if (RECORDED_SKIPS.has(o.reason)) writer.addSkipped(source, o.reason);
      } else {
        errorCount += o.issues.length;
        for (const i of o.issues) if (errors.length < MAX_REPORTED_ISSUES) errors.push(i);
        if (run.skipErrorRows) writer.addSkipped(source, `invalid: ${o.issues.map((i) => i.code).join(',')}`);
      }
      seen += 1;
    }
    run.onProgress?.(seen);
  }
  if (errorCount > 0 && !run.skipErrorRows) {
    const first = errors[0] as ImportIssue;
    throw new FeeTrailError(
      'import_invalid',
      `${fileName}: ${errorCount} problem(s) in the data rows; nothing was imported. First: ${first.messageEn ?? first.message}`,
      {
        file: fileName,
        sheet: first.sheet,
        row: first.row,
        column: first.columnLetter ?? null,
        issues: errors,
        issueCount: errorCount,
      },
    );
  }
  if (reused.first) warnings.push(reusedRefIssue(mapping, fileName, reused.first, reused.count));
  return [...errors, ...warnings];
}

function refuseBlocked(fileName: string, analysis: Analysis): void {
  if (analysis.blockers.length === 0) return;
  const first = firstError(analysis.issues);
  const where =
    first && first.row > 0
      ? ` (sheet ${first.sheet}, row ${first.row}${first.columnLetter ? `, column ${first.columnLetter}` : ''})`
      : '';
  const what = first ? (first.messageEn ?? first.message) : analysis.blockers.join(', ');
  throw new FeeTrailError(
    'import_ambiguous',
    `${fileName} cannot be imported unambiguously${where}: ${what}`,
    {
      file: fileName,
      blockers: analysis.blockers,
      issues: analysis.issues.slice(0, MAX_REPORTED_ISSUES),
    },
  );
}

/**
 * The file's one warning for the rows kept although their 参考号 is another transaction's (RowOutcome
 * `reused`), at the first of them, counting them all.
 */
function reusedRefIssue(
  mapping: ColumnMapping,
  file: string,
  first: { sheet: string; row: number; record: PosTxn | BankLine },
  count: number,
): ImportIssue {
  const col = mapping.kind === 'pos' ? mapping.fields.refNo : undefined;
  const at = locate(file, first.sheet, first.row, col, col === undefined ? undefined : mapping.headers[col]);
  const value = (first.record as PosTxn).refNo ?? '';
  return makeIssue(at, 'warning', 'ref_reused', { value, detail: String(count) });
}
