import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  D,
  effectiveRatePercent,
  feeDecimal,
  fen,
  formatFen,
  parseMoney,
  parseRate,
  roundFen,
  sumFen,
  type Fen,
} from '../../shared/money';

const ok = (value: number | null) => ({ ok: true, value });

describe('parseMoney reads every way a money cell is printed', () => {
  it.each([
    ['1,234.56', 123456],
    ['¥1,234.56', 123456],
    ['￥1,234.56', 123456],
    ['1,234.56元', 123456],
    ['-1,234.56', -123456],
    ['-¥1,234.56', -123456],
    ['¥-1,234.56', -123456],
    ['(12.00)', -1200],
    ['（12.00）', -1200],
    ['+500.00', 50000],
    ['1234.5', 123450],
    ['.5', 50],
    ['0', 0],
    ['１２３４．５６', 123456],
    ['－１，２３４．５６', -123456],
    ['  \t 1,234.56\t', 123456],
    ['\u00A01,234.56\u00A0', 123456],
    ['\u30001234.56', 123456],
    ['RMB 12.30', 1230],
    ['12.30 CNY', 1230],
    ['人民币12.30元', 1230],
    ['12.30（元）', 1230],
    ['5-', -500], // a minus after the number, as core-banking exports print a debit
    ['1,234.50-', -123450],
    ["'1,234.50", 123450], // Excel's text marker, written into a CSV
    ["'-5.00", -500],
    ['-0.00', 0],
  ])('%j → %d fen', (cell, expected) => {
    expect(parseMoney(cell)).toEqual(ok(expected));
  });

  it.each(['', '   ', '-', '--', '—', '\t-\t', null, undefined])('empty cell %j → null', (cell) => {
    expect(parseMoney(cell)).toEqual(ok(null));
  });

  it.each(['abc', '1,23', '12,34.5', '1.2.3', '1e5', '--5', '-(5)', '¥¥5', '-5-', '(5-)', '12 元 元', 'NaN'])(
    'rejects %j with a reason',
    (cell) => {
      const r = parseMoney(cell);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
    },
  );

  it('reads fen columns (…(分)) as whole fen', () => {
    expect(parseMoney('12345', { unit: 'fen' })).toEqual(ok(12345));
    expect(parseMoney(12345, { unit: 'fen' })).toEqual(ok(12345));
    expect(parseMoney('12345.00', { unit: 'fen' })).toEqual(ok(12345));
    expect(parseMoney('123.4', { unit: 'fen' }).ok).toBe(false);
  });

  it('reads exceljs numbers through their decimal spelling, never through float arithmetic', () => {
    expect(parseMoney(1.15)).toEqual(ok(115)); // 1.15 * 100 = 114.99999999999999 in floats
    expect(parseMoney(0.29)).toEqual(ok(29)); // 0.29 * 100 = 28.999999999999996
    expect(parseMoney(-47.39)).toEqual(ok(-4739));
    expect(parseMoney(13535.57)).toEqual(ok(1353557));
  });

  it('rounds binary-float noise from Excel sums to the fen, but rejects a genuine third decimal', () => {
    expect(parseMoney(0.1 + 0.2)).toEqual(ok(30)); // 0.30000000000000004
    expect(parseMoney(1234.5600000000002)).toEqual(ok(123456));
    expect(parseMoney(0.3843).ok).toBe(false); // an unrounded fee formula: not money as printed
    expect(parseMoney('1.234').ok).toBe(false);
    expect(parseMoney('1.235', { excessDecimals: 'half_up' })).toEqual(ok(124));
    expect(parseMoney(0.1 + 0.2, { excessDecimals: 'reject' }).ok).toBe(false);
  });

  it('rejects NaN, infinities and amounts beyond a safe integer of fen', () => {
    expect(parseMoney(Number.NaN).ok).toBe(false);
    expect(parseMoney(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parseMoney('99999999999999999999').ok).toBe(false);
  });
});

describe('formatFen prints money as a Chinese bookkeeper reads it', () => {
  it.each([
    [123456, '¥1,234.56'],
    [-123456, '-¥1,234.56'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [-5, '-¥0.05'],
    [100000000, '¥1,000,000.00'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('%d fen → %s', (value, text) => {
    expect(formatFen(fen(value))).toBe(text);
  });

  it('has a variant without the symbol and one with an explicit plus', () => {
    expect(formatFen(fen(-123456), { symbol: false })).toBe('-1,234.56');
    expect(formatFen(fen(123456), { symbol: false, grouping: false })).toBe('1234.56');
    expect(formatFen(fen(1765), { sign: 'always' })).toBe('+¥17.65');
  });

  it('parse(format(x)) = x for every safe amount, with and without symbol', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const x = fen(n);
        expect(parseMoney(formatFen(x))).toEqual(ok(x));
        expect(parseMoney(formatFen(x, { symbol: false, grouping: false }))).toEqual(ok(x));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fen is a checked integer', () => {
  it('refuses fractions, NaN and unsafe integers', () => {
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(() => fen(Number.NaN)).toThrow(RangeError);
    expect(() => fen(2 ** 53)).toThrow(RangeError);
    expect(Object.is(fen(-0), 0)).toBe(true);
  });

  it('sums exactly and refuses to overflow', () => {
    expect(sumFen([fen(10), fen(20), fen(-5)])).toBe(25);
    expect(() => sumFen([fen(Number.MAX_SAFE_INTEGER), fen(1)])).toThrow(RangeError);
  });
});

describe('roundFen is the one rounding function', () => {
  it.each([
    ['10.5', 'half_up', 11],
    ['10.5', 'half_even', 10],
    ['11.5', 'half_even', 12],
    ['10.01', 'up', 11],
    ['10.99', 'down', 10],
    ['-10.5', 'half_up', -11],
    ['-10.01', 'up', -11],
    ['-10.99', 'down', -10],
    ['10.4999999999999999999999', 'half_up', 10],
  ] as const)('%s fen %s → %d', (value, mode, expected) => {
    expect(roundFen(new D(value), mode)).toBe(expected);
  });
});

describe('rates are percent strings computed with decimal.js', () => {
  it('¥17.50 × 0.60% rounds half-up to ¥0.11', () => {
    expect(feeDecimal(fen(1750), '0.60').toString()).toBe('10.5');
    expect(roundFen(feeDecimal(fen(1750), '0.60'), 'half_up')).toBe(11);
  });

  it('parses rates written in many ways, normalised to two or more decimals', () => {
    expect(parseRate('0.6')).toEqual({ ok: true, value: '0.60' });
    expect(parseRate(' 0.38 % ')).toEqual({ ok: true, value: '0.38' });
    expect(parseRate('０.３８％')).toEqual({ ok: true, value: '0.38' });
    expect(parseRate('0.385')).toEqual({ ok: true, value: '0.385' });
    expect(parseRate(0.6)).toEqual({ ok: true, value: '0.60' });
    expect(parseRate('-0.6').ok).toBe(false);
    expect(parseRate('100').ok).toBe(false);
    expect(parseRate('abc').ok).toBe(false);
  });

  it('gives the effective rate of a fee as a percent string', () => {
    expect(effectiveRatePercent(fen(42), fen(7000))).toBe('0.6000');
    expect(effectiveRatePercent(fen(2500), fen(853000), 2)).toBe('0.29');
    expect(effectiveRatePercent(fen(1), fen(0))).toBeNull();
  });

  it('is exact where float arithmetic errs: amount × rate equals integer reference arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 0, max: 9999 }), (amount, bp) => {
        const rate = (bp / 100).toFixed(2);
        const fee = roundFen(feeDecimal(fen(amount), rate), 'half_up');
        const reference = Number((2n * BigInt(amount) * BigInt(bp) + 10000n) / 20000n);
        expect(fee).toBe(reference);
      }),
      { numRuns: 3000 },
    );
    // The classic float failure: 1.005 yuan at 100% by floats gives 100.49999… fen.
    expect(roundFen(new D('100.5'), 'half_up')).toBe(101);
    expect(Math.round(1.005 * 100)).toBe(100); // what a float path would have produced
  });

  it('keeps the brand: Fen values are numbers at runtime', () => {
    const f: Fen = fen(5);
    expect(typeof f).toBe('number');
  });
});
