/**
 * Code-unit order for ISO dates, times and ids. Not localeCompare: that is locale-dependent and, at
 * 100,000 rows a sort, an order of magnitude slower; ISO text sorts correctly by code units.
 */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
