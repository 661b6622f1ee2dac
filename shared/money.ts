/**
 * Money in FeeTrail: integer fen (`Fen`), one parser, one rounding function, rates as percent strings.
 * This barrel is what the rest of the code imports; the parts live in fen.ts, money-parse.ts,
 * money-format.ts and rate.ts so each stays small.
 */
export {
  D,
  ROUNDING_MODES,
  ZERO_FEN,
  absFen,
  addFen,
  fen,
  fenToDecimal,
  isFen,
  negFen,
  roundFen,
  subFen,
  sumFen,
} from './fen';
export type { Dec, Fen, RoundingMode } from './fen';
export { parseMoney } from './money-parse';
export type { ExcessDecimals, MoneyParse, MoneyUnit, ParseMoneyOptions } from './money-parse';
export { fenToYuanString, formatFen } from './money-format';
export type { FormatFenOptions } from './money-format';
export { effectiveRatePercent, feeDecimal, formatRate, parseRate, rateDecimal, sameRate } from './rate';
export type { RateParse, RatePercent } from './rate';
