import { displayRate } from '../../../shared/domain/chart-series';
import type { RatePercent } from '../../../shared/money';

export { formatFen } from '../../../shared/money-format';
export type { Fen } from '../../../shared/fen';

/** A rate as a percentage ("0.38%"), or "–" when there is none (a month without sales): not "–%". */
export function formatRatePercent(rate: RatePercent | null): string {
  return rate === null ? '–' : `${displayRate(rate)}%`;
}

/** A count with thousands separators ("42,000"), the same in Chinese and English. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A timestamp as a bookkeeper reads it: "2026-10-07 19:32".
 * An instant the app recorded (ISO with Z or an offset, e.g. when a book was last opened) is shown on
 * this computer's clock; wall-clock text from a file (no zone) keeps its digits untouched.
 */
export function formatStamp(text: string): string {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) {
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
  }
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(text);
  return match === null ? text : `${match[1]} ${match[2]}`;
}
