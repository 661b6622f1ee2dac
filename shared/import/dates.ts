/**
 * Dates and times from cells, to wall-clock text (`YYYY-MM-DD`, `HH:mm:ss`), by arithmetic alone.
 *
 * Accepted (after NFKC, so full-width digits work):
 * - `2026-08-01 09:12:33`, `2026/8/1 9:12`, `2026.08.01`, `2026-08-01T09:12:33.5` (fractions round to
 *   the nearest second), `2026年8月1日 9时12分33秒`, `20260801`, `20260801 091233`, `20260801091233`,
 *   and DB2 timestamps `2026-03-29-12.17.04.123456` (ABC's 交易时间戳).
 * - `8/1/2026`, `1/8/2026`: day and month cannot be told apart when both are ≤ 12. Chinese exports do not
 *   use this form, so FeeTrail refuses to guess: the mapping's `dateOrder` ('mdy' or 'dmy', inferred by
 *   analyse from any value whose first or second part is > 12) decides, else the value is an issue.
 * - Two-digit years (`26-08-01`) and text with a time zone (`…Z`, `+08:00`) are refused: both would
 *   need a guess.
 * - Numbers: 8 digits 19000101–21991231 are `YYYYMMDD`, 14 digits `YYYYMMDDHHmmss`, anything else an
 *   Excel serial (1900 system with its phantom 1900-02-29, or the 1904 system when told). Text of five
 *   digits, with or without a fraction (`46235.3414`), is a serial too: a CSV of a General-format date.
 * - RawDateCell: its wall-clock text, already unshifted by the reader.
 * Times (separate column): `09:12:33`, `9:12`, `091233`, `0912`, `9时12分`, `下午 3:12`, a day fraction
 * (0.3836), an integer `91233` (a HHmmss that lost its leading zero), or a full date-time.
 */
import {
  formatClock,
  formatDay,
  daysFromCivil,
  isValidCivil,
  splitExcelSerial,
  SECONDS_PER_DAY,
} from './civil';
import type { RawCell } from './raw';
import { cellText } from './text';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';
export type DateOptions = { date1904?: boolean; order?: DateOrder };

export type DateFailure =
  | 'empty'
  | 'not_a_date'
  | 'not_a_time'
  | 'ambiguous_order'
  | 'time_zone'
  | 'excel_phantom_day'
  | 'out_of_range'
  | 'no_date';

/** A moment as day number (since 1970-01-01) + second of the day; `days` null for a bare time. */
export type Moment = { days: number | null; secondOfDay: number | null };
export type MomentResult = { ok: true; value: Moment } | { ok: false; reason: DateFailure };

const fail = (reason: DateFailure): { ok: false; reason: DateFailure } => ({ ok: false, reason });

/** Normalises seconds that carried past midnight (a rounded 23:59:59.6) into the next day. */
function moment(days: number | null, seconds: number | null): Moment {
  if (days === null || seconds === null || seconds < SECONDS_PER_DAY) return { days, secondOfDay: seconds };
  return { days: days + Math.floor(seconds / SECONDS_PER_DAY), secondOfDay: seconds % SECONDS_PER_DAY };
}

// DB2-style timestamps (ABC's 交易时间戳): 2026-03-29-12.17.04.123456.
const DB2_TIME_RE = /^(\d{1,2})\.(\d{2})\.(\d{2})(?:\.(\d+))?$/;
const TIME_RE = /^(上午|下午|am|pm)?(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}(?:[.,]\d+)?)秒?|分)?(am|pm)?$/i;

