/**
 * Suggesting a mapping from a detected header (plus a sample of the data rows below it), checking a
 * mapping, and applying the user's corrections from the preview.
 */
import type { HeaderCandidate } from './detect-header';
import { inferDateOrder, parseTimeCell, type DateOrder } from './dates';
import { BANK_FIELDS, POS_FIELDS, type AnyField, type MoneyField, type SourceKind } from './fields';
import { locate, makeIssue } from './issues';
import { headerSignature, MAPPING_VERSION, type ColumnMapping, type FeeSign } from './mapping-schema';
import { parseMoney } from '../money-parse';
import type { ImportIssue, RawRow } from './raw';
import { cellText, columnLetter, normaliseValue } from './text';
import type { UserValueMaps, ValueField } from './value-maps';
import { datedRows, isSettleOrPaid, settleOrPaid, valueColumnsByContent } from './mapping-content';
import { CARD_KINDS, CHANNELS, TXN_STATUSES, TXN_TYPES } from '../domain/types';

const VALUE_FIELDS: Record<SourceKind, readonly ValueField[]> = {
  pos: ['cardKind', 'channel', 'txnType', 'status'],
  bank: ['direction'],
};
const VALUE_CODES: Record<ValueField, readonly string[]> = {
  cardKind: CARD_KINDS,
  channel: CHANNELS,
  txnType: TXN_TYPES,
  status: TXN_STATUSES,
  direction: ['credit', 'debit'],
};

export type MappingContext = { date1904?: boolean; encoding?: string | null };

/** Rows of the header's sheet below the header, for the data-based refinements. */
function below(h: HeaderCandidate, rows: readonly RawRow[]): RawRow[] {
  const last = h.headerRows[h.headerRows.length - 1] ?? 0;
  return rows.filter((r) => r.sheet === h.sheet && r.row > last);
}

/**
 * A mapping for the header, as the aliases suggest it, refined by the sample rows:
 * - a 交易时间 column chosen over a booking date (记账日期) goes back to being the time of day when its
 *   values carry no date;
 * - the day order of `8/1/2026`-style dates is inferred from values with a part > 12;
 * - fees printed as negative numbers are recognised (`inferFeeSign`).
 */
export function suggestMapping(
  h: HeaderCandidate,
  rows: readonly RawRow[],
  ctx: MappingContext = {},
): ColumnMapping {
  const a = h.assignment;
  const fields: Partial<Record<AnyField, number>> = { ...a.fields };
  const sample = below(h, rows).slice(0, 200);
  const date1904 = ctx.date1904 === true;
  if (a.bookingDateColumn !== null && fields.date !== undefined) {
    const dateCol = fields.date;
    const values = sample.map((r) => r.cells[dateCol]).filter((c) => cellText(c ?? null) !== null);
    const timesOnly =
      values.length > 0 &&
      values.every((c) => {
        const m = parseTimeCell(c, { date1904 }); // 09:38:15 in a CSV, a time-only cell in a sheet
        return m.ok && m.value.days === null;
      });
    if (timesOnly) {
      fields.time = dateCol;
      fields.date = a.bookingDateColumn;
    }
  }
  const dateTexts = (col: number | undefined): string[] =>
    col === undefined
      ? []
      : sample.map((r) => r.cells[col]).flatMap((c) => (typeof c === 'string' ? [c] : []));
  const dateOrder: DateOrder | undefined = inferDateOrder([
    ...dateTexts(fields.date),
    ...dateTexts(fields.settleDate),
  ]);
  const moneyUnits: Partial<Record<MoneyField, 'yuan' | 'fen'>> = {};
  for (const [field, col] of Object.entries(fields) as [AnyField, number][]) {
    if (a.fenColumns.has(col)) moneyUnits[field as MoneyField] = 'fen';
  }
  const feeSign = h.kind === 'pos' ? inferFeeSign(sample, fields.fee, moneyUnits.fee) : undefined;
  const ambiguous = a.duplicates.map((d) => ({ field: d.field, columns: d.columns }));
  if (h.kind === 'pos') {
    const dated = datedRows(sample, fields.date, { date1904, ...(dateOrder ? { order: dateOrder } : {}) });
    const settle = settleOrPaid(h.headers, dated, fields, moneyUnits);
    // Not the settlement: left unmapped (validateMapping says so). Unclear: kept, and asked about.
    if (settle === 'paid') delete fields.settleAmount;
    if (settle === 'unclear' && fields.settleAmount !== undefined)
      ambiguous.push({ field: 'settleAmount', columns: [fields.settleAmount] });
    Object.assign(fields, valueColumnsByContent(dated, fields, moneyUnits));
  }
  const base = {
    version: MAPPING_VERSION,
    sheet: h.sheet,
    headerRows: h.headerRows,
    headers: h.headers,
    date1904,
    encoding: ctx.encoding ?? null,
    signature: headerSignature(h.headers),
    ambiguous,
    ...(dateOrder ? { dateOrder } : {}),
  };
  return h.kind === 'pos'
    ? {
        ...base,
        kind: 'pos',
        fields: pick(fields, POS_FIELDS),
        moneyUnits,
        valueMaps: {},
        ...(feeSign ? { feeSign } : {}),
      }
    : { ...base, kind: 'bank', fields: pick(fields, BANK_FIELDS), moneyUnits, valueMaps: {} };
}

