/**
 * Calendar arithmetic on plain integers: days since 1970-01-01 ↔ year/month/day, and Excel serials.
 *
 * Why not Date: a Date is an instant, and every local getter shifts it through the machine's zone
 * (SheetJS's cellDates was seen 43 s off under Asia/Shanghai). The times FeeTrail keeps are wall-clock
 * text, so they are computed here by arithmetic alone (H. Hinnant's civil-from-days algorithms, valid
 * for the proleptic Gregorian calendar) and give the same answer under any TZ.
 */

export const SECONDS_PER_DAY = 86_400;

/** Days from 1970-01-01 to the given civil date (may be negative). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date `days` after 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day names a real day. Years outside 1900–2199 are treated as garbage. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 2199 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `HH:mm:ss` of a second of the day (0–86399). */
export function formatClock(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

// 1899-12-30 is day 0 of Excel's 1900 system for serials ≥ 61; 1904-01-01 is day 0 of the 1904 system.
const DAY0_1900 = daysFromCivil(1899, 12, 30);
const DAY0_1904 = daysFromCivil(1904, 1, 1);
/** 9999-12-31, the last day Excel can show. */
export const MAX_EXCEL_SERIAL = 2_958_466;

export type SerialParts =
  | { ok: true; days: number | null; secondOfDay: number }
  | { ok: false; reason: 'excel_phantom_day' | 'out_of_range' };

/**
 * Splits an Excel serial into a day number (null for a time-only value, serial < 1) and a second of the
 * day, rounded to the nearest second (a carry into the next day is kept).
 *
 * 1900 system: Excel believes 1900 was a leap year (a bug kept from Lotus 1-2-3), so serial 60 is the
 * non-existent 1900-02-29 (refused), serials 1–59 are one day later than plain arithmetic from
 * 1899-12-30 gives, and from 61 on (1900-03-01) the arithmetic is right. 1904 system: serial 1 is
 * 1904-01-02, no phantom day. In both, serial < 1 is a time of day without a date.
 */
export function splitExcelSerial(serial: number, date1904: boolean): SerialParts {
  if (!Number.isFinite(serial) || serial < 0 || serial >= MAX_EXCEL_SERIAL)
    return { ok: false, reason: 'out_of_range' };
  // Rounding the whole serial to seconds first lets 0.99999999 become the next day, as Excel shows it.
  const total = Math.round(serial * SECONDS_PER_DAY);
  const whole = Math.floor(total / SECONDS_PER_DAY);
  const secondOfDay = total - whole * SECONDS_PER_DAY;
  // Serial < 1 is how Excel stores a time of day with no date (it shows 1900-01-00 or 1904-01-01).
  if (whole === 0) return { ok: true, days: null, secondOfDay };
  if (date1904) return { ok: true, days: DAY0_1904 + whole, secondOfDay };
  if (whole === 60) return { ok: false, reason: 'excel_phantom_day' };
  return { ok: true, days: DAY0_1900 + whole + (whole < 60 ? 1 : 0), secondOfDay };
}
