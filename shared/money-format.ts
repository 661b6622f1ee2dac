/**
 * zh-CN money formatting as a Chinese bookkeeper reads it: "¥1,234.56", "-¥1,234.56" (minus before the
 * symbol, as Kingdee and Excel's ¥ format print it). Pure integer arithmetic: no toFixed on floats.
 * `parseMoney(formatFen(x))` gives x back for every Fen (property-tested).
 */
import type { Fen } from './fen';

export type FormatFenOptions = {
  /** Print the ¥ symbol (default true). */
  symbol?: boolean;
  /** Thousands separators (default true). */
  grouping?: boolean;
  /** 'always' prints "+¥1.00" for positive amounts (for deltas); default 'negative' (only "-"). */
  sign?: 'negative' | 'always';
};

/** Formats fen as yuan with two decimals. Unit in: fen. "¥1,234.56" / "-¥1,234.56" / "1,234.56". */
export function formatFen(value: Fen, opts: FormatFenOptions = {}): string {
  const { symbol = true, grouping = true, sign = 'negative' } = opts;
  const abs = Math.abs(value);
  const cents = abs % 100;
  // (abs − cents) is a multiple of 100, so the division is exact even near 2^53.
  const yuan = String((abs - cents) / 100);
  const yuanText = grouping ? yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan;
  const prefix = value < 0 ? '-' : sign === 'always' && value > 0 ? '+' : '';
  return `${prefix}${symbol ? '¥' : ''}${yuanText}.${String(cents).padStart(2, '0')}`;
}

/** Formats fen as a plain decimal yuan string for files and JSON: "1234.56", "-0.05". Unit in: fen. */
export function fenToYuanString(value: Fen): string {
  return formatFen(value, { symbol: false, grouping: false });
}
