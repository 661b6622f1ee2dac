/**
 * Dates and times as exports print them, to wall-clock text, the same under every time zone.
 * The suite is also run with TZ=Asia/Shanghai and TZ=UTC; the "any zone" test switches TZ in-process.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { civilFromDays, daysFromCivil, splitExcelSerial } from '../../shared/import/civil';
import {
  combineDateTime,
  inferDateOrder,
  parseDateOnly,
  parseMomentCell,
  parseTimeCell,
  formatMoment,
} from '../../shared/import/dates';
import type { RawCell } from '../../shared/import/raw';

const dt = (date: RawCell, time?: RawCell, opts = {}) => {
  const r = combineDateTime(date, time, opts);
  return r.ok ? r.value : `!${r.part}:${r.reason}`;
};

describe('date text forms', () => {
  test.each([
    ['2026-08-01 09:12:33', '2026-08-01 09:12:33'],
    ['2026/8/1 9:12', '2026-08-01 09:12:00'],
    ['2026.08.01', '2026-08-01 00:00:00'],
    ['2026-08-01T09:12:33', '2026-08-01 09:12:33'],
    ['2025/12/03  14:06:51', '2025-12-03 14:06:51'],
    ['20260801', '2026-08-01 00:00:00'],
    ['20260801 091233', '2026-08-01 09:12:33'],
    ['20260801091233', '2026-08-01 09:12:33'],
    ['20260801 09:12:33', '2026-08-01 09:12:33'],
    ['2026年8月1日', '2026-08-01 00:00:00'],
    ['2026年08月01日 9时12分33秒', '2026-08-01 09:12:33'],
    ['2026年8月1日 下午3:05', '2026-08-01 15:05:00'],
    ['\t2026-08-01 09:12:33   ', '2026-08-01 09:12:33'],
    ['２０２６－０８－０１', '2026-08-01 00:00:00'],
    ['2026-08-01 09:12:33.4', '2026-08-01 09:12:33'],
    ['2026-08-01 23:59:59.6', '2026-08-02 00:00:00'],
    ['2024-02-29', '2024-02-29 00:00:00'],
    ['13/8/2026', '2026-08-13 00:00:00'],
    ['2026-03-29-12.17.04.123456', '2026-03-29 12:17:04'],
    ['2026-03-29 12.17.04', '2026-03-29 12:17:04'],
    ['8/13/2026', '2026-08-13 00:00:00'],
    // China's own offset says the printed time is China's wall-clock time: taken as printed.
    ['2026-08-01 09:12:33+08:00', '2026-08-01 09:12:33'],
    ['2026-08-01T09:12:33 +0800', '2026-08-01 09:12:33'],
    ['2026-08-01 09:12:33 GMT+8', '2026-08-01 09:12:33'],
    ["'2026-08-01", '2026-08-01 00:00:00'], // Excel's text marker written into a CSV
    ['2026/08/01 星期六', '2026-08-01 00:00:00'],
    ['2026-08-01(六) 09:12:33', '2026-08-01 09:12:33'],
  ])('%s → %s', (text, want) => {
    expect(dt(text)).toBe(want);
  });

  test.each([
    ['2026-02-29', 'out_of_range'],
    ['2026-13-01', 'out_of_range'],
    ['2026-08-01 24:00:00', 'not_a_date'],
    ['2026-08-01 09:61', 'not_a_date'],
    ['26-08-01', 'not_a_date'],
    ['8/1/2026', 'ambiguous_order'],
    ['2026-08-01T09:12:33Z', 'time_zone'],
    ['2026-08-01 09:12:33+09:00', 'time_zone'],
    ['合计', 'not_a_date'],
    ['', 'empty'],
    ['--', 'empty'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(dt(text)).toBe(`!date:${reason}`);
  });

  test('an a/b/yyyy date is read with the mapping’s day order, and the order is inferred from the column', () => {
    expect(dt('8/1/2026', undefined, { order: 'mdy' })).toBe('2026-08-01 00:00:00');
    expect(dt('8/1/2026', undefined, { order: 'dmy' })).toBe('2026-01-08 00:00:00');
    expect(inferDateOrder(['8/1/2026', '8/13/2026'])).toBe('mdy');
    expect(inferDateOrder(['8/1/2026', '13/8/2026'])).toBe('dmy');
    expect(inferDateOrder(['8/1/2026'])).toBeUndefined();
    expect(inferDateOrder(['13/1/2026', '1/13/2026'])).toBeUndefined();
  });
});

describe('Excel serials', () => {
  test.each([
    [1, '1900-01-01 00:00:00'],
    [59, '1900-02-28 00:00:00'],
    [61, '1900-03-01 00:00:00'],
    [25569, '1970-01-01 00:00:00'],
    [46235.33775463, '2026-08-01 08:06:22'],
    [46235.999999, '2026-08-02 00:00:00'],
  ])('1900 system: %d → %s', (serial, want) => {
    expect(dt(serial)).toBe(want);
  });

  test('serial 60 is Excel’s phantom 1900-02-29 and is refused', () => {
    expect(dt(60)).toBe('!date:excel_phantom_day');
  });

  test('1904 system when the workbook says so', () => {
    expect(dt(0 + 1, undefined, { date1904: true })).toBe('1904-01-02 00:00:00');
    expect(dt(44773.33775463, undefined, { date1904: true })).toBe('2026-08-01 08:06:22');
  });

  test('a serial written out as text (a CSV of a General-format column) is a serial', () => {
    expect(dt('46235.33775463')).toBe('2026-08-01 08:06:22');
    expect(dt('46235')).toBe('2026-08-01 00:00:00');
    // Other digit counts keep their own meaning or are refused.
    expect(dt('20260801')).toBe('2026-08-01 00:00:00');
    expect(dt('4623')).toMatch(/^!date:/);
  });

  test('8- and 14-digit numbers are YYYYMMDD[HHmmss], not serials', () => {
    expect(dt(20260801)).toBe('2026-08-01 00:00:00');
    expect(dt(20260801091233)).toBe('2026-08-01 09:12:33');
  });

  test('a RawDateCell is taken as the wall clock the reader saw', () => {
    expect(dt({ kind: 'date', value: '2026-08-01 08:06:22', serial: 46235.33775463 })).toBe(
      '2026-08-01 08:06:22',
    );
    expect(dt({ kind: 'date', value: '1899-12-30 09:12:33', serial: 0.3836 })).toBe('!date:no_date');
  });

  test("a RawDateCell in the readers' own form reads as its text does, at the edges too", () => {
    for (const value of [
      '2026-08-01 08:06:22',
      '2024-02-29 23:59:59',
      '2025-02-29 10:00:00',
      '2026-08-01 23:59:60',
      '2026-08-01 24:00:00',
      '2026-08-01 12:60:00',
      '2026-13-01 00:00:00',
      '1900-01-01 00:00:00',
      '2199-12-31 23:59:59',
      '2200-01-01 00:00:00',
      '2026-08-01 08:06',
      '2026-8-1 08:06:22',
    ])
      expect(dt({ kind: 'date', value })).toBe(dt(value));
  });
});

describe('separate date and time columns', () => {
  test.each<[RawCell, RawCell, string]>([
    ['2026-03-29', '12:17:04', '2026-03-29 12:17:04'],
    ['20250101', '18:53:19', '2025-01-01 18:53:19'],
    ['20260801', '091233', '2026-08-01 09:12:33'],
    ['20260801', 91233, '2026-08-01 09:12:33'],
    ['20260801', 0.5, '2026-08-01 12:00:00'],
    [
      '2026-08-01',
      { kind: 'date', value: '1899-12-30 09:12:33', serial: 0.383715277 },
      '2026-08-01 09:12:33',
    ],
    [{ kind: 'date', value: '2026-08-01 00:00:00', serial: 46235 }, '9:05', '2026-08-01 09:05:00'],
    // A time column holding full date-times (CCB 交易时间 beside 记账日期) wins whole.
    ['2026-08-02', '2026-08-01 23:59:00', '2026-08-01 23:59:00'],
    // An empty time cell keeps the date (midnight).
    ['2026-08-01', null, '2026-08-01 00:00:00'],
    // Time-only cells written out as text: with Excel's day zero in front, or as a day fraction.
    ['2026-08-01', '1899-12-30 09:12:33', '2026-08-01 09:12:33'],
    ['46235', '0.383715277', '2026-08-01 09:12:33'],
  ])('%j + %j → %s', (d, t, want) => {
    expect(dt(d, t)).toBe(want);
  });

  test('a garbled time is located on the time column', () => {
    expect(dt('2026-08-01', '25:00')).toBe('!time:not_a_time');
    expect(dt('2026-08-01', 'abc')).toBe('!time:not_a_time');
  });

  test('settlement dates drop the time', () => {
    expect(parseDateOnly('2026-08-02 01:00:00')).toEqual({ ok: true, value: '2026-08-02' });
    expect(parseDateOnly(46236)).toEqual({ ok: true, value: '2026-08-02' });
  });
});

describe('the same answer in any time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  const probe = (): string[] => [
    dt(46235.33775463),
    dt('2026/8/1 9:12'),
    dt({ kind: 'date', value: '2026-10-07 19:32:22', serial: 46302.814143519 }),
    dt('20260801', 0.99999),
  ];
  test('Asia/Shanghai, UTC, America/Los_Angeles and Pacific/Kiritimati agree', () => {
    const results = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return probe();
    });
    for (const r of results)
      expect(r).toEqual([
        '2026-08-01 08:06:22',
        '2026-08-01 09:12:00',
        '2026-10-07 19:32:22',
        '2026-08-01 23:59:59',
      ]);
  });
});

describe('properties', () => {
  const civil = fc
    .record({
      y: fc.integer({ min: 1901, max: 2150 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
  const clock = fc.record({
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  });
  const p2 = (n: number) => String(n).padStart(2, '0');

  test('days ↔ civil date round-trips, and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(civil, ({ y, m, d }) => {
        const days = daysFromCivil(y, m, d);
        expect(days).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
        expect(civilFromDays(days)).toEqual({ year: y, month: m, day: d });
      }),
    );
  });

  test('every textual spelling of a moment parses to the same wall clock', () => {
    fc.assert(
      fc.property(civil, clock, fc.integer({ min: 0, max: 5 }), ({ y, m, d }, { h, mi, s }, form) => {
        const want = `${y}-${p2(m)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`;
        const spelled = [
          want,
          `${y}/${m}/${d} ${h}:${p2(mi)}:${p2(s)}`,
          `${y}${p2(m)}${p2(d)} ${p2(h)}${p2(mi)}${p2(s)}`,
          `${y}年${m}月${d}日 ${h}时${mi}分${s}秒`,
          `${y}.${p2(m)}.${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}`,
          `  \t${want}\u3000`,
        ][form]!;
        expect(dt(spelled)).toBe(want);
      }),
    );
  });

  test('a serial and its wall clock agree to the second (1900 and 1904 systems)', () => {
    fc.assert(
      fc.property(civil, clock, fc.boolean(), ({ y, m, d }, { h, mi, s }, is1904) => {
        const days =
          daysFromCivil(y, m, d) - daysFromCivil(is1904 ? 1904 : 1899, is1904 ? 1 : 12, is1904 ? 1 : 30);
        fc.pre(days >= 61);
        const serial = days + (h * 3600 + mi * 60 + s) / 86_400;
        const r = parseMomentCell(serial, { date1904: is1904 });
        expect(r.ok && formatMoment(r.value)).toBe(`${y}-${p2(m)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`);
      }),
    );
  });

  test('a day fraction in a time column reads back as the same second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_399 }), (sec) => {
        const r = parseTimeCell(sec / 86_400);
        expect(r.ok && r.value.secondOfDay).toBe(sec);
        expect(splitExcelSerial(46235 + sec / 86_400, false)).toMatchObject({ ok: true, secondOfDay: sec });
      }),
    );
  });

  test('no text ever throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => combineDateTime(s, s)).not.toThrow();
      }),
    );
  });
});
