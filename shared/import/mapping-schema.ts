/**
 * The column mapping: how one layout of file becomes records. Saved as a template per source and
 * shared as JSON, so its shape is a zod schema (the JSON is validated on import, never trusted).
 *
 * Conventions:
 * - `fields` maps a field to a 0-based column index (index into RawRow.cells; column A = 0). Issues
 *   show the 1-based number and the letter.
 * - Date/time arrangement: `fields.date` is a date or a full date-time column; `fields.time`, when
 *   present, is a separate time-of-day column (see dates.ts combineDateTime).
 * - Bank amount arrangement: `credit`/`debit` columns when either is mapped; otherwise one `amount`
 *   column, signed (− = money out) or, when `direction` is mapped, unsigned with a 借/贷 flag.
 * - `moneyUnits`: per money field, 'fen' when the header says (分); yuan otherwise.
 * - `feeSign` (POS): 'deduction' when the export prints fees as negative numbers (see posMappingSchema).
 * - `valueMaps`: the user's own value → code choices, keyed by the normalised value.
 * - `signature`: headerSignature of `headers`, to recognise the layout next time.
 * - `ambiguous`: duplicate columns still waiting for the user's choice (empty in a saved template).
 */
import { z } from 'zod';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../domain/types';
import { BANK_FIELDS, BANK_MONEY_FIELDS, POS_FIELDS, POS_MONEY_FIELDS } from './fields';
import { fnv1a64 } from './hash';
import { normaliseHeader } from './text';

export const MAPPING_VERSION = 1 as const;

const columnIndex = z.number().int().min(0).max(16_383);
const unit = z.enum(['yuan', 'fen']);
const valueMap = <T extends readonly [string, ...string[]]>(codes: T) => z.record(z.string(), z.enum(codes));

const common = {
  version: z.literal(MAPPING_VERSION),
  /** The sheet the header was found on; rows of other sheets are skipped. Null: any sheet. */
  sheet: z.string().nullable(),
  /** 1-based sheet row numbers of the header (two for a two-row header). */
  headerRows: z.array(z.number().int().min(1)).min(1).max(2),
  /** Header text per column, as shown to the user. */
  headers: z.array(z.string()),
  dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
  date1904: z.boolean(),
  /** The text encoding the reader used (CSV), remembered with the template; null when not text. */
  encoding: z.string().nullable(),
  signature: z.string(),
  /**
   * Fields that several columns named equally well when the mapping was suggested; the first column
   * was taken, and the file stays unimportable until the user confirms a column (applyOverrides).
   */
  ambiguous: z.array(z.object({ field: z.string(), columns: z.array(columnIndex) })).default([]),
};

export const FEE_SIGNS = ['charge', 'deduction'] as const;
export type FeeSign = (typeof FEE_SIGNS)[number];

export const posMappingSchema = z.object({
  ...common,
  kind: z.literal('pos'),
  fields: z.partialRecord(z.enum(POS_FIELDS), columnIndex),
  moneyUnits: z.partialRecord(z.enum(POS_MONEY_FIELDS), unit),
  /**
   * How the 手续费 column is signed. 'charge' (the usual, and what absent means): a sale's fee is
   * positive, a fee a void gives back negative. 'deduction': the export prints fees as money taken from
   * the merchant, a sale's fee negative; the book stores them with the sign turned.
   */
  feeSign: z.enum(FEE_SIGNS).optional(),
  valueMaps: z.object({
    cardKind: valueMap(CARD_KINDS).optional(),
    channel: valueMap(CHANNELS).optional(),
    txnType: valueMap(TXN_TYPES).optional(),
    status: valueMap(TXN_STATUSES).optional(),
  }),
});

export const bankMappingSchema = z.object({
  ...common,
  kind: z.literal('bank'),
  fields: z.partialRecord(z.enum(BANK_FIELDS), columnIndex),
  moneyUnits: z.partialRecord(z.enum(BANK_MONEY_FIELDS), unit),
  valueMaps: z.object({
    direction: valueMap(['credit', 'debit'] as const).optional(),
  }),
});

export const columnMappingSchema = z.discriminatedUnion('kind', [posMappingSchema, bankMappingSchema]);

export type PosMapping = z.infer<typeof posMappingSchema>;
export type BankMapping = z.infer<typeof bankMappingSchema>;
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** A saved template: a name the user chose and the mapping (its signature is the lookup key). */
export const mappingTemplateSchema = z.object({
  name: z.string().min(1).max(200),
  mapping: columnMappingSchema,
});
export type MappingTemplate = z.infer<typeof mappingTemplateSchema>;

/**
 * The layout's fingerprint: header texts normalised (no padding, ASCII brackets, lower case), trailing
 * empty columns dropped, joined with U+001F and hashed with FNV-1a 64. Column order counts, because
 * the mapping refers to columns by position.
 */
export function headerSignature(headers: readonly string[]): string {
  const norm = headers.map(normaliseHeader);
  while (norm.length > 0 && norm[norm.length - 1] === '') norm.pop();
  return `h1:${fnv1a64(norm.join('\u001f'))}`;
}

/** Parses template JSON (text) with the schema; errors come back as data. */
export function parseMappingTemplateJson(
  text: string,
): { ok: true; value: MappingTemplate } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = mappingTemplateSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const m = parsed.data.mapping;
  if (m.signature !== headerSignature(m.headers))
    return { ok: false, error: 'signature does not match the headers' };
  return { ok: true, value: parsed.data };
}
