/**
 * The arithmetic of one rule on one amount, kept as a record (not just a number) so every finding can
 * show the bookkeeper exactly how the expected fee was reached, step by step.
 */
import type Decimal from 'decimal.js';
import {
  D,
  feeDecimal,
  fen,
  formatFen,
  rateDecimal,
  roundFen,
  type Fen,
  type RatePercent,
  type RoundingMode,
} from '../money';
import type { RateRule } from './rate-card';

export type FeeCalc = {
  /** The amount priced, in fen. */
  amountFen: Fen;
  ruleId: string;
  ruleLabel: string;
  ratePercent: RatePercent;
  /** amount × rate exactly, in fen, as a decimal string ("38.43" fen = ¥0.3843). */
  rawFen: string;
  rounding: RoundingMode;
  /** rawFen rounded to whole fen. */
  roundedFen: Fen;
  minFen: Fen | null;
  minApplied: boolean;
  capFen: Fen | null;
  capApplied: boolean;
  fixedFen: Fen | null;
  /** The fee this rule gives, in fen. */
  feeFen: Fen;
};

/** A rate in percent as the exact fraction num / den of an amount (0.60 % → 60 / 10000), when both are safe integers. */
type ExactRate = { num: number; den: number; decimals: number } | null;
const EXACT_RATES = new Map<RatePercent, ExactRate>();

function exactRate(ratePercent: RatePercent): ExactRate {
  const known = EXACT_RATES.get(ratePercent);
  if (known !== undefined) return known;
  const d = rateDecimal(ratePercent); // validates: throws on a bad rate, as feeDecimal does
  const dp = d.decimalPlaces();
  const num = d.times(new D(10).pow(dp)).toNumber();
  const den = 100 * 10 ** dp;
  // 10^k is an exact double up to 10^22; beyond 10^15 the denominator would not be a safe integer.
  const exact =
    dp <= 13 && Number.isSafeInteger(num) && Number.isSafeInteger(den)
      ? { num, den, decimals: dp + 2 }
      : null;
  if (EXACT_RATES.size > 1000) EXACT_RATES.clear();
  EXACT_RATES.set(ratePercent, exact);
  return exact;
}

type Rounded = { roundedFen: Fen; rawFen: string };

/**
 * round(amount × rate %) in whole fen, exactly as `roundFen(feeDecimal(amount, rate), mode)`, with the
 * unrounded product spelled as `Decimal#toString` spells it. A year of rows is priced several times per
 * reconciliation, so the usual case (|amount| × the rate's numerator is a safe integer) is done in
 * integer arithmetic: quotient and remainder of |amount| × num ÷ den are exact (`%` of doubles is exact,
 * and so is (a − r) ÷ den), and the rounding modes are symmetric around zero like decimal.js's.
 * Anything larger, and products under 10⁻⁶ fen (which decimal.js prints as `1e-7`), go through
 * decimal.js. Property-tested equal to decimal.js for every mode (tests/unit/fees-exact.test.ts).
 */
export function roundedRate(amountFen: Fen, ratePercent: RatePercent, mode: RoundingMode): Rounded {
  const p = exactParts(amountFen, ratePercent);
  if (p === null) {
    const raw = feeDecimal(amountFen, ratePercent);
    return { roundedFen: roundFen(raw, mode), rawFen: raw.toString() };
  }
  const sign = amountFen < 0 && p.whole + p.rem !== 0 ? '-' : ''; // decimal.js spells −0 as "0"
  // den = 10^k, so rem / den is rem's digits after the point, padded to k and without trailing zeros.
  const digits = p.rem === 0 ? '' : `.${String(p.rem).padStart(p.rate.decimals, '0').replace(/0+$/, '')}`;
  return { roundedFen: roundParts(p, amountFen, mode), rawFen: `${sign}${p.whole}${digits}` };
}

/** round(amount × rate %) in whole fen alone, exactly as `roundedRate(…).roundedFen`. */
function roundedRateFen(amountFen: Fen, ratePercent: RatePercent, mode: RoundingMode): Fen {
  const p = exactParts(amountFen, ratePercent);
  return p === null ? roundFen(feeDecimal(amountFen, ratePercent), mode) : roundParts(p, amountFen, mode);
}

type Parts = { whole: number; rem: number; rate: NonNullable<ExactRate> };

/** |amount| × num = whole · den + rem, when the product is a safe integer and not under 10⁻⁶ fen. */
function exactParts(amountFen: Fen, ratePercent: RatePercent): Parts | null {
  const rate = exactRate(ratePercent);
  if (rate === null) return null;
  const a = Math.abs(amountFen) * rate.num;
  if (a > Number.MAX_SAFE_INTEGER) return null;
  const rem = a % rate.den;
  const whole = (a - rem) / rate.den;
  // decimal.js spells a product under 10⁻⁶ fen as "1e-7": leave those rare ones to it.
  if (whole === 0 && rem !== 0 && rem < rate.den / 1_000_000) return null;
  return { whole, rem, rate };
}

function roundParts({ whole, rem, rate }: Parts, amountFen: Fen, mode: RoundingMode): Fen {
  let q = whole;
  if (rem !== 0) {
    const twice = 2 * rem; // exact: at most 2·den
    if (mode === 'up') q += 1;
    else if (mode === 'half_up') q += twice >= rate.den ? 1 : 0;
    else if (mode === 'half_even') q += twice > rate.den || (twice === rate.den && q % 2 === 1) ? 1 : 0;
  }
  return fen(amountFen < 0 ? -q : q);
}

