/**
 * Excel serial numbers → wall-clock text, by arithmetic alone. Going through a JS Date in the
 * machine's zone is what shifts times (SheetJS's cellDates was seen 43 s off under Asia/Shanghai), so
 * this never calls a local-zone getter.
 */

const MS_PER_DAY = 86_400_000;
// Days from 1899-12-30 (Excel 1900 system's effective day 0) and 1904-01-01 to 1970-01-01.
const EPOCH_1900_OFFSET = 25_569;
const EPOCH_1904_OFFSET = 24_107;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a UTC-based Date's clock fields as `YYYY-MM-DD HH:mm:ss`, rounding to the nearest second. */
export function formatUtcClock(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * The wall-clock text of an Excel serial (`YYYY-MM-DD HH:mm:ss`, nearest second). In the 1900 system
 * serials below 61 fall before Excel's phantom 1900-02-29, so they are one day later than plain
 * arithmetic from 1899-12-30 gives.
 */
export function serialToWallClock(serial: number, date1904: boolean): string {
  let days = serial;
  if (!date1904 && serial < 61 && serial >= 1) days += 1;
  const offset = date1904 ? EPOCH_1904_OFFSET : EPOCH_1900_OFFSET;
  return formatUtcClock(new Date(Math.round((days - offset) * MS_PER_DAY)));
}

/** The serial that exceljs turned into a Date (exceljs: `new Date((v - 25569 + (1904 ? 1462 : 0)) * 864e5)`). */
export function exceljsDateToSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + EPOCH_1900_OFFSET - (date1904 ? 1462 : 0);
  // Undo the float noise of the division so the serial reads as Excel stores it (≤ 1e-9 day ≈ 0.1 ms).
  return Math.round(serial * 1e9) / 1e9;
}

/** Wall-clock text → Excel serial (1900 system unless asked), for writers and tests. */
export function wallClockToSerial(text: string, date1904 = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`not a wall-clock date-time: ${text}`);
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const offset = date1904 ? EPOCH_1904_OFFSET : EPOCH_1900_OFFSET;
  return ms / MS_PER_DAY + offset;
}
