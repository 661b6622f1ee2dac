/**
 * Reading one mapped row: typed getters for text, money, dates and coded values that collect located
 * issues instead of throwing. normalise-pos.ts and normalise-bank.ts build records with it.
 */
import type { Fen } from '../money';
import { parseMoney } from '../money';
import { combineDateTime, parseDateOnly, type DateFailure } from './dates';
import type { AnyField, MoneyField } from './fields';
import { locate, makeIssue, type IssueCode, type IssueParams } from './issues';
import type { ColumnMapping } from './mapping-schema';
import type { ImportIssue, RawCell, RawRow } from './raw';
import { cellText, tidyText } from './text';
import { lookupValue, type UserValueMaps, type ValueCodes, type ValueField } from './value-maps';

const DATE_REASONS: Record<DateFailure, { zh: string; en: string } | null> = {
  empty: { zh: '为空', en: 'empty' },
  not_a_date: null,
  not_a_time: null,
  ambiguous_order: null,
  time_zone: { zh: '含时区，无法确定当地时间', en: 'it carries a time zone, so the local time is unclear' },
  excel_phantom_day: { zh: 'Excel 中不存在的 1900-02-29', en: "Excel's non-existent 1900-02-29" },
  out_of_range: { zh: '不是有效的日期', en: 'not a real calendar date' },
  no_date: { zh: '只有时间没有日期', en: 'a time without a date' },
};

export type RowReader = {
  row: RawRow;
  issues: ImportIssue[];
  has(field: AnyField): boolean;
  cell(field: AnyField): RawCell | undefined;
  text(field: AnyField): string | null;
  tidy(field: AnyField): string | null;
  /** Money in fen; undefined when unparseable (an error is recorded, or a warning when `soft`). */
  money(field: MoneyField, soft?: boolean): Fen | null | undefined;
  dateTime(): string | undefined;
  dateOnly(field: AnyField): string | null | undefined;
  /** A coded value; null when the cell is empty; undefined when unknown (an error is recorded). */
  code<F extends ValueField>(field: F, user: UserValueMaps): ValueCodes[F] | null | undefined;
  issue(
    field: AnyField | undefined,
    severity: ImportIssue['severity'],
    code: IssueCode,
    params?: IssueParams,
  ): void;
};

export function createRowReader(m: ColumnMapping, file: string, row: RawRow): RowReader {
  const fields = m.fields as Partial<Record<AnyField, number>>;
  const units = m.moneyUnits as Partial<Record<MoneyField, 'yuan' | 'fen'>>;
  const dateOpts = { date1904: m.date1904, ...(m.dateOrder ? { order: m.dateOrder } : {}) };
  const issues: ImportIssue[] = [];
  const cell = (field: AnyField): RawCell | undefined => {
    const col = fields[field];
    return col === undefined ? undefined : (row.cells[col] ?? null);
  };
  const issue: RowReader['issue'] = (field, severity, code, params = {}) => {
    const col = field === undefined ? undefined : fields[field];
    const loc = locate(file, row.sheet, row.row, col, col === undefined ? undefined : m.headers[col]);
    issues.push(makeIssue(loc, severity, code, params));
  };
  const shown = (c: RawCell | undefined): string => cellText(c ?? null) ?? '';
  const dateIssue = (field: AnyField, reason: DateFailure, time = false): void => {
    const value = shown(cell(field));
    if (reason === 'ambiguous_order') return issue(field, 'error', 'ambiguous_date', { value });
    if (reason === 'empty') return issue(field, 'error', 'missing_value', { field });
    const why = DATE_REASONS[reason];
    issue(
      field,
      'error',
      time ? 'bad_time' : 'bad_date',
      why ? { value, reason: why.zh, reasonEn: why.en } : { value },
    );
  };
  return {
    row,
    issues,
    has: (field) => fields[field] !== undefined,
    cell,
    text: (field) => cellText(cell(field) ?? null),
    tidy: (field) => tidyText(cell(field) ?? null),
    money(field, soft = false) {
      const c = cell(field);
      if (c === undefined || c === null) return null;
      if (typeof c === 'boolean' || typeof c === 'object') {
        issue(field, soft ? 'warning' : 'error', soft ? 'bad_balance' : 'bad_amount', {
          value: shown(c),
          field,
        });
        return undefined;
      }
      const input = typeof c === 'number' ? c : cellText(c);
      const r = parseMoney(input, { unit: units[field] ?? 'yuan' });
      if (r.ok) return r.value;
      issue(field, soft ? 'warning' : 'error', soft ? 'bad_balance' : 'bad_amount', {
        value: shown(c),
        field,
        reason: r.reason,
      });
      return undefined;
    },
    dateTime() {
      const r = combineDateTime(cell('date') ?? null, cell('time'), dateOpts);
      if (r.ok) return r.value;
      dateIssue(r.part, r.reason, r.part === 'time');
      return undefined;
    },
    dateOnly(field) {
      const c = cell(field);
      if (c === undefined || cellText(c) === null) return null;
      const r = parseDateOnly(c, dateOpts);
      if (r.ok) return r.value;
      dateIssue(field, r.reason);
      return undefined;
    },
    code(field, user) {
      const t = cellText(cell(field) ?? null);
      if (t === null) return null;
      const v = lookupValue(field, t, user);
      if (v === null) issue(field, 'error', 'unknown_value', { field, value: t });
      return v ?? undefined;
    },
    issue,
  };
}
