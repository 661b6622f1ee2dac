/**
 * THE money parser: one function for every money cell FeeTrail reads (CSV text, exceljs numbers,
 * text-typed numbers in xlsx, user input). It never goes through a float: text is turned into a
 * decimal.js value digit by digit, and a JS number is read through its shortest decimal spelling
 * (`String(n)`, which round-trips), so 0.1 is "0.1", not 0.1000000000000000055….
 */
import type Decimal from 'decimal.js';
import { D, fen, roundFen, type Fen } from './fen';

export type MoneyUnit = 'yuan' | 'fen';

/**
 * What to do with more decimals than the unit allows (3+ decimals of yuan, any decimal of fen):
 * - `noise_only` (default): a JS number whose extra digits are binary-float noise (1234.5600000000002,
 *   the result of Excel summing 1234.56) is rounded half-up to the nearest fen; any other extra
 *   digit (text "1.234", or the number 0.3843 an unrounded formula left behind) is rejected,
 *   because silently rounding a genuine third decimal would hide that the column is not money.
 * - `half_up`: round everything half-up to the fen (for a caller that knows the column is rounded on display).
 * - `reject`: reject every extra digit, noise included.
 */
export type ExcessDecimals = 'noise_only' | 'half_up' | 'reject';

export type ParseMoneyOptions = {
  /** The unit the cell is written in: yuan (default; "12.34" = 1,234 fen) or fen (a column named …(分)). */
  unit?: MoneyUnit;
  excessDecimals?: ExcessDecimals;
};

export type MoneyParse = { ok: true; value: Fen | null } | { ok: false; reason: string };

/** Cell texts that mean "no amount" in bank and POS exports. */
const EMPTY_MARKERS = new Set(['', '-', '--', '—', '——', '―', '–']);

// Binary doubles carry 52 fraction bits; a value within a few ulps of a fen is float noise, not data.
const NOISE_RELATIVE = new D(2).pow(-48);

const NUMBER_BODY = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/**
 * Parses one money cell into integer fen. Unit: yuan by default (see `opts.unit`), result in fen.
 * Returns `{ ok: true, value: null }` for an empty cell ('', spaces, '-', '--', '—').
 *
 * Accepts: "1,234.56", "¥1,234.56", "￥1,234.56", "1,234.56元", "12.00(元)", "RMB 12", "12 CNY",
 * "人民币12元", "-1,234.56", "¥-1.00", "-¥1.00", "(12.00)" and "12.00-" (negative), "+500.00", "1234.5",
 * ".5", "'12.00" (Excel's text marker), full-width "１２３４．５６" and "－１．００", padding with spaces,
 * tabs, NBSP or ideographic spaces, and finite JS numbers (exceljs cells).
 * Rejects: thousands separators in the wrong places ("1,23"), exponents in text, two signs,
 * letters, NaN/Infinity, and extra decimals as `opts.excessDecimals` says.
 */
export function parseMoney(
  cell: string | number | null | undefined,
  opts: ParseMoneyOptions = {},
): MoneyParse {
  const unit = opts.unit ?? 'yuan';
  const excess = opts.excessDecimals ?? 'noise_only';
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell === 'number') return parseNumberCell(cell, unit, excess);
  return parseTextCell(cell, unit, excess);
}

/** Plain decimal text small enough that integer arithmetic on its digits is exact. */
const PLAIN = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * The common case without decimal.js: at most 2 decimals (yuan) or none (fen) and at most 13 integer
 * digits, so digits × 100 + cents stays far below 2^53. Integer arithmetic on the digits, never a float
 * product; anything else returns null and goes the exact decimal.js way.
 */
function plainFen(text: string, unit: MoneyUnit, negative = false): Fen | null {
  const m = PLAIN.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (unit === 'fen' && frac !== '') return null;
  const magnitude = unit === 'yuan' ? Number(m[2]) * 100 + Number(frac.padEnd(2, '0')) : Number(m[2]);
  const neg = (m[1] === '-') !== negative;
  return fen(neg && magnitude !== 0 ? -magnitude : magnitude);
}

/** Below this magnitude doubles are spaced far closer than a fen (under 2^43 the spacing is at most 2^-10). */
const CENT_EXACT_LIMIT = 2 ** 43;

/**
 * A number cell's fen without making its text, when its shortest decimal spelling has at most 2
 * decimals (yuan) or none (fen): what plainFen reads from String(n), found by arithmetic. Below
 * CENT_EXACT_LIMIT at most one 2-decimal value lies within rounding of n, so when c / 100 gives back n
 * exactly, that value (c fen) is the one String(n) spells. Anything else returns null.
 */