/**
 * Fee of `amountFen` under `rule`: round(amount × rate) → at least min → at most cap → plus fixed
 * (an amount of 0 costs 0).
 * Unit: fen in, fen out. The rule's rate is percent.
 */
export function ruleFee(rule: RateRule, amountFen: Fen, rounding: RoundingMode): FeeCalc {
  const { roundedFen, rawFen } = roundedRate(amountFen, rule.ratePercent, rounding);
  const { fee, minApplied, capApplied, nothing } = limits(rule, amountFen, roundedFen);
  // A plain record (no getters): a literal with accessors costs ~30× more to make, and a year has
  // several hundred thousand of these.
  return {
    amountFen,
    ruleId: rule.id,
    ruleLabel: rule.label,
    ratePercent: rule.ratePercent,
    rawFen,
    rounding,
    roundedFen,
    minFen: rule.minFen,
    minApplied,
    capFen: rule.capFen,
    capApplied,
    fixedFen: nothing ? null : rule.fixedFen,
    feeFen: fen(fee),
  };
}

/** min → cap → fixed on a rounded fee. A zero amount (what is left after a full refund) is no transaction: no minimum, no fixed part. */
function limits(rule: RateRule, amountFen: Fen, roundedFen: Fen) {
  const nothing = amountFen === 0;
  let fee: number = roundedFen;
  const minApplied = !nothing && rule.minFen !== null && fee < rule.minFen;
  if (minApplied && rule.minFen !== null) fee = rule.minFen;
  const capApplied = rule.capFen !== null && fee > rule.capFen;
  if (capApplied && rule.capFen !== null) fee = rule.capFen;
  if (!nothing && rule.fixedFen !== null) fee += rule.fixedFen;
  return { fee, minApplied, capApplied, nothing };
}

/** `ruleFee(rule, amount, rounding).feeFen` without the record (a clean row needs only the number). */
export function ruleFeeFen(rule: RateRule, amountFen: Fen, rounding: RoundingMode): Fen {
  return fen(limits(rule, amountFen, roundedRateFen(amountFen, rule.ratePercent, rounding)).fee);
}

/** The same rule without its cap (to recognise a cap that was not applied). */
export function uncappedFee(rule: RateRule, amountFen: Fen, rounding: RoundingMode): FeeCalc {
  return ruleFee({ ...rule, capFen: null }, amountFen, rounding);
}

const ROUNDING_ZH: Record<RoundingMode, string> = {
  half_up: '四舍五入',
  half_even: '银行家舍入',
  up: '进一',
  down: '去尾',
};
const ROUNDING_EN: Record<RoundingMode, string> = {
  half_up: 'rounded half-up',
  half_even: 'rounded half-even',
  up: 'rounded up',
  down: 'rounded down',
};

/** A Decimal amount of fen as yuan with at least 2 decimals and thousands separators: "¥0.3843". */
export function formatDecimalFen(rawFen: Decimal | string): string {
  const yuan = new D(rawFen).dividedBy(100);
  const text = yuan.abs().toFixed(Math.max(2, yuan.decimalPlaces()));
  const [int = '0', frac = ''] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan.isNegative() && !yuan.isZero() ? '-' : ''}¥${grouped}.${frac}`;
}

/** "¥8,530.00 × 0.50% = ¥42.65，封顶 ¥25.00 → 应收 ¥25.00" */
export function calcSentenceZh(c: FeeCalc): string {
  let s = `${formatFen(c.amountFen)} × ${c.ratePercent}% = ${formatDecimalFen(c.rawFen)}`;
  if (!new D(c.rawFen).equals(c.roundedFen)) s += `，${ROUNDING_ZH[c.rounding]}为 ${formatFen(c.roundedFen)}`;
  if (c.minApplied && c.minFen !== null) s += `，保底 ${formatFen(c.minFen)}`;
  if (c.capApplied && c.capFen !== null) s += `，封顶 ${formatFen(c.capFen)}`;
  if (c.fixedFen !== null) s += `，另加每笔 ${formatFen(c.fixedFen)}`;
  return `${s} → 应收 ${formatFen(c.feeFen)}`;
}

/** "¥8,530.00 × 0.50% = ¥42.65, capped at ¥25.00 → expected ¥25.00" */
export function calcSentenceEn(c: FeeCalc): string {
  let s = `${formatFen(c.amountFen)} × ${c.ratePercent}% = ${formatDecimalFen(c.rawFen)}`;
  if (!new D(c.rawFen).equals(c.roundedFen))
    s += `, ${ROUNDING_EN[c.rounding]} to ${formatFen(c.roundedFen)}`;
  if (c.minApplied && c.minFen !== null) s += `, raised to the minimum ${formatFen(c.minFen)}`;
  if (c.capApplied && c.capFen !== null) s += `, capped at ${formatFen(c.capFen)}`;
  if (c.fixedFen !== null) s += `, plus ${formatFen(c.fixedFen)} per transaction`;
  return `${s} → expected ${formatFen(c.feeFen)}`;
}
