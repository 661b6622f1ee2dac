/**
 * The money core: integer fen with a brand, the one Decimal configuration, and the one rounding function.
 *
 * Why a brand: a plain `number` could be yuan, fen, a count or a float product; `Fen` can only be made
 * by `fen()` (or the parsers), which check that the value is a safe integer. Arithmetic helpers keep
 * the brand and re-check, so an overflow or a stray fraction fails loudly instead of drifting.
 */
import Decimal from 'decimal.js';

/** An amount of money in integer fen (1 yuan = 100 fen). Safe to ±9,007,199,254,740,991 fen. */
export type Fen = number & { readonly __brand: 'Fen' };

/**
 * The Decimal constructor every money calculation uses. 60 significant digits so that a product of
 * a 16-digit fen amount and a rate with many decimals is held exactly before rounding.
 */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Makes a `Fen` from an integer number of fen; throws RangeError on a fraction, NaN or an unsafe integer. */
export function fen(n: number): Fen {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Not a safe integer number of fen: ${String(n)}`);
  }
  // -0 would print as "-¥0.00" in some paths and compare oddly in Object.is; normalise it away.
  return (n === 0 ? 0 : n) as Fen;
}

/** True when `n` can be used as fen (a safe integer). */
export function isFen(n: unknown): n is Fen {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

export const ZERO_FEN: Fen = fen(0);

/** a + b, in fen. */
export function addFen(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

/** a − b, in fen. */
export function subFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

/** −a, in fen. */
export function negFen(a: Fen): Fen {
  return fen(0 - a);
}

/** |a|, in fen. */
export function absFen(a: Fen): Fen {
  return fen(Math.abs(a));
}

/** Sum of a list of fen amounts, in fen (0 for an empty list). */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) {
    total += v;
    // Checked on every step: integer sums stay exact only while they stay safe.
    if (!Number.isSafeInteger(total)) throw new RangeError('Sum of fen overflows a safe integer');
  }
  return fen(total);
}

export const ROUNDING_MODES = ['half_up', 'half_even', 'up', 'down'] as const;
/**
 * How a fractional fen becomes whole. `half_up`: ties away from zero (四舍五入, the default of every
 * Lakala contract seen); `half_even`: ties to the even fen (banker's rounding); `up`: away from zero
 * (进一, any fraction counts); `down`: towards zero (去尾). Symmetric for negatives by design, so a
 * returned fee rounds like the fee it returns.
 */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/**
 * THE rounding function: a Decimal amount of fen (possibly fractional) → whole `Fen`.
 * Every fee, cap comparison and yuan→fen conversion in FeeTrail goes through here.
 */
export function roundFen(d: Decimal, mode: RoundingMode): Fen {
  const rounded = d.toDecimalPlaces(0, DECIMAL_MODE[mode]);
  if (!rounded.isFinite() || rounded.abs().greaterThan(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Amount out of range for fen: ${d.toString()}`);
  }
  // toFixed(0) of an integer Decimal is its exact digits; Number() of a ≤ 2^53 integer string is exact.
  return fen(Number(rounded.toFixed(0)));
}

/** A `Fen` as a Decimal (exact), for products and comparisons. */
export function fenToDecimal(f: Fen): Decimal {
  return new D(f);
}
