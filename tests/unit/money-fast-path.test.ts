import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../shared/money';

/** The yuan text of `f` fen, built from its digits (no float involved). */
function yuanText(f: bigint): string {
  const neg = f < 0n;
  const abs = neg ? -f : f;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

describe('parseMoney fast path for plain amounts', () => {
  it('text and number cells with up to 2 decimals give the exact fen, across the whole safe range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (f) => {
        const text = yuanText(f);
        expect(parseMoney(text)).toEqual({ ok: true, value: Number(f) });
        // exceljs hands numbers: the double nearest the decimal, whose shortest form is the same text.
        expect(parseMoney(Number(text))).toEqual({ ok: true, value: Number(f) });
      }),
      { numRuns: 2000 },
    );
  });

  it('a number a few ulps off a fen (float noise) is that fen', () => {
    const next = (x: number, ulps: number): number => {
      const bits = new BigInt64Array(new Float64Array([x]).buffer);
      bits[0] = (bits[0] as bigint) + BigInt(ulps);
      return new Float64Array(bits.buffer)[0] as number;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }).filter((f) => f !== 0n),
        fc.integer({ min: -2, max: 2 }),
        (f, ulps) => {
          const value = Number(f);
          expect(parseMoney(next(Number(yuanText(f)), ulps))).toEqual({ ok: true, value });
          expect(parseMoney(next(value, ulps), { unit: 'fen' })).toEqual(
            ulps === 0 || !Number.isInteger(next(value, ulps)) ? expect.anything() : { ok: true, value },
          );
        },
      ),
      { numRuns: 2000 },
    );
    expect(parseMoney(-0)).toEqual({ ok: true, value: 0 });
    expect(parseMoney(-0, { unit: 'fen' })).toEqual({ ok: true, value: 0 });
    expect(parseMoney(2 ** 43 - 0.01)).toEqual({ ok: true, value: 879609302220799 });
  });

  it('agrees with the decimal path on the edge cases it hands over', () => {
    expect(parseMoney(1234.5600000000002)).toEqual({ ok: true, value: 123456 });
    expect(parseMoney(1e21)).toMatchObject({ ok: false });
    expect(parseMoney('12345678901234.56')).toEqual({ ok: true, value: 1234567890123456 });
    expect(parseMoney('-0.00')).toEqual({ ok: true, value: 0 });
    expect(parseMoney('(0.50)')).toEqual({ ok: true, value: -50 });
    expect(parseMoney('12.5', { unit: 'fen' })).toMatchObject({ ok: false });
    expect(parseMoney(' 1,234.5 ')).toEqual({ ok: true, value: 123450 });
  });
});
