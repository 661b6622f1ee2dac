/**
 * Limits and errors shared by the file readers. Every refusal is a FeeTrailError with a code the UI
 * translates (file_unsupported / file_unreadable / file_too_large) and details that locate it:
 * `{ file, sheet?, row?, column?, reason, limit? }`. `reason` is a stable machine word for the finer
 * cause (the code set in shared/result.ts is deliberately small).
 */
import { FeeTrailError } from '../../shared/result';
import type { ErrorCode } from '../../shared/result';
import type { ReadRefusalReason } from '../../shared/import/refusals';

export type ReadLimits = {
  /** Largest file accepted at all, in bytes. */
  maxFileBytes: number;
  /** Rows yielded per sheet (CSV: records) before the read stops with file_too_large. */
  maxRowsPerSheet: number;
  /** Highest column number accepted in any row. */
  maxColumns: number;
  /** Sum of the declared uncompressed sizes of all entries of an .xlsx. */
  maxUncompressedBytes: number;
  /** Uncompressed/compressed ratio allowed for any entry larger than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny XML parts compress absurdly well). */
  ratioCheckMinBytes: number;
  /** Number of entries in an .xlsx zip. */
  maxZipEntries: number;
};

// Excel's own sheet is 1,048,576 × 16,384; a shop's year of POS rows is far below both, so these
// defaults refuse only what no bank or acquirer produces, while keeping memory and time bounded.
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRowsPerSheet: 1_048_576,
  maxColumns: 1024,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
  maxZipEntries: 10_000,
};

export function resolveLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...(partial ?? {}) };
}

export type ReadErrorReason = ReadRefusalReason;

export type ReadErrorDetails = {
  file: string;
  reason: ReadErrorReason;
  sheet?: string;
  row?: number;
  column?: number;
  limit?: number;
  /** What the file looked like, when that helps the user (e.g. "PDF document"). */
  detected?: string;
  /** The underlying library's message, for logs only. */
  cause?: string;
};

export function readError(code: ErrorCode, message: string, details: ReadErrorDetails): FeeTrailError {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) if (v !== undefined) clean[k] = v;
  return new FeeTrailError(code, message, clean);
}

export function causeOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function tooManyRows(file: string, sheet: string, limit: number): FeeTrailError {
  return readError(
    'file_too_large',
    `Sheet "${sheet}" of ${file} has more than ${limit.toLocaleString('en-US')} rows, the configured limit.`,
    { file, sheet, reason: 'too_many_rows', limit, row: limit + 1 },
  );
}

export function tooManyColumns(
  file: string,
  sheet: string,
  row: number,
  column: number,
  limit: number,
): FeeTrailError {
  return readError(
    'file_too_large',
    `Row ${row} of sheet "${sheet}" in ${file} reaches column ${column}, beyond the limit of ${limit} columns.`,
    { file, sheet, row, column, reason: 'too_many_columns', limit },
  );
}

export function emptySheet(file: string, sheet: string): FeeTrailError {
  return readError('file_unreadable', `Sheet "${sheet}" of ${file} is empty.`, {
    file,
    sheet,
    reason: 'empty_sheet',
  });
}
