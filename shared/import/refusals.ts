/**
 * Why a reader refused a whole file: `details.reason` of a `file_unreadable`, `file_unsupported` or
 * `file_too_large` error. The services write the English message; the UI says the same in the user's
 * language from this list (every reason has a catalogue entry, checked by the type of the catalogue).
 */
export const READ_REFUSAL_REASONS = [
  'missing',
  'empty_file',
  'empty_sheet',
  'no_sheets',
  'sheet_not_found',
  'truncated',
  'corrupt',
  'unsafe_xml',
  'unsafe_path',
  'encrypted',
  'zip_bomb',
  'too_many_entries',
  'file_too_big',
  'too_many_rows',
  'too_many_columns',
  'csv_syntax',
  'unknown_encoding',
  'pdf',
  'image',
  'binary',
  'html',
  'not_a_workbook',
  'extension_mismatch',
  'out_of_memory',
] as const;

export type ReadRefusalReason = (typeof READ_REFUSAL_REASONS)[number];

export function isReadRefusalReason(value: unknown): value is ReadRefusalReason {
  return typeof value === 'string' && (READ_REFUSAL_REASONS as readonly string[]).includes(value);
}
