/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD") and wall-clock times ("YYYY-MM-DD HH:mm:ss").
 * Done on UTC components only, so the machine's time zone can never shift a day (see DESIGN.md: Time).
 */
import type { LocalDate, LocalDateTime } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s;
}

/** The date part of a local date-time (a bare date is returned as is). */
export function dateOf(t: LocalDateTime): LocalDate {
  return t.slice(0, 10);
}

function dayNumber(d: LocalDate): number {
  const m = DATE.exec(d);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${d}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** `d` plus `n` calendar days. */
export function addDays(d: LocalDate, n: number): LocalDate {
  return new Date((dayNumber(d) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: LocalDate): number {
  return new Date(dayNumber(d) * DAY_MS).getUTCDay();
}

/** Minutes since 1970-01-01 00:00 of a wall-clock time, for "within N minutes" comparisons. */
export function minuteOf(t: LocalDateTime): number {
  const time = t.length > 10 ? t.slice(11) : '00:00:00';
  const [h = '0', mi = '0', s = '0'] = time.split(':');
  return dayNumber(dateOf(t)) * 1440 + Number(h) * 60 + Number(mi) + Number(s) / 60;
}
