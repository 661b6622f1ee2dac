/** A calendar month as `YYYY-MM` text: the unit bookkeeping works in (本月 / 上月). */
export type MonthText = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthText(value: unknown): value is MonthText {
  return typeof value === 'string' && MONTH_RE.test(value);
}

function parts(month: MonthText): { year: number; month: number } {
  const match = MONTH_RE.exec(month);
  if (match === null) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function toText(year: number, month: number): MonthText {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** This month on the computer's calendar (the shop's wall clock). */
export function thisMonth(now: Date = new Date()): MonthText {
  return toText(now.getFullYear(), now.getMonth() + 1);
}

/** `month` moved by `delta` months (−1 = 上月). */
export function shiftMonth(month: MonthText, delta: number): MonthText {
  const p = parts(month);
  const index = p.year * 12 + (p.month - 1) + delta;
  return toText(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * The month as people read it: "2026年10月" in Chinese, "October 2026" in English. Formatted in UTC
 * from a UTC date, so the machine's time zone can never move it into the neighbouring month.
 */
export function formatMonth(month: MonthText, language: string): string {
  const p = parts(month);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(p.year, p.month - 1, 1)),
  );
}
