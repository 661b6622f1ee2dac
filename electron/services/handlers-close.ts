/** Handlers for close:*, reports:* and audit:* calls. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { closeCalls, ReportFormat } from '../../shared/api/close';
import type { FileRef } from '../../shared/api/files';
import { listAudit } from '../db/audit-repo';
import { listPeriods } from '../db/periods-repo';
import type { Services } from './create-services';
import type { HandlerMap } from './dispatch';

/** Where a report goes: the save-dialog file (desktop), else a fresh temp file the host offers for download. */
async function writeReport(
  s: Services,
  name: string,
  target: string | undefined,
  write: (out: string) => Promise<string>,
): Promise<{ file: FileRef }> {
  if (target !== undefined) {
    const entry = s.files.resolve(target, 'write');
    await write(entry.path);
    return { file: s.files.register(entry.path, entry.name) };
  }
  const out = join(mkdtempSync(join(tmpdir(), 'feetrail-report-')), name);
  await write(out);
  return { file: s.files.register(out, name) };
}

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
      return writeReport(s, `月结报告-${input.month}.${ext(input.format)}`, input.target, (out) =>
        s.reports.writeMonth(book, input.month, input.format, out),
      );
    },
    'reports:annual': (input) => {
      const book = s.books.require();
      return writeReport(s, `年度手续费汇总-${input.year}.${ext(input.format)}`, input.target, (out) =>
        s.reports.writeAnnual(book, input.year, input.format, out),
      );
    },
    'audit:list': (input) => listAudit(s.books.require(), input.limit),
  };
}