/** Seconds of the day from time text, or null. Fractional seconds round half up. */
export function parseTimeText(raw: string): number | null {
  const t = raw.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return null;
  let h: number;
  let m: number;
  let s = 0;
  const compact = /^(\d{2})(\d{2})(\d{2})?$/.exec(t);
  const match = TIME_RE.exec(t);
  const db2 = match ? null : DB2_TIME_RE.exec(t);
  if (compact) {
    h = Number(compact[1]);
    m = Number(compact[2]);
    s = Number(compact[3] ?? 0);
  } else if (match) {
    h = Number(match[2]);
    m = Number(match[3]);
    s = Math.round(Number((match[4] ?? '0').replace(',', '.')));
    const half = (match[1] ?? match[5] ?? '').toLowerCase();
    if (half !== '') {
      if (h < 1 || h > 12) return null;
      const pm = half === '下午' || half === 'pm';
      h = (h % 12) + (pm ? 12 : 0);
    }
  } else if (db2) {
    h = Number(db2[1]);
    m = Number(db2[2]);
    s = Math.round(Number(`${db2[3]}.${db2[4] ?? '0'}`));
  } else {
    return null;
  }
  // s may be 60 after rounding 59.5: a carry, not a leap second.
  if (h > 23 || m > 59 || s > 60) return null;
  return h * 3600 + m * 60 + s;
}

/** Day number of y/m/d, or null when it is not a real day. */
function day(y: string | number, m: string | number, d: string | number): number | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  return isValidCivil(yy, mm, dd) ? daysFromCivil(yy, mm, dd) : null;
}

const YMD_RE =
  /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(.*)$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:(?:\s*|T)(\d{6}))?(.*)$/;
const XYY_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(.*)$/;

/** A date or date-time from text. */
export function parseDateText(raw: string, order?: DateOrder): MomentResult {
  const t = raw
    .normalize('NFKC')
    .trim()
    // Excel's text marker written into a CSV ('2026-08-01), a weekday after the date (星期六, 周六,
    // (六)), and China's own offset: the time is then the wall-clock time printed.
    .replace(/^'(?=\d)/, '')
    .replace(/\s*(?:星期|周|礼拜)[一二三四五六日天]|\s*\([一二三四五六日天]\)/, '')
    .replace(/(\d)\s*(?:\+08:?00|GMT\+0?8(?::?00)?|UTC\+0?8(?::?00)?)$/i, '$1');
  if (t === '') return fail('empty');
  if (/(?:\d(?:z|utc|gmt)|[+-]\d{2}:?\d{2})$/i.test(t) && /[t\s:]/i.test(t)) return fail('time_zone');
  let days: number | null;
  let rest: string;
  const ymd = YMD_RE.exec(t);
  const compact = ymd ? null : COMPACT_RE.exec(t);
  const xyy = ymd || compact ? null : XYY_RE.exec(t);
  if (ymd) {
    days = day(ymd[1]!, ymd[2] ?? ymd[4]!, ymd[3] ?? ymd[5]!);
    rest = ymd[6]!;
  } else if (compact) {
    days = day(compact[1]!, compact[2]!, compact[3]!);
    rest = (compact[4] ?? '') + compact[5]!;
  } else if (xyy) {
    const [a, b] = [Number(xyy[1]), Number(xyy[2])];
    const o = order === 'mdy' || order === 'dmy' ? order : a > 12 ? 'dmy' : b > 12 || a === b ? 'mdy' : null;
    if (o === null) return fail('ambiguous_order');
    days = o === 'mdy' ? day(xyy[3]!, a, b) : day(xyy[3]!, b, a);
    rest = xyy[4]!;
  } else {
    return fail('not_a_date');
  }
  if (days === null) return fail('out_of_range');
  rest = rest.replace(/^[\sT]+|^-(?=\d{1,2}\.\d{2}\.\d{2})/, '');
  if (rest === '') return { ok: true, value: { days, secondOfDay: null } };
  const seconds = parseTimeText(rest);
  return seconds === null ? fail('not_a_date') : { ok: true, value: moment(days, seconds) };
}

const LAST_ACCEPTED_DAY = daysFromCivil(2199, 12, 31);

const CANONICAL_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The moment of text in the readers' own `YYYY-MM-DD HH:mm:ss` (a RawDateCell's text: every .xlsx date
 * cell of every row), read by one pattern instead of parseDateText's general one, which reads such text
 * the same. Null for any other text, or a value out of range (parseDateText then says why).
 */
