import type { SourceKind } from '../../../shared/api/contract';
import { useApiQuery } from '../api/use-api-query';
import { mainMonthOf } from '../format/month-range';
import type { MonthText } from '../format/month';

export type BookDates = {
  /** The first and last day of the book's rows of this kind (imported, not undone). */
  from: string;
  to: string;
  /** The month of the latest import of this kind: where a page empty for the month in focus sends you. */
  latestMonth: MonthText;
};

/** Which dates the book holds rows of `kind` for, from its import batches; null until known or if none. */
export function useBookDates(kind: SourceKind, revision: number): BookDates | null {
  const batches = useApiQuery('imports:list', {}, revision);
  if (batches.status !== 'ok') return null;
  let from: string | null = null;
  let latest: { firstDate: string; lastDate: string } | null = null;
  for (const b of batches.value) {
    if (b.kind !== kind || b.status !== 'committed' || b.firstDate === null || b.lastDate === null) continue;
    if (from === null || b.firstDate < from) from = b.firstDate;
    if (latest === null || b.lastDate > latest.lastDate)
      latest = { firstDate: b.firstDate, lastDate: b.lastDate };
  }
  if (from === null || latest === null) return null;
  return { from, to: latest.lastDate, latestMonth: mainMonthOf(latest.firstDate, latest.lastDate) };
}