/**
 * 'deduction' when most of the sample's non-zero fees (at least 3) are negative. Sales outnumber the
 * voids and refunds that give a fee back in any export, so fees that are mostly negative are printed as
 * money taken from the merchant, not as fees returned.
 */
export function inferFeeSign(
  rows: readonly RawRow[],
  column: number | undefined,
  unit: 'yuan' | 'fen' = 'yuan',
): FeeSign | undefined {
  if (column === undefined) return undefined;
  let negative = 0;
  let positive = 0;
  for (const r of rows) {
    const c = r.cells[column];
    const parsed = parseMoney(typeof c === 'number' ? c : cellText(c ?? null), { unit });
    if (!parsed.ok || parsed.value === null || parsed.value === 0) continue;
    if (parsed.value < 0) negative += 1;
    else positive += 1;
  }
  return negative >= 3 && negative > positive ? 'deduction' : undefined;
}

function pick<F extends AnyField>(
  fields: Partial<Record<AnyField, number>>,
  allowed: readonly F[],
): Partial<Record<F, number>> {
  const out: Partial<Record<F, number>> = {};
  for (const f of allowed) {
    const col = fields[f];
    if (col !== undefined) out[f] = col;
  }
  return out;
}

function letters(cols: readonly number[]): string {
  return cols.map((c) => `${columnLetter(c + 1)} 列`).join('、');
}

/** What the preview must show before this mapping can import: missing, duplicate, defaulted columns. */
export function validateMapping(m: ColumnMapping, file: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const sheet = m.sheet ?? '';
  const row = m.headerRows[m.headerRows.length - 1] ?? 0;
  const at = (col?: number) => locate(file, sheet, row, col, col === undefined ? undefined : m.headers[col]);
  const f: Partial<Record<AnyField, number>> = m.fields;
  for (const [field, col] of Object.entries(f) as [AnyField, number][]) {
    if (col >= m.headers.length) {
      issues.push(makeIssue(at(), 'error', 'column_out_of_range', { field, columns: letters([col]) }));
    }
  }
  for (const d of m.ambiguous) {
    const field = d.field as AnyField;
    // One column: its meaning is what is unclear (实收金额 that is neither amount nor amount − fee).
    const code = d.columns.length === 1 ? 'settle_unclear' : 'duplicate_column';
    issues.push(makeIssue(at(d.columns[0]), 'error', code, { field, columns: letters(d.columns) }));
  }
  if (f.date === undefined) issues.push(makeIssue(at(), 'error', 'missing_column', { field: 'date' }));
  if (m.kind === 'pos') {
    if (f.amount === undefined) issues.push(makeIssue(at(), 'error', 'missing_column', { field: 'amount' }));
    if (f.fee === undefined && f.settleAmount === undefined) {
      issues.push(makeIssue(at(), 'warning', 'no_fee_columns'));
    }
    // A 实收金额 column read as nothing: say why (given to 交易金额 by the user, it is read).
    const paidCol = f.settleAmount === undefined ? m.headers.findIndex(isSettleOrPaid) : -1;
    if (paidCol >= 0 && !Object.values(f).includes(paidCol))
      issues.push(makeIssue(at(paidCol), 'warning', 'paid_not_settled', { field: 'settleAmount' }));
    if (m.feeSign === 'deduction' && f.fee !== undefined) {
      issues.push(makeIssue(at(f.fee), 'warning', 'fee_as_deduction', { field: 'fee' }));
    }
    for (const [field, value] of [
      ['txnType', '消费'],
      ['status', '成功'],
      ['channel', '刷卡'],
    ] as const) {
      if (f[field] === undefined)
        issues.push(makeIssue(at(), 'warning', 'defaulted_column', { field, value }));
    }
  } else if (f.credit === undefined && f.debit === undefined && f.amount === undefined) {
    issues.push(makeIssue(at(), 'error', 'missing_column', { field: 'amount' }));
  }
  return issues;
}

