/**
 * The fee engine's integer fast path against decimal.js: for every rounding mode, rate spelling,
 * minimum, cap and fixed part, and amounts up to the largest safe fen, the fee and the spelled-out
 * product are what the decimal.js arithmetic gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { D, feeDecimal, fen, roundFen, ROUNDING_MODES, type RoundingMode } from '../../shared/money';
import { roundedRate, ruleFee } from '../../shared/domain/fee-calc';
import type { RateRule } from '../../shared/domain/rate-card';

const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/** Rates below 100 %, with 0 to 16 decimals: "0.60", "0.385", "12", "0.0000000000000001". */
const rate = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.bigInt({ min: 0n, max: 10n ** 18n }))
  .map(([dp, n]) => {
    const scaled = n % (100n * 10n ** BigInt(dp));
    return new D(scaled.toString()).dividedBy(new D(10).pow(dp)).toFixed(Math.max(2, dp));
  });
const usualRate = fc.constantFrom('0.38', '0.60', '0.50', '0.385', '0.6', '1', '0.0001', '99.99');
const anyRate = fc.oneof(rate, usualRate);

/** Small tickets, round amounts that give exact ties, and amounts up to the largest safe fen. */
const amount = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n * 250),
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(0, 1, -1, 1750, 853000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);
const mode = fc.constantFrom(...ROUNDING_MODES);
const optFen = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null });

describe('the integer fast path equals decimal.js', () => {
  it('round(amount × rate) and its spelling, for every rounding mode', () => {
    fc.assert(
      fc.property(amount, anyRate, mode, (a, r, m) => {
        const raw = feeDecimal(fen(a), r);
        expect(roundedRate(fen(a), r, m)).toEqual({ roundedFen: roundFen(raw, m), rawFen: raw.toString() });
      }),
      { numRuns: 3000 },
    );
  });

  it('exact ties round by the mode: ¥17.50 × 0.60% = 10.5 fen', () => {
    expect(ROUNDING_MODES.map((m) => roundedRate(fen(1750), '0.60', m).roundedFen)).toEqual([11, 10, 11, 10]);
    expect(ROUNDING_MODES.map((m) => roundedRate(fen(-1750), '0.60', m).roundedFen)).toEqual([
      -11, -10, -11, -10,
    ]);
    expect(roundedRate(fen(1), '0.0001', 'up')).toEqual({ roundedFen: 1, rawFen: '0.000001' });
    expect(roundedRate(fen(1), '0.00001', 'up')).toEqual({ roundedFen: 1, rawFen: '1e-7' });
  });

  it('a rule’s fee (minimum, cap, fixed part) equals the same steps done in decimal.js', () => {
    fc.assert(
      fc.property(
        amount.map((a) => Math.min(Math.abs(a), Number.MAX_SAFE_INTEGER - 2_000_000)),
        anyRate,
        mode,
        optFen,
        optFen,
        optFen,
        (a, r, m, minFen, capFen, fixedFen) => {
          const rule: RateRule = {
            id: 'r',
            label: 'r',
            channels: null,
            cardKinds: null,
            txnTypes: ['sale'],
            minAmountFen: null,
            maxAmountFen: null,
            ratePercent: r,
            minFen: minFen === null ? null : fen(minFen),
            capFen: capFen === null ? null : fen(capFen),
            fixedFen: fixedFen === null ? null : fen(fixedFen),
          };
          // The reference: every step on Decimal values, rounded with decimal.js's own modes.
          let fee = new D(r).times(a).dividedBy(100).toDecimalPlaces(0, DECIMAL_MODE[m]);
          if (a !== 0 && minFen !== null && fee.lessThan(minFen)) fee = new D(minFen);
          if (capFen !== null && fee.greaterThan(capFen)) fee = new D(capFen);
          if (a !== 0 && fixedFen !== null) fee = fee.plus(fixedFen);
          const calc = ruleFee(rule, fen(a), m);
          expect(calc.feeFen).toBe(fee.toNumber());
          expect(calc.rawFen).toBe(new D(r).times(a).dividedBy(100).toString());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
