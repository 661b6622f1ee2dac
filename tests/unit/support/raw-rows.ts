/**
 * TEST-ONLY: a sample file as RawRow[] through the real reader (electron/io/read-file.ts openSource),
 * so the import tests see exactly what the import service will feed shared/import.
 */
import { basename } from 'node:path';
import { openSource } from '../../../electron/io/read-file';
import type { RawRow } from '../../../shared/import/raw';

export const SAMPLES = new URL('../../../../shared/samples/', import.meta.url).pathname;

export type SampleRows = { file: string; rows: RawRow[]; date1904: boolean; encoding: string | null };

/** Every row of the default sheet (or of `sheet`), in memory. */
export async function readRows(path: string, sheet?: string): Promise<SampleRows> {
  const src = await openSource(path);
  const rows: RawRow[] = [];
  for await (const row of src.rows(sheet, { allowEmpty: true })) rows.push(row);
  return { file: basename(path), rows, date1904: src.date1904, encoding: src.encoding?.encoding ?? null };
}
