/** Number-format helpers shared by the .xlsx and .xls readers. */

/**
 * True when an Excel number format shows a date or time. Quoted literals, [colour]/[locale] blocks,
 * escaped characters and padding directives are removed first, so `#,##0.00"元"` is not a date while
 * `yyyy"年"m"月"d"日"` and `[$-804]yyyy/m/d h:mm` are.
 */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const stripped = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h') // elapsed-time blocks are time formats
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[ymdhs]/i.test(stripped) || /上午|下午|AM\/PM|A\/P/i.test(format);
}
