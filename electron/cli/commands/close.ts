/** `feetrail close`, `feetrail reopen`, `feetrail export month|annual`. */
import type { Command } from 'commander';
import type { ChecklistItem, CloseChecklist, ReportLang } from '../../../shared/api/close';
import { reportLangSchema } from '../../../shared/api/close';
import { FeeTrailError } from '../../../shared/result';
import { formatOfPath } from '../../services/report-service';
import type { CliContext, CliIo } from '../program';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function month(text: string): string {
  if (!MONTH.test(text)) throw new FeeTrailError('invalid_input', `--month must be YYYY-MM, not ${text}`);
  return text;
}

function days(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  const out = text.split(/[,，\s]+/).filter((d) => d !== '');
  for (const d of out)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d))
      throw new FeeTrailError('invalid_input', `--no-trade-days must be YYYY-MM-DD,…, not ${d}`);
  return out;
}

function itemLine(i: ChecklistItem): string {
  const mark = i.ok ? '✓' : '✗';
  switch (i.id) {
    case 'pos_days':
      return `${mark} POS 数据覆盖每一天 POS data covers every day${
        i.unconfirmedDays.length ? `: 无交易日待确认 unconfirmed days ${i.unconfirmedDays.join(', ')}` : ''
      }`;
    case 'bank_coverage':
      return `${mark} 银行流水覆盖 ${i.needFrom} – ${i.needTo} (bank lines ${i.firstLine ?? '-'} – ${i.lastLine ?? '-'})`;
    case 'reconciled':
      return `${mark} 最近导入后已对账 reconciled after the last import${
        i.ranAt ? ` (${i.ranAt}${i.stale ? ', 已过期 stale' : ''})` : ' (未对账 never)'
      }`;
    case 'triaged':
      return `${mark} 差异均已处理 every finding triaged${i.openFindings ? ` (${i.openFindings} 未处理 open)` : ''}`;
  }
}

function printChecklist(io: CliIo, c: CloseChecklist): void {
  for (const i of c.items) io.out(itemLine(i));
}

function outFormat(out: string) {
  const f = formatOfPath(out);
  if (!f) throw new FeeTrailError('invalid_input', `--out must end in .pdf or .xlsx, not ${out}`);
  return f;
}

/** `--lang`: zh-CN (the default) or en; anything else is refused before a file is written. */
function reportLang(text: string): ReportLang {
  const parsed = reportLangSchema.safeParse(text);
  if (!parsed.success) throw new FeeTrailError('invalid_input', `--lang must be zh-CN or en, not ${text}`);
  return parsed.data;
}

export function registerClose(program: Command, ctx: CliContext): void {
  program
    .command('close')
    .description('Close a month (月结): checks the checklist, then locks the month.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--month <YYYY-MM>', 'the month to close')
    .option('--no-trade-days <days>', 'days without trade to confirm, YYYY-MM-DD,…')
    .option('--json', 'print JSON')
    .action((opts: { book: string; month: string; tradeDays?: string | boolean; json?: boolean }) => {
      const m = month(opts.month);
      const s = ctx.services();
      s.books.openAt(opts.book);
      const book = s.books.require();
      const confirm = days(typeof opts.tradeDays === 'string' ? opts.tradeDays : undefined);
      try {
        const list = s.monthClose.close(book, m, confirm);
        if (opts.json) ctx.io.out(JSON.stringify(list, null, 2));
        else ctx.io.out(`${m} 已月结 closed (${list.period.closedAt ?? ''})`);
      } catch (e) {
        if (e instanceof FeeTrailError && e.details?.['checklist'])
          printChecklist(ctx.io, e.details['checklist'] as CloseChecklist);
        throw e;
      }
    });
  program
    .command('reopen')
    .description('Reopen a closed month (反月结); the reason is kept in the audit log.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--month <YYYY-MM>', 'the month to reopen')
    .requiredOption('--reason <text>', 'why the month is reopened')
    .action((opts: { book: string; month: string; reason: string }) => {
      const s = ctx.services();
      s.books.openAt(opts.book);
      const p = s.monthClose.reopen(s.books.require(), month(opts.month), opts.reason);
      ctx.io.out(`${p.month} 已反月结 reopened (${p.reopenedAt ?? ''}): ${p.reopenReason ?? ''}`);
    });
  const exp = program
    .command('export')
    .description('Write reports: the month-end report or the annual fee summary.');
  exp
    .command('month')
    .description('月结报告 as .pdf or .xlsx.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--month <YYYY-MM>', 'the month')
    .requiredOption('--out <file>', 'FILE.pdf or FILE.xlsx')
    .option('--lang <zh-CN|en>', 'the report language', 'zh-CN')
    .action(async (opts: { book: string; month: string; out: string; lang: string }) => {
      const format = outFormat(opts.out);
      const lang = reportLang(opts.lang);
      const s = ctx.services();
      s.books.openAt(opts.book);
      ctx.io.out(await s.reports.writeMonth(s.books.require(), month(opts.month), format, opts.out, lang));
    });
  exp
    .command('annual')
    .description('年度手续费汇总 as .xlsx or .pdf.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--year <YYYY>', 'the calendar year')
    .requiredOption('--out <file>', 'FILE.xlsx or FILE.pdf')
    .option('--lang <zh-CN|en>', 'the report language', 'zh-CN')
    .action(async (opts: { book: string; year: string; out: string; lang: string }) => {
      if (!/^\d{4}$/.test(opts.year))
        throw new FeeTrailError('invalid_input', `--year must be YYYY, not ${opts.year}`);
      const format = outFormat(opts.out);
      const lang = reportLang(opts.lang);
      const s = ctx.services();
      s.books.openAt(opts.book);
      ctx.io.out(await s.reports.writeAnnual(s.books.require(), Number(opts.year), format, opts.out, lang));
    });
}
