/**
 * Rates are decimal strings that mean percent: "0.60" is 0.60 % (60 basis points), never 0.60 × amount.
 * They are kept as strings end to end (JSON, the book, the API) and only ever enter arithmetic as
 * decimal.js values, because 0.0060 has no exact binary float.
 */
import type Decimal from 'decimal.js';
import { D, fenToDecimal, type Fen } from './fen';

/** A rate in percent as a normalised decimal string with at least 2 decimals, e.g. "0.60", "0.385". */
export type RatePercent = string;

export type RateParse = { ok: true; value: RatePercent } | { ok: false; reason: string };

const RATE_TEXT = /^\d+(\.\d+)?$|^\.\d+$/;

/**
 * Parses a rate given in percent: "0.6", "0.60", "0.60%", " 0.38 % ", "０.３８％". Unit: percent.
 * Rejects negatives, empty text and anything ≥ 100 %. The result keeps every significant decimal
 * (at least two), so "0.6" → "0.60" and "0.385" → "0.385".
 */
export function parseRate(text: string | number): RateParse {
  // A number is accepted only through its shortest decimal spelling, never multiplied as a float.
  const raw = typeof text === 'number' ? String(text) : text;
  const cleaned = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E/g, '.')
    .replace(/[%\uFF05\s\u00A0\u3000]/g, '');
  if (cleaned === '') return { ok: false, reason: 'empty rate' };
  if (!RATE_TEXT.test(cleaned)) return { ok: false, reason: `not a rate in percent: "${raw}"` };
  const d = new D(cleaned);
  if (d.greaterThanOrEqualTo(100)) return { ok: false, reason: `rate ${raw}% is 100% or more` };
  return { ok: true, value: formatRate(d) };
}

/** Normalises a Decimal percent to the RatePercent spelling (≥ 2 decimals, no trailing zeros past that). */
export function formatRate(percent: Decimal): RatePercent {
  const dp = Math.max(2, percent.decimalPlaces());
  return percent.toFixed(dp);
}

/** The rate as a Decimal fraction of percent (for "0.60" → 0.60). Unit: percent. Throws on a bad rate. */
export function rateDecimal(ratePercent: RatePercent): Decimal {
  const cached = RATE_CACHE.get(ratePercent);
  if (cached) return cached;
  const parsed = parseRate(ratePercent);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  const d = new D(parsed.value);
  // A book has a handful of rates; the cache only saves re-parsing them for every row.
  if (RATE_CACHE.size > 1000) RATE_CACHE.clear();
  RATE_CACHE.set(ratePercent, d);
  return d;
}

const RATE_CACHE = new Map<string, Decimal>();

/**
 * amount × rate, exact and unrounded. Unit in: fen and percent; unit out: fen (fractional Decimal).
 * `feeDecimal(1750, "0.60")` = 10.5 (fen), which `roundFen(…, 'half_up')` makes 11 fen.
 */
export function feeDecimal(amountFen: Fen, ratePercent: RatePercent): Decimal {
  return rateDecimal(ratePercent).times(amountFen).dividedBy(100);
}

/**
 * The rate a fee amounts to, in percent as a decimal string rounded half-up to `dp` decimals
 * (`effectiveRatePercent(42, 7000)` = "0.6000"). Null when the amount is 0. Unit in: fen; out: percent.
 */
export function effectiveRatePercent(feeFen: Fen, amountFen: Fen, dp = 4): string | null {
  if (amountFen === 0) return null;
  return fenToDecimal(feeFen).times(100).dividedBy(fenToDecimal(amountFen)).toFixed(dp, D.ROUND_HALF_UP);
}

/** Compares two rate strings numerically ("0.6" equals "0.60"). */
export function sameRate(a: RatePercent, b: RatePercent): boolean {
  return new D(a).equals(new D(b));
}
