/** Calendar arithmetic on `YYYY-MM-DD` text, without the machine's time zone (UTC arithmetic only). */
import { FeeTrailError } from '../../shared/result';

/** The one calendar-day arithmetic, from shared/ (pure, UTC fields only). */
export { addDays } from '../../shared/domain/local-date';

/** First and last day of `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new FeeTrailError('invalid_input', `Not a month: ${month} (expected YYYY-MM).`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
