/**
 * Excel serials become the wall-clock text Excel shows, whatever zone the machine is in. These are
 * pure arithmetic; the spawned check at the end reads a real file under two zones.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDateFormat } from '../../electron/io/cell-format';
import { exceljsDateToSerial, serialToWallClock, wallClockToSerial } from '../../electron/io/excel-serial';

describe('Excel serial → wall clock', () => {
  it('gives the times Excel shows', () => {
    expect(serialToWallClock(46235.33775462963, false)).toBe('2026-08-01 08:06:22');
    expect(serialToWallClock(45658, false)).toBe('2025-01-01 00:00:00');
    expect(serialToWallClock(0.5, false)).toBe('1899-12-30 12:00:00');
    // Before Excel's phantom 1900-02-29 the 1900 system is one day "late".
    expect(serialToWallClock(1, false)).toBe('1900-01-01 00:00:00');
    expect(serialToWallClock(59, false)).toBe('1900-02-28 00:00:00');
    expect(serialToWallClock(61, false)).toBe('1900-03-01 00:00:00');
  });

  it('knows the 1904 system (old Mac workbooks)', () => {
    expect(serialToWallClock(0, true)).toBe('1904-01-01 00:00:00');
    expect(serialToWallClock(46235.33775462963 - 1462, true)).toBe('2026-08-01 08:06:22');
  });

  it('rounds to the nearest second, never truncates (a float serial is a hair below the second)', () => {
    const s = wallClockToSerial('2026-08-31 23:59:59') - 1e-9;
    expect(serialToWallClock(s, false)).toBe('2026-08-31 23:59:59');
  });

  it('round-trips any second of 1901–2099 in both date systems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1901, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }),
        fc.boolean(),
        (sec, d1904) => {
          const text = new Date(sec * 1000).toISOString().slice(0, 19).replace('T', ' ');
          expect(serialToWallClock(wallClockToSerial(text, d1904), d1904)).toBe(text);
        },
      ),
    );
  });

  it('inverts exceljs’s Date back to the serial', () => {
    const serial = 46235.33775462963;
    const asExceljs = new Date(Math.round((serial - 25569) * 86400000));
    expect(exceljsDateToSerial(asExceljs, false)).toBeCloseTo(serial, 9);
    const as1904 = new Date(Math.round((serial - 25569 + 1462) * 86400000));
    expect(exceljsDateToSerial(as1904, true)).toBeCloseTo(serial, 9);
  });
});

describe('date number formats', () => {
  it.each([
    'yyyy-mm-dd hh:mm:ss',
    'm/d/yy',
    'yyyy"年"m"月"d"日"',
    '[$-804]yyyy/m/d h:mm',
    'hh:mm:ss',
    '[h]:mm',
    'mm-dd-yy',
  ])('%s is a date', (f) => {
    expect(isDateFormat(f)).toBe(true);
  });
  it.each([
    'General',
    '@',
    '0.00',
    '#,##0.00"元"',
    '#,##0.00_);[Red](#,##0.00)',
    '0.00E+00',
    '"合计"0',
    undefined,
  ])('%s is not', (f) => {
    expect(isDateFormat(f)).toBe(false);
  });
});

describe('time zones', () => {
  it('the example POS export reads identically under Asia/Shanghai and UTC', () => {
    const script = fileURLToPath(new URL('./io-tz-probe.ts', import.meta.url));
    type Probe = { zoneOffset: number; first: string; last: string; count: number; all: string; xls: string };
    const run = (tz: string): Probe =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', script], {
          env: { ...process.env, TZ: tz },
          encoding: 'utf8',
        }),
      ) as Probe;
    const { zoneOffset: shanghaiOffset, ...shanghai } = run('Asia/Shanghai');
    const { zoneOffset: utcOffset, ...utc } = run('UTC');
    expect([shanghaiOffset, utcOffset]).toEqual([-480, 0]);
    expect(shanghai).toEqual(utc);
    expect(shanghai).toMatchObject({
      first: '2026-08-01 08:06:22',
      last: '2026-08-31 21:54:40',
      count: 1888,
    });
    expect(shanghai.xls.split('|')).toHaveLength(60);
  }, 120_000);
});
