import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { FindingView, PeriodInput } from '../../../shared/api/reconcile';
import { parseRateCardJson, rateCardToJson } from '../../../shared/domain/rate-card';
import { formatFen } from '../../../shared/money';
import { FeeTrailError } from '../../../shared/result';
import { localNow } from '../../db/book';
import { ensureDefaultRateCard, listRateCards, saveRateCard } from '../../db/rate-card-repo';
import type { CliContext } from '../program';

type ReconcileOpts = { book: string; month?: string; from?: string; to?: string; json?: boolean };

function periodOf(o: ReconcileOpts): PeriodInput {
  if (o.month && (o.from || o.to))
    throw new FeeTrailError('invalid_input', 'Give either --month or --from/--to, not both.');
  if (o.month) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.month))
      throw new FeeTrailError('invalid_input', `--month must be YYYY-MM, not ${o.month}`);
    return { month: o.month };
  }
  if (o.from && o.to) {
    for (const d of [o.from, o.to])
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d))
        throw new FeeTrailError('invalid_input', `Dates must be YYYY-MM-DD, not ${d}`);
    if (o.from > o.to) throw new FeeTrailError('invalid_input', '--from is after --to.');
    return { from: o.from, to: o.to };
  }
  throw new FeeTrailError('invalid_input', 'Give --month YYYY-MM, or --from YYYY-MM-DD --to YYYY-MM-DD.');
}

function findingJson(f: FindingView) {
  return {
    id: f.id,
    kind: f.kind,
    severity: f.severity,
    refNos: f.refNos,
    deltaFen: f.deltaFen,
    date: f.date,
    channel: f.channel,
    terminalId: f.terminalId,
    expectedFen: f.expectedFen,
    actualFen: f.actualFen,
    message: f.zh,
    messageEn: f.en,
    state: f.state,
    details: f.details,
  };
}

export function registerReconcile(program: Command, ctx: CliContext): void {
  program
    .command('reconcile')
    .description('Recompute every fee and match settlements against the bank for a month or a date range.')
    .requiredOption('--book <path>', 'the book file')
    .option('--month <YYYY-MM>', 'the month to reconcile')
    .option('--from <YYYY-MM-DD>', 'first day')
    .option('--to <YYYY-MM-DD>', 'last day')
    .option('--json', 'print JSON')
    .action((opts: ReconcileOpts) => {
      const period = periodOf(opts);
      const s = ctx.services();
      s.books.openAt(opts.book);
      const report = s.reconcile.run(s.books.require(), period);
      if (opts.json) {
        ctx.io.out(
          JSON.stringify(
            { period: report.period, summary: report.summary, findings: report.findings.map(findingJson) },
            null,
            2,
          ),
        );
        return;
      }
      const sm = report.summary;
      ctx.io.out(`对账期间 Period: ${report.period.from} – ${report.period.to}`);
      ctx.io.out(
        `交易 ${sm.txnCount} 笔，营业额 ${formatFen(sm.turnoverFen)}，手续费 实收 ${formatFen(sm.feesChargedFen)} / 应收 ${formatFen(sm.feesExpectedFen)}`,
      );
      ctx.io.out(
        `结算 应到 ${formatFen(sm.settlementsDueFen)} / 实到 ${formatFen(sm.settlementsReceivedFen)}`,
      );
      if (sm.calendarUnknownYears !== undefined && sm.calendarUnknownYears.length > 0)
        ctx.io.out(
          `内置日历没有 ${sm.calendarUnknownYears.join('、')} 年的节假日安排，T+1 应到账日按周一至周五推算 / no holiday schedule for ${sm.calendarUnknownYears.join(', ')}: T+1 due dates reckoned Monday to Friday`,
        );
      const byAmount = sm.settledByAmountOnly;
      if (byAmount !== undefined && byAmount.count > 0)
        ctx.io.out(
          `其中 ${byAmount.count} 笔到账（${formatFen(byAmount.fen)}）的付款方不在收单机构名单里，按金额认定为结算款 / taken as settlements by amount alone (payer not in the acquirer list)`,
        );
      ctx.io.out(`发现 Findings: ${report.findings.length}，涉及金额 ${formatFen(sm.lossFen)}`);
      for (const f of report.findings)
        ctx.io.out(`  #${f.id} ${f.date} ${f.kind} ${formatFen(f.deltaFen)}  ${f.zh}`);
    });

  const rates = program
    .command('rates')
    .description('Show or set the book’s rate cards (see docs/RATE-CARD.md).');
  rates
    .command('show')
    .requiredOption('--book <path>', 'the book file')
    .description('Print the rate cards as JSON.')
    .action((opts: { book: string }) => {
      const s = ctx.services();
      s.books.openAt(opts.book);
      const book = s.books.require();
      ensureDefaultRateCard(book, localNow());
      ctx.io.out(
        JSON.stringify(
          listRateCards(book).map((c) => rateCardToJson(c.card)),
          null,
          2,
        ),
      );
    });
  rates
    .command('set')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--file <card.json>', 'a rate card (or a list of cards) in the documented JSON format')
    .description('Add or replace rate cards from a JSON file.')
    .action((opts: { book: string; file: string }) => {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(opts.file, 'utf8'));
      } catch (e) {
        throw new FeeTrailError(
          'invalid_input',
          `${opts.file} is not readable JSON: ${(e as Error).message}`,
        );
      }
      const list = Array.isArray(data) ? data : [data];
      const cards = list.map((c, i) => {
        const parsed = parseRateCardJson(c);
        if (!parsed.ok) {
          const where = list.length > 1 ? `card ${i + 1}, ` : '';
          throw new FeeTrailError(
            'invalid_input',
            `${opts.file}: ${where}${parsed.issues.map((x) => `${x.path || '(card)'}: ${x.message}`).join('; ')}`,
          );
        }
        return parsed.value;
      });
      const s = ctx.services();
      s.books.openAt(opts.book);
      const book = s.books.require();
      book.db.transaction(() => {
        for (const c of cards) saveRateCard(book, c, localNow());
      })();
      ctx.io.out(`已保存 Saved ${cards.length} rate card(s).`);
    });
}
