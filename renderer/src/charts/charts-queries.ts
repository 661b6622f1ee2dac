import { useCallback } from 'react';
import type { ApiInput, SeriesInput } from '../../../shared/api/contract';
import type { Channel } from '../../../shared/domain/types';
import { primeQueries } from '../api/primed-queries';
import { useApi } from '../api/use-api';
import { useBook } from '../book/use-book';
import { shiftMonth } from '../format/month';
import { monthRange } from '../format/month-range';
import { useFocusMonth } from '../month/use-focus-month';

/** What the Charts page draws: the month in focus by day, or the twelve months up to it by month. */
export type RangeKind = 'month' | 'year';

/** The series call for the month in focus by day, or the twelve months up to it by month. */
export function seriesInput(month: string, rangeKind: RangeKind, channel: Channel | ''): SeriesInput {
  const range =
    rangeKind === 'month'
      ? monthRange(month)
      : { from: monthRange(shiftMonth(month, -11)).from, to: monthRange(month).to };
  const input: SeriesInput = { ...range, granularity: rangeKind === 'month' ? 'day' : 'month' };
  if (channel !== '') input.channel = channel;
  return input;
}

/** The findings call over the same range as a series call. */
export function findingsInput(input: SeriesInput): ApiInput<'charts:findings'> {
  return { from: input.from, to: input.to };
}

/**
 * A handler for the press on the navigation's 图表 link: starts the Charts page's two calls for the view
 * it opens on (the month in focus, every channel), with the book's revision the page queries with. The
 * page takes them when it mounts (api/primed-queries.ts): the book answers while the click completes,
 * and the page's first render then mostly has its figures and draws its charts once, with data.
 * Here rather than in the page so that it stays in the first bundle, without the page's chunk.
 */
export function useChartsPrimer(): () => void {
  const api = useApi();
  const { current, revision } = useBook();
  const { month } = useFocusMonth();
  const hasBook = current !== null;
  return useCallback(() => {
    if (!hasBook) return;
    const series = seriesInput(month, 'month', '');
    primeQueries(api, revision, [
      { name: 'charts:series', input: series },
      { name: 'charts:findings', input: findingsInput(series) },
    ]);
  }, [api, hasBook, month, revision]);
}