export type MappingOverrides = {
  /** field → 0-based column, or null to leave the field unmapped. */
  fields?: Partial<Record<AnyField, number | null>>;
  /** value → code, merged over the mapping's own maps (keys are normalised here). */
  valueMaps?: UserValueMaps;
  moneyUnits?: Partial<Record<MoneyField, 'yuan' | 'fen'>>;
  dateOrder?: DateOrder;
  date1904?: boolean;
  encoding?: string | null;
  /** POS only: how the fee column is signed. */
  feeSign?: FeeSign;
};

/**
 * The mapping with the user's corrections. A column given to a field is taken from any other field
 * (the latest choice wins), and a field the user set is no longer ambiguous. Fields the kind does not
 * have are ignored. Kind and header-row changes are not overrides: run analyse again with them.
 */
export function applyOverrides(m: ColumnMapping, o: MappingOverrides): ColumnMapping {
  // The spread below keeps m's kind; fields and value maps are filtered to that kind.
  const allowed: readonly AnyField[] = m.kind === 'pos' ? POS_FIELDS : BANK_FIELDS;
  const fields: Partial<Record<AnyField, number>> = { ...m.fields };
  const touched = new Set<string>();
  const given = new Set<number>();
  for (const [field, col] of Object.entries(o.fields ?? {}) as [AnyField, number | null][]) {
    if (!allowed.includes(field)) continue;
    touched.add(field);
    if (col === null) {
      delete fields[field];
      continue;
    }
    for (const [other, c] of Object.entries(fields) as [AnyField, number][]) {
      if (c === col && other !== field) delete fields[other];
    }
    fields[field] = col;
    given.add(col);
  }
  const valueMaps: Record<string, Record<string, string>> = { ...m.valueMaps };
  for (const [field, map] of Object.entries(o.valueMaps ?? {}) as [ValueField, Record<string, string>][]) {
    // Only the kind's own value fields, and only codes the domain knows: a template is user data.
    if (!VALUE_FIELDS[m.kind].includes(field)) continue;
    const merged = { ...(valueMaps[field] ?? {}) };
    for (const [value, code] of Object.entries(map)) {
      if (VALUE_CODES[field].includes(code)) merged[normaliseValue(value)] = code;
    }
    valueMaps[field] = merged;
  }
  const next = {
    ...m,
    fields: pick(fields, allowed),
    moneyUnits: { ...m.moneyUnits, ...(o.moneyUnits ?? {}) },
    valueMaps,
    // Settled when the user chose for the field, or gave one of its columns to a field.
    ambiguous: m.ambiguous.filter((d) => !touched.has(d.field) && !d.columns.some((c) => given.has(c))),
    date1904: o.date1904 ?? m.date1904,
    encoding: o.encoding === undefined ? m.encoding : o.encoding,
    ...(o.dateOrder ? { dateOrder: o.dateOrder } : {}),
    ...(o.feeSign && m.kind === 'pos' ? { feeSign: o.feeSign } : {}),
  };
  return next;
}