function canonicalMoment(text: string): Moment | null {
  const m = CANONICAL_RE.exec(text);
  if (!m) return null;
  const days = day(m[1]!, m[2]!, m[3]!);
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = Number(m[6]);
  if (days === null || h > 23 || min > 59 || s > 59) return null;
  return { days, secondOfDay: h * 3600 + min * 60 + s };
}

function fromSerial(serial: number, date1904: boolean): MomentResult {
  const parts = splitExcelSerial(serial, date1904);
  if (!parts.ok) return fail(parts.reason);
  // The window dates are accepted in (civil.ts, 1900–2199): a serial too, so its text parses back.
  if (parts.days !== null && parts.days > LAST_ACCEPTED_DAY) return fail('out_of_range');
  return { ok: true, value: { days: parts.days, secondOfDay: parts.secondOfDay } };
}

/** A number in a date column: YYYYMMDD, YYYYMMDDHHmmss, or an Excel serial. */
function parseDateNumber(n: number, opts: DateOptions): MomentResult {
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_991_231) return parseDateText(String(n));
  if (Number.isInteger(n) && n >= 19_000_101_000_000 && n <= 21_991_231_235_959)
    return parseDateText(String(n));
  const r = fromSerial(n, opts.date1904 === true);
  // A bare number with no whole day is almost certainly not a date; say so rather than print 1900.
  if (r.ok && Number.isInteger(n) && n < 1) return fail('not_a_date');
  return r;
}

/**
 * The moment in a cell: text, number, RawDateCell. A RawDateCell whose serial is < 1 (a time-only
 * Excel cell, shown by exceljs as 1899-12-30) comes back with `days: null`.
 */
export function parseMomentCell(cell: RawCell | undefined, opts: DateOptions = {}): MomentResult {
  if (cell === null || cell === undefined) return fail('empty');
  if (typeof cell === 'number') return parseDateNumber(cell, opts);
  if (typeof cell === 'boolean') return fail('not_a_date');
  if (typeof cell === 'object' && cell.kind === 'date') {
    if (cell.serial !== undefined && cell.serial < 1) return fromSerial(cell.serial, opts.date1904 === true);
    // Serial 60 is Excel's phantom 1900-02-29; the reader's text shows it as 1900-03-01, so ask the serial.
    if (
      cell.serial !== undefined &&
      opts.date1904 !== true &&
      Math.floor(Math.round(cell.serial * SECONDS_PER_DAY) / SECONDS_PER_DAY) === 60
    )
      return fail('excel_phantom_day');
    // exceljs shows a time-only cell as 1899-12-30 (1900 system); without a serial to tell, a date
    // before 1900 is that placeholder.
    if (/^1899-12-3[01]/.test(cell.value)) {
      const s = parseTimeText(cell.value.slice(11));
      return s === null ? fail('not_a_date') : { ok: true, value: { days: null, secondOfDay: s } };
    }
    const canonical = canonicalMoment(cell.value);
    return canonical ? { ok: true, value: canonical } : parseDateText(cell.value);
  }
  const text = cellText(cell);
  if (text === null) return fail('empty');
  // An Excel serial written out as text (a sheet saved as CSV with its dates in General format):
  // five digits before the point are the years 1927–2173, which no other date form spells so.
  if (SERIAL_TEXT_RE.test(text)) return parseDateNumber(Number(text), opts);
  return parseDateText(text, opts.order);
}

const SERIAL_TEXT_RE = /^\d{5}(?:\.\d+)?$/;

/**
 * The time of day in a separate time column. Text times, day fractions, HHmmss integers, or a full
 * date-time (whose own date then wins over the date column: see combineDateTime).
 */
