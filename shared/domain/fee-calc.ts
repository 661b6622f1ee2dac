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

/**
 * Fee of `amountFen` under `rule`: round(amount × rate) → at least min → at most cap → plus fixed
 * (an amount of 0 costs 0).
 * Unit: fen in, fen out. The rule's rate is percent.
 */
export function ruleFee(rule: RateRule, amountFen: Fen, rounding: RoundingMode): FeeCalc {
  const raw = feeDecimal(amountFen, rule.ratePercent);
  const roundedFen = roundFen(raw, rounding);
  // A zero amount (what is left after a full refund) is no transaction at all: no minimum, no fixed part.
  const nothing = amountFen === 0;
  let fee: number = roundedFen;
  const minApplied = !nothing && rule.minFen !== null && fee < rule.minFen;
  if (minApplied && rule.minFen !== null) fee = rule.minFen;
  const capApplied = rule.capFen !== null && fee > rule.capFen;
  if (capApplied && rule.capFen !== null) fee = rule.capFen;
  if (!nothing && rule.fixedFen !== null) fee += rule.fixedFen;
  return {
    amountFen,
    ruleId: rule.id,
    ruleLabel: rule.label,
    ratePercent: rule.ratePercent,
    // Spelled out on first read: only the arithmetic of findings is ever shown.
    get rawFen() {
      return raw.toString();
    },
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
