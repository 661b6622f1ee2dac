/**
 * Property-based fuzzing of date parsing (issue 8), beside the spelled-out round trips of
 * import-dates.test.ts: whatever a cell holds, parsing never throws; what is accepted is a real
 * calendar date whose formatted text parses back to itself; impossible dates are refused; and the
 * a/b/yyyy forms follow the day order they are told (or the one inferred from a column).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { civilFromDays, daysFromCivil } from '../../shared/import/civil';
import {
  combineDateTime,
  formatMoment,
  inferDateOrder,
  parseDateOnly,
  parseMomentCell,
  parseTimeCell,
} from '../../shared/import/dates';
import type { RawCell } from '../../shared/import/raw';

const p2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Text that looks like a date often enough to reach every branch: digits, separators, 年月日, T, zones. */
const dateish = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 99_999_999 }).map(String),
      fc.constantFrom(
        '-',
        '/',
        '.',
        ' ',
        'T',
        ':',
        '年',
        '月',
        '日',
        '时',
        '分',
        '秒',
        'Z',
        '+08:00',
        '\u3000',
      ),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.string(),
  dateish,
  fc.double(),
  fc.integer({ min: 19_000_101, max: 21_991_231 }),
  fc.record({ kind: fc.constant('date' as const), value: dateish }),
  fc.record({ kind: fc.constant('date' as const), value: dateish, serial: fc.double() }),
  fc.record({ kind: fc.constant('error' as const), value: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!') }),
);

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

describe('date parsing (property)', () => {
  test('no cell, nor pair of cells, ever throws; every answer is ok or a named failure', () => {
    fc.assert(
      fc.property(anyCell, anyCell, fc.boolean(), (a, b, date1904) => {
        for (const r of [
          parseMomentCell(a, { date1904 }),
          parseTimeCell(b, { date1904 }),
          parseDateOnly(a, { date1904 }),
          combineDateTime(a, b, { date1904 }),
          combineDateTime(a, undefined, { date1904 }),
        ]) {
          expect(r.ok || typeof r.reason === 'string').toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('whatever is accepted is a real wall-clock moment, and its text parses back to itself', () => {
    fc.assert(
      fc.property(anyCell, fc.option(anyCell, { nil: undefined }), (a, b) => {
        const r = combineDateTime(a, b);
        if (!r.ok) return;
        const m = WALL_CLOCK.exec(r.value);
        expect(m, r.value).not.toBeNull();
        const [y, mo, d, h, mi, s] = (m ?? []).slice(1).map(Number);
        expect(mo).toBeGreaterThanOrEqual(1);
        expect(mo).toBeLessThanOrEqual(12);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(daysIn(y!, mo!));
        expect([h! < 24, mi! < 60, s! < 60]).toEqual([true, true, true]);
        expect(combineDateTime(r.value, undefined)).toEqual({ ok: true, value: r.value });
      }),
      { numRuns: 500 },
    );
  });

  test('format ∘ parse is the identity on moments', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1900, 3, 1), max: daysFromCivil(2199, 12, 31) }),
        fc.integer({ min: 0, max: 86_399 }),
        (days, secondOfDay) => {
          const text = formatMoment({ days, secondOfDay });
          const r = parseMomentCell(text);
          expect(r).toEqual({ ok: true, value: { days, secondOfDay } });
        },
      ),
    );
  });

  test('a day the month does not have is refused in every form, never rolled into the next month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1901, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        fc.integer({ min: 0, max: 3 }),
        (y, m, d, form) => {
          fc.pre(d > daysIn(y, m));
          const text = [
            `${y}-${p2(m)}-${d}`,
            `${y}/${m}/${d} 10:00:00`,
            `${y}${p2(m)}${d}`,
            `${y}年${m}月${d}日`,
          ][form]!;
          expect(parseMomentCell(text).ok, text).toBe(false);
        },
      ),
    );
  });

  test('a/b/yyyy follows the order given, and the order inferred from a column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: daysFromCivil(1990, 1, 1), max: daysFromCivil(2099, 12, 31) }),
        fc.constantFrom('/', '-', '.'),
        (days, sep) => {
          const { year, month, day } = civilFromDays(days);
          const mdy = `${month}${sep}${day}${sep}${year}`;
          const dmy = `${day}${sep}${month}${sep}${year}`;
          const want = { ok: true, value: { days, secondOfDay: null } };
          expect(parseMomentCell(mdy, { order: 'mdy' })).toEqual(want);
          expect(parseMomentCell(dmy, { order: 'dmy' })).toEqual(want);
          // A column holding this date and one whose day is past 12 tells the order by itself.
          expect(inferDateOrder([mdy, `1${sep}13${sep}${year}`])).toBe('mdy');
          expect(inferDateOrder([dmy, `13${sep}1${sep}${year}`])).toBe('dmy');
        },
      ),
    );
  });
});
