/**
 * Reading one mapped row: typed getters for text, money, dates and coded values that collect located
 * issues instead of throwing. normalise-pos.ts and normalise-bank.ts build records with it.
 */
import type { Fen } from '../money';
import { parseMoney } from '../money';
import { combineDateTime, parseDateOnly, type DateFailure, type DateOptions } from './dates';
import type { AnyField, MoneyField } from './fields';
import { locate, makeIssue, type IssueCode, type IssueParams } from './issues';
import type { ColumnMapping } from './mapping-schema';
import type { ImportIssue, RawCell, RawRow } from './raw';
import { cellText, tidyText } from './text';
import { lookupValue, valueHint, type UserValueMaps, type ValueCodes, type ValueField } from './value-maps';

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

/** What every row of one file shares, computed once per mapping rather than once per row. */
export type ReaderContext = {
  mapping: ColumnMapping;
  file: string;
  fields: Partial<Record<AnyField, number>>;
  units: Partial<Record<MoneyField, 'yuan' | 'fen'>>;
  dateOpts: DateOptions;
  /** Value → code per field: a file repeats a handful of values (刷卡, 成功) a hundred thousand times. */
  codes: Partial<Record<ValueField, Map<string, unknown>>>;
};

const CODE_CACHE_LIMIT = 10_000;

export function createReaderContext(m: ColumnMapping, file: string): ReaderContext {
  return {
    mapping: m,
    file,
    fields: m.fields,
    units: m.moneyUnits,
    dateOpts: { date1904: m.date1904, ...(m.dateOrder ? { order: m.dateOrder } : {}) },
    codes: {},
  };
}

const shown = (c: RawCell | undefined): string => cellText(c ?? null) ?? '';

/** A class so that the 100k-row hot path allocates one object per row, not a closure per getter. */
export class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly ctx: ReaderContext,
    readonly row: RawRow,
  ) {}

  has(field: AnyField): boolean {
    return this.ctx.fields[field] !== undefined;
  }

  /** undefined: the field is not mapped; null: mapped, empty in this row. */
  cell(field: AnyField): RawCell | undefined {
    const col = this.ctx.fields[field];
    return col === undefined ? undefined : (this.row.cells[col] ?? null);
  }

  text(field: AnyField): string | null {
    return cellText(this.cell(field) ?? null);
  }

  tidy(field: AnyField): string | null {
    return tidyText(this.cell(field) ?? null);
  }

  issue(
    field: AnyField | undefined,
    severity: ImportIssue['severity'],
    code: IssueCode,
    params: IssueParams = {},
  ): void {
    const col = field === undefined ? undefined : this.ctx.fields[field];
    const header = col === undefined ? undefined : this.ctx.mapping.headers[col];
    const loc = locate(this.ctx.file, this.row.sheet, this.row.row, col, header);
    this.issues.push(makeIssue(loc, severity, code, params));
  }

  /** Money in fen; undefined when unparseable (an error is recorded, or a warning when `soft`). */
  money(field: MoneyField, soft = false): Fen | null | undefined {
    const c = this.cell(field);
    if (c === undefined || c === null) return null;
    const code = soft ? 'bad_balance' : 'bad_amount';
    const severity = soft ? 'warning' : 'error';
    if (typeof c === 'boolean' || typeof c === 'object') {
      this.issue(field, severity, code, { value: shown(c), field });
      return undefined;
    }
    const r = parseMoney(typeof c === 'number' ? c : cellText(c), { unit: this.ctx.units[field] ?? 'yuan' });
    if (r.ok) return r.value;
    this.issue(field, severity, code, { value: shown(c), field, reason: r.reason });
    return undefined;
  }

  private dateIssue(field: AnyField, reason: DateFailure, time = false): void {
    const value = shown(this.cell(field));
    if (reason === 'ambiguous_order') return this.issue(field, 'error', 'ambiguous_date', { value });
    if (reason === 'empty') return this.issue(field, 'error', 'missing_value', { field });
    const why = DATE_REASONS[reason];
    const params = why ? { value, reason: why.zh, reasonEn: why.en } : { value };
    this.issue(field, 'error', time ? 'bad_time' : 'bad_date', params);
  }

  /** The transaction's wall-clock date-time from the date (and time) columns. */
  dateTime(): string | undefined {
    const r = combineDateTime(this.cell('date') ?? null, this.cell('time'), this.ctx.dateOpts);
    if (r.ok) return r.value;
    this.dateIssue(r.part, r.reason, r.part === 'time');
    return undefined;
  }

  /** A `YYYY-MM-DD`; null when empty; undefined when unreadable (an error is recorded). */
  dateOnly(field: AnyField): string | null | undefined {
    const c = this.cell(field);
    if (c === undefined || cellText(c) === null) return null;
    const r = parseDateOnly(c, this.ctx.dateOpts);
    if (r.ok) return r.value;
    this.dateIssue(field, r.reason);
    return undefined;
  }

  /** A coded value; null when the cell is empty; undefined when unknown (an error is recorded). */
  code<F extends ValueField>(field: F, user: UserValueMaps): ValueCodes[F] | null | undefined {
    const t = cellText(this.cell(field) ?? null);
    if (t === null) return null;
    const codes = (this.ctx.codes[field] ??= new Map());
    const cached = codes.get(t) as ValueCodes[F] | null | undefined;
    const v = cached !== undefined ? cached : lookupValue(field, t, user);
    if (cached === undefined && codes.size < CODE_CACHE_LIMIT) codes.set(t, v);
    if (v === null) {
      const hint = valueHint(field, t);
      const why = hint ? { reason: hint.zh, reasonEn: hint.en } : {};
      this.issue(field, 'error', 'unknown_value', { field, value: t, ...why });
    }
    return v ?? undefined;
  }
}
