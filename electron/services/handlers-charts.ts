/** Handlers for overview:get and charts:* calls. */
import type { chartsCalls } from '../../shared/api/charts';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';

export function chartsHandlers(s: Services): HandlerMap<typeof chartsCalls> {
  return {
    'overview:get': (input) => s.charts.overview(s.books.require(), input.month),
    'charts:series': (input) => s.charts.series(s.books.require(), input),
    'charts:findings': (input) => s.charts.findings(s.books.require(), input),
  };
}