function exactCents(n: number, unit: MoneyUnit): Fen | null {
  if (!(Math.abs(n) < CENT_EXACT_LIMIT)) return null;
  if (unit === 'fen') return Number.isInteger(n) ? fen(n) : null;
  const c = Math.round(n * 100);
  return c / 100 === n ? fen(c) : null;
}

function parseNumberCell(n: number, unit: MoneyUnit, excess: ExcessDecimals): MoneyParse {
  if (!Number.isFinite(n)) return { ok: false, reason: `not a finite number: ${String(n)}` };
  const cents = exactCents(n, unit);
  if (cents !== null) return { ok: true, value: cents };
  const quick = plainFen(String(n), unit);
  if (quick !== null) return { ok: true, value: quick };
  // String(n) is the shortest decimal that reads back as the same double: the value the user saw.
  const value = new D(String(n));
  const scaled = unit === 'yuan' ? value.times(100) : value;
  if (scaled.isInteger()) return finish(scaled);
  const nearest = scaled.toDecimalPlaces(0, D.ROUND_HALF_UP);
  if (excess === 'half_up') return finish(nearest);
  const isNoise = scaled.minus(nearest).abs().lessThanOrEqualTo(scaled.abs().times(NOISE_RELATIVE));
  if (excess === 'noise_only' && isNoise) return finish(nearest);
  return { ok: false, reason: excessReason(String(n), unit) };
}

function parseTextCell(text: string, unit: MoneyUnit, excess: ExcessDecimals): MoneyParse {
  let s = normaliseText(text);
  if (EMPTY_MARKERS.has(s)) return { ok: true, value: null };

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true; // accounting style: (12.00) is −12.00
    s = paren[1] ?? '';
  }
  // Excel's text marker written out into a CSV ('100.00), and the unit or currency after the number.
  if (s.startsWith("'")) s = s.slice(1);
  s = s.replace(/\(元\)$/, '');
  if (s.endsWith('元')) s = s.slice(0, -1);
  let currencySeen = false;
  if (/\d(RMB|CNY)$/i.test(s)) {
    currencySeen = true;
    s = s.slice(0, -3);
  }
  let signSeen = false;
  // A minus after the number (12.30-), as some core-banking exports print a debit.
  if (/\d-$/.test(s) && !s.startsWith('-')) {
    if (negative) return { ok: false, reason: `two minus signs in "${text}"` };
    negative = true;
    signSeen = true;
    s = s.slice(0, -1);
  }
  for (;;) {
    const c = s[0];
    if ((c === '-' || c === '+') && !signSeen) {
      if (negative && c === '-') return { ok: false, reason: `two minus signs in "${text}"` };
      negative = negative || c === '-';
      signSeen = true;
      s = s.slice(1);
    } else if (c === '¥' && !currencySeen) {
      currencySeen = true;
      s = s.slice(1);
    } else if (/^(RMB|CNY)/i.test(s) && !currencySeen) {
      currencySeen = true;
      s = s.slice(3);
    } else if (s.startsWith('人民币') && !currencySeen) {
      currencySeen = true;
      s = s.slice(3);
    } else {
      break;
    }
  }
  const m = NUMBER_BODY.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    return { ok: false, reason: `not an amount: "${text.trim()}"` };
  }
  const intPart = (m[1] ?? '0').replace(/,/g, '');
  const fracPart = m[2] ?? '';
  const quick = plainFen(fracPart === '' ? intPart : `${intPart}.${fracPart}`, unit, negative);
  if (quick !== null) return { ok: true, value: quick };
  const value = new D(`${negative ? '-' : ''}${intPart}.${fracPart === '' ? '0' : fracPart}`);
  const scaled = unit === 'yuan' ? value.times(100) : value;
  if (scaled.isInteger()) return finish(scaled);
  // Text has no float noise: an extra digit in text was typed or printed on purpose.
  if (excess === 'half_up') return finish(scaled.toDecimalPlaces(0, D.ROUND_HALF_UP));
  return { ok: false, reason: excessReason(text.trim(), unit) };
}

function finish(scaledFen: Decimal): MoneyParse {
  if (scaledFen.abs().greaterThan(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: 'amount too large' };
  }
  return { ok: true, value: roundFen(scaledFen, 'half_up') };
}

function excessReason(shown: string, unit: MoneyUnit): string {
  return unit === 'yuan'
    ? `more than 2 decimals in a yuan amount: "${shown}"`
    : `a fen amount must be a whole number: "${shown}"`;
}

/** Full-width forms to ASCII, every kind of space removed, minus-sign look-alikes unified. */
function normaliseText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFFE5/g, '¥')
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u3000\uFEFF]/g, '');
}
