/** Handlers for close:*, reports:* and audit:* calls. */
import type { closeCalls, ReportFormat } from '../../shared/api/close';
import { listAudit } from '../db/audit-repo';
import { listPeriods } from '../db/periods-repo';
import { reportText } from '../io/reports/report-text';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';
import { writeOutput } from './output-file';

const ext = (f: ReportFormat) => (f === 'pdf' ? 'pdf' : 'xlsx');

export function closeHandlers(s: Services): HandlerMap<typeof closeCalls> {
  return {
    'close:periods': () => listPeriods(s.books.require()),
    'close:checklist': (input) =>
      s.monthClose.checklist(s.books.require(), input.month, input.noTradeDays ?? []),
    'close:close': (input) => s.monthClose.close(s.books.require(), input.month, input.noTradeDays),
    'close:reopen': (input) => s.monthClose.reopen(s.books.require(), input.month, input.reason),
    'reports:month': (input) => {
      const book = s.books.require();
      return writeOutput(
        s.files,
        `${reportText(input.lang).monthFile(input.month)}.${ext(input.format)}`,
        input.target,
        (out) => s.reports.writeMonth(book, input.month, input.format, out, input.lang),
      );
    },
    'reports:annual': (input) => {
      const book = s.books.require();
      return writeOutput(
        s.files,
        `${reportText(input.lang).annualFile(input.year)}.${ext(input.format)}`,
        input.target,
        (out) => s.reports.writeAnnual(book, input.year, input.format, out, input.lang),
      );
    },
    'audit:list': (input) => listAudit(s.books.require(), input.limit),
  };
}
