/**
 * Rows that are not records: blank rows, the preamble and header, a header repeated (page breaks in
 * some exports), totals (合计/总计/小计/共 N 笔) and notes (以上数据仅供参考…, `# 导出时间…`). They are
 * skipped and reported with the reason, never imported and never errors.
 *
 * A totals or note row is recognised only when its date cell is not a date: a real transaction whose
 * summary says 合计 stays a transaction. Sums without a 合计 label count as totals when the date cell
 * is empty and no mapped cell but money ones is filled. A note also has no money in it and fills at most two of the
 * mapped cells, so a data row with a garbled date stays a data row (and becomes a located error).
 */
import { parseMomentCell } from './dates';
import type { ColumnMapping } from './mapping-schema';
import type { RawRow } from './raw';
import { cellText, normaliseHeader } from './text';

export const SKIP_REASONS = [
  'other_sheet',
  'preamble',
  'blank',
  'header_repeat',
  'totals',
  'note',
  'zero_amount',
  'not_payment',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

const TOTALS_RE = /合计|总计|小计|累计|汇总|^共计|^共\d+(笔|条)|^总笔数|^本页/;

export type RowClass = { type: 'data' } | { type: 'skip'; reason: SkipReason };

/** Header texts to compare a possible repeated header against: the full text and the lower-row part. */
function headerKeys(m: ColumnMapping): Map<number, Set<string>> {
  const keys = new Map<number, Set<string>>();
  m.headers.forEach((h, col) => {
    const parts = h.split('/');
    keys.set(col, new Set([normaliseHeader(h), normaliseHeader(parts[parts.length - 1] ?? h)]));
  });
  return keys;
}

export type RowClassifier = {
  /** Full classification of one row. */
  classify(row: RawRow): RowClass;
  /** Only the cheap positional checks (other sheet, preamble/header); null: look at the content. */
  position(row: RawRow): RowClass | null;
  /** The content checks (date, blank, repeated header, totals, note). */
  content(row: RawRow): RowClass;
};

export function createRowClassifier(m: ColumnMapping): RowClassifier {
  const lastHeaderRow = m.headerRows[m.headerRows.length - 1] ?? 0;
  const keys = headerKeys(m);
  const mapped = Object.values(m.fields as Record<string, number>);
  const fields = m.fields as Record<string, number | undefined>;
  const dateCol = fields.date;
  const moneyCols = ['amount', 'fee', 'settleAmount', 'credit', 'debit', 'balance'].flatMap((f) => {
    const col = fields[f];
    return col === undefined ? [] : [col];
  });
  const opts = { date1904: m.date1904, ...(m.dateOrder ? { order: m.dateOrder } : {}) };
  const position = (row: RawRow): RowClass | null => {
    if (m.sheet !== null && row.sheet !== m.sheet) return { type: 'skip', reason: 'other_sheet' };
    if (row.row <= lastHeaderRow) return { type: 'skip', reason: 'preamble' };
    return null;
  };
  const content = (row: RawRow): RowClass => {
    // A row whose date cell is a date is data (a repeated header or a totals row never has one),
    // so the text checks below run only on the few rows that are not.
    const date = dateCol === undefined ? undefined : row.cells[dateCol];
    if (parseMomentCell(date ?? null, opts).ok) return { type: 'data' };
    const texts = row.cells.map((c) => cellText(c));
    const filled = texts.filter((t) => t !== null);
    if (filled.length === 0) return { type: 'skip', reason: 'blank' };
    const repeats = mapped.filter((col) => {
      const t = texts[col];
      return t !== null && t !== undefined && keys.get(col)?.has(normaliseHeader(t)) === true;
    }).length;
    if (mapped.length > 0 && repeats * 2 > mapped.length) return { type: 'skip', reason: 'header_repeat' };
    const squeezed = filled.map((t) => t.replace(/\s+/g, ''));
    if (squeezed.some((t) => TOTALS_RE.test(t.replace(/^#+/, '')))) return { type: 'skip', reason: 'totals' };
    const has = (col: number): boolean => texts[col] !== null && texts[col] !== undefined;
    // Sums without a label (a SUM row someone added): no date, and of the mapped cells only money
    // ones filled. A transaction always says more than its amounts (a time, a reference, a type).
    const noDate = dateCol === undefined || texts[dateCol] === null || texts[dateCol] === undefined;
    if (noDate && moneyCols.some(has) && mapped.filter(has).every((col) => moneyCols.includes(col)))
      return { type: 'skip', reason: 'totals' };
    // A note has no money in it and sits in one or two cells (or is a `#` comment line).
    if (moneyCols.some(has)) return { type: 'data' };
    const mappedFilled = mapped.filter(has).length;
    if (mappedFilled <= 2 || squeezed[0]?.startsWith('#') === true) return { type: 'skip', reason: 'note' };
    return { type: 'data' };
  };
  return { position, content, classify: (row) => position(row) ?? content(row) };
}
