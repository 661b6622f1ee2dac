import { z } from 'zod';
import { columnMappingSchema } from '../import/mapping-schema';
import type { ColumnMapping } from '../import/mapping-schema';
import type { ImportIssue } from '../import/raw';
import { call } from './define';
import type { FileRef } from './files';

export type SourceKind = 'pos' | 'bank';

export type PreviewColumn = {
  /** 0-based index into the row's cells. */
  index: number;
  /** Column letter as Excel shows it ("C"). */
  letter: string;
  header: string;
  /** The field this column feeds, or null when the app does not use it. */
  field: string | null;
};

/** One row of the preview, exactly as it will be stored. */
export type PreviewRow = {
  sheet: string;
  row: number;
  outcome: 'ok' | 'skip' | 'error';
  /** Normalised values by field (money in fen, times as `YYYY-MM-DD HH:mm:ss`). */
  values: Record<string, string | number | null>;
  /** Why the row will be skipped (a totals row, a blank row…), or the first error. */
  reason: string | null;
};

export type EncodingChoice = {
  encoding: string;
  confidence: number;
  /** True when the preview must ask the user to confirm the encoding. */
  uncertain: boolean;
  candidates: { encoding: string; confidence: number }[];
};

export type ImportPreview = {
  fileId: string;
  fileName: string;
  format: 'xlsx' | 'xls' | 'csv';
  size: number;
  sha256: string;
  sheets: { name: string; state: string }[];
  sheet: string;
  /** Other sheets of the workbook whose own header shows the same kind of data (each its own import). */
  otherSheets: string[];
  encoding: EncodingChoice | null;
  kind: SourceKind | null;
  /** False when the kind must be confirmed by the user. */
  kindCertain: boolean;
  headerRows: number[];
  mapping: ColumnMapping | null;
  /** The saved template that matched this layout's header signature. */
  template: { id: number; name: string } | null;
  columns: PreviewColumn[];
  /**
   * Values seen in value-mapped columns that no alias knows, for the user to map; `hint` says which
   * meaning to choose when, for a value FeeTrail asks about on purpose (已退款 as a status, 外卡).
   */
  unknownValues: { field: string; value: string; count: number; hint?: { zh: string; en: string } }[];
  rows: PreviewRow[];
  stats: {
    dataRows: number;
    okRows: number;
    skippedRows: number;
    errorRows: number;
    firstDate: string | null;
    lastDate: string | null;
  };
  /** The first issues (all of them are counted in issueCount). */
  issues: ImportIssue[];
  issueCount: number;
  /** This very file (same SHA-256) was imported before. */
  alreadyImported: { batchId: number; importedAt: string } | null;
  /** Importable as it stands; otherwise `blockers` says why (codes the UI translates). */
  canCommit: boolean;
  blockers: string[];
};

export type ImportOptions = {
  kind?: SourceKind | undefined;
  sheet?: string | undefined;
  /** 1-based header row (first of two for a two-row header). */
  headerRow?: number | undefined;
  headerRowCount?: 1 | 2 | undefined;
  encoding?: string | undefined;
  /** A full mapping (from the preview, corrected by the user). Wins over kind/headerRow. */
  mapping?: ColumnMapping | undefined;
};

export type ImportResult = {
  fileName: string;
  kind: SourceKind;
  /** The sheet read (a CSV's is its file name). */
  sheet?: string;
  /** Other sheets of the workbook whose own header shows the same kind of data, not read by this import. */
  otherSheets?: string[];
  batchId: number | null;
  added: number;
  duplicates: number;
  skipped: number;
  issues: ImportIssue[];
};

export type ImportBatch = {
  id: number;
  kind: SourceKind;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  sheet: string | null;
  templateId: number | null;
  importedAt: string;
  rowsTotal: number;
  rowsAdded: number;
  rowsDuplicate: number;
  rowsSkipped: number;
  firstDate: string | null;
  lastDate: string | null;
  status: 'committed' | 'undone';
  undoneAt: string | null;
};

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export type ImportJob = {
  jobId: string;
  fileName: string;
  state: JobState;
  /** Rows read so far, and the total when known (null while streaming an xlsx of unknown length). */
  done: number;
  total: number | null;
  result: ImportResult | null;
  error: { code: string; message: string; details?: Record<string, unknown> } | null;
};

export type MappingTemplateInfo = {
  id: number;
  name: string;
  kind: SourceKind;
  headerSignature: string;
  /** The header texts of the layout, column by column, as the user saw them. */
  headers: string[];
  createdAt: string;
  updatedAt: string;
  /** When an import last used this template (null: never yet). */
  lastUsedAt: string | null;
};

export const importOptionsSchema = z
  .object({
    kind: z.enum(['pos', 'bank']).optional(),
    sheet: z.string().max(300).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
    headerRowCount: z.union([z.literal(1), z.literal(2)]).optional(),
    encoding: z.string().max(40).optional(),
    mapping: columnMappingSchema.optional(),
  })
  .strict();

const fileId = z.string().min(1).max(100);

/** The largest template JSON accepted (text or file), in characters / bytes. */
export const TEMPLATE_JSON_MAX = 1_000_000;

export const importCalls = {
  /** Detect kind, header, mapping and encoding of a picked file and show its rows as they will be stored. */
  'imports:preview': call<ImportPreview>()(
    z.object({ fileId, options: importOptionsSchema.optional() }).strict(),
  ),
  /**
   * Start importing a file (one transaction: all or nothing). Poll `imports:job` for progress.
   * Rows with errors block the import unless `skipErrorRows` (they are then recorded as skipped).
   */
  'imports:start': call<ImportJob>()(
    z
      .object({
        fileId,
        options: importOptionsSchema.optional(),
        skipErrorRows: z.boolean().default(false),
        saveTemplateAs: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  ),
  'imports:job': call<ImportJob>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  /** Cancel a running import: the book is left exactly as before it started. */
  'imports:cancel': call<ImportJob>()(z.object({ jobId: z.string().min(1).max(100) }).strict()),
  'imports:list': call<ImportBatch[]>()(z.object({}).strict()),
  /** Roll back a whole import batch. */
  'imports:undo': call<{ removed: number; rehomed: number }>()(
    z.object({ batchId: z.number().int().min(1) }).strict(),
  ),
  'templates:list': call<MappingTemplateInfo[]>()(z.object({}).strict()),
  /**
   * The template as shareable JSON text, also written to a file: the save-dialog file `target`
   * (desktop), else a fresh file the browser host offers for download.
   */
  'templates:export': call<{ fileName: string; json: string; file: FileRef }>()(
    z.object({ id: z.number().int().min(1), target: fileId.optional() }).strict(),
  ),
  /**
   * Add (or replace, by name) a template from shared JSON: the text itself, or a .json file the user
   * picked (exactly one of the two). It is validated, never trusted; a refused one changes nothing.
   */
  'templates:import': call<MappingTemplateInfo>()(
    z.union([
      z.object({ json: z.string().min(2).max(TEMPLATE_JSON_MAX) }).strict(),
      z.object({ fileId }).strict(),
    ]),
  ),
  'templates:delete': call<null>()(z.object({ id: z.number().int().min(1) }).strict()),
};