export function parseTimeCell(cell: RawCell | undefined, opts: DateOptions = {}): MomentResult {
  if (cell === null || cell === undefined) return fail('empty');
  if (typeof cell === 'number') {
    if (cell >= 0 && cell < 1) return fromSerial(cell, false);
    if (Number.isInteger(cell) && cell <= 235_959) {
      const s = parseTimeText(String(cell).padStart(6, '0'));
      return s === null ? fail('not_a_time') : { ok: true, value: { days: null, secondOfDay: s } };
    }
    return parseDateNumber(cell, opts);
  }
  const text = typeof cell === 'string' ? cellText(cell) : null;
  if (text !== null) {
    // A time-only cell written out with Excel's day zero in front (1899-12-30 08:00:25): the time.
    const bare = text.replace(/^'(?=\d)/, ''); // Excel's text marker written into a CSV
    const s = parseTimeText(/^1899-12-3[01][ T]/.test(bare) ? bare.slice(11) : bare);
    if (s !== null) return { ok: true, value: { days: null, secondOfDay: s } };
    // A day fraction written out as text (0.3414…), as a CSV of a General-format time column has it.
    if (/^0?\.\d+$/.test(text)) return fromSerial(Number(text), false);
  }
  const r = parseMomentCell(cell, opts);
  return r.ok || r.reason === 'empty' ? r : fail('not_a_time');
}

export type DateTimeResult =
  { ok: true; value: string } | { ok: false; reason: DateFailure; part: 'date' | 'time' };

/**
 * `YYYY-MM-DD HH:mm:ss` from a date (or date-time) cell and an optional time cell. A date without a
 * time becomes 00:00:00 (bank statements that give only a day). When the time cell holds a full
 * date-time (CCB's 交易时间 beside its 记账日期), that date-time is used whole.
 * `timeCell` undefined means "no time column"; null means "a time column, empty in this row".
 */
export function combineDateTime(
  dateCell: RawCell | undefined,
  timeCell: RawCell | undefined,
  opts: DateOptions = {},
): DateTimeResult {
  const d = parseMomentCell(dateCell, opts);
  if (timeCell !== undefined) {
    const t = parseTimeCell(timeCell, opts);
    if (t.ok && t.value.days !== null) return { ok: true, value: formatMoment(t.value) };
    if (!d.ok) return { ok: false, reason: d.reason, part: 'date' };
    if (d.value.days === null) return { ok: false, reason: 'no_date', part: 'date' };
    if (t.ok) return { ok: true, value: formatMoment(moment(d.value.days, t.value.secondOfDay)) };
    // An empty time cell keeps the date column's own time (or midnight); a garbled one is an error.
    if (t.reason !== 'empty') return { ok: false, reason: t.reason, part: 'time' };
  }
  if (!d.ok) return { ok: false, reason: d.reason, part: 'date' };
  if (d.value.days === null) return { ok: false, reason: 'no_date', part: 'date' };
  return { ok: true, value: formatMoment(d.value) };
}

/** `YYYY-MM-DD` from a date cell (a date-time's time is dropped: settlement dates). */
export function parseDateOnly(
  cell: RawCell | undefined,
  opts: DateOptions = {},
): { ok: true; value: string } | { ok: false; reason: DateFailure } {
  const d = parseMomentCell(cell, opts);
  if (!d.ok) return d;
  if (d.value.days === null) return fail('no_date');
  return { ok: true, value: formatDay(d.value.days) };
}

export function formatMoment(m: Moment): string {
  return `${formatDay(m.days ?? 0)} ${formatClock(m.secondOfDay ?? 0)}`;
}

/**
 * The day order of a column of `a/b/yyyy` dates: 'dmy' when some first part is > 12, 'mdy' when some
 * second part is, undefined when no value decides (or values contradict each other).
 */
export function inferDateOrder(texts: Iterable<string>): 'mdy' | 'dmy' | undefined {
  let mdy = false;
  let dmy = false;
  for (const text of texts) {
    const m = XYY_RE.exec(text.normalize('NFKC').trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return mdy === dmy ? undefined : mdy ? 'mdy' : 'dmy';
}
