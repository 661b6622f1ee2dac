/**
 * Month close (月结): the checklist a bookkeeper works through, closing (which locks the month, see
 * electron/db/periods-repo.ts assertMonthsOpen) and reopening with a reason. Both are audited.
 */
import type { ChecklistItem, CloseChecklist, PeriodView } from '../../shared/api/close';
import type { ReconcileSettings } from '../../shared/api/reconcile';
import { FeeTrailError } from '../../shared/result';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import { latestCoveringRun } from '../db/findings-repo';
import { closePeriod, getPeriod, reopenPeriod } from '../db/periods-repo';
import { bankDateRange, openFindingCount, posDaysOf } from '../db/report-repo';
import { addDays, monthRange } from './period';
import { reconcileSettings } from './reconcile-service';
import { isWorkingDay } from './working-days';
import { cycleDueDate } from '../../shared/domain/reconcile/settlement-dues';

/** The day the sales of `day` reach the bank under the settlement cycle (T+1: the next working day). */
export function settlementDay(day: string, cycle: ReconcileSettings['settlementCycle']): string {
  return cycleDueDate(day, { settlementCycle: cycle, isWorkingDay });
}

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export class CloseService {
  constructor(private readonly now: () => string = localNow) {}

  /** The checklist of `month`; `confirm` are no-trade days the user is confirming now. */
  checklist(book: Book, month: string, confirm: readonly string[] = []): CloseChecklist {
    const period = getPeriod(book, month);
    const { from, to } = monthRange(month);
    const confirmed = new Set([...period.noTradeDays, ...confirm]);
    const traded = new Set(posDaysOf(book, from, to));
    const missingDays = daysOf(from, to).filter((d) => !traded.has(d));
    const unconfirmedDays = missingDays.filter((d) => !confirmed.has(d));

    const cycle = reconcileSettings(book).settlementCycle;
    const needFrom = settlementDay(from, cycle);
    const needTo = settlementDay(to, cycle);
    const bank = bankDateRange(book, addDays(from, -31), addDays(needTo, 31));
    const bankOk = bank.first !== null && bank.last !== null && bank.first <= needFrom && bank.last >= needTo;

    const run = latestCoveringRun(book, { from, to });
    const openFindings = openFindingCount(book, from, to);
    const items: ChecklistItem[] = [
      { id: 'pos_days', ok: unconfirmedDays.length === 0, missingDays, unconfirmedDays },
      {
        id: 'bank_coverage',
        ok: bankOk,
        needFrom,
        needTo,
        firstLine: bank.first,
        lastLine: bank.last,
      },
      {
        id: 'reconciled',
        ok: run !== undefined && !run.stale,
        ranAt: run?.ranAt ?? null,
        stale: run?.stale ?? false,
      },
      { id: 'triaged', ok: openFindings === 0, openFindings },
    ];
    return { period, items, canClose: period.state === 'open' && items.every((i) => i.ok) };
  }

  /** Closes `month` when every check passes; the no-trade days confirmed are kept on the month. */
  close(book: Book, month: string, noTradeDays: readonly string[] = []): CloseChecklist {
    const { from, to } = monthRange(month);
    const outside = noTradeDays.filter((d) => d < from || d > to);
    if (outside.length > 0)
      throw new FeeTrailError('invalid_input', `No-trade days must lie in ${month}: ${outside.join(', ')}.`);
    const list = this.checklist(book, month, noTradeDays);
    if (list.period.state === 'closed')
      throw new FeeTrailError('month_closed', `${month} 已月结。(${month} is already closed.)`, { month });
    if (!list.canClose) {
      const failing = list.items.filter((i) => !i.ok).map((i) => i.id);
      throw new FeeTrailError(
        'invalid_input',
        `${month} 不能月结：检查未通过 ${failing.join(', ')}。(${month} cannot be closed: ${failing.join(', ')} not done.)`,
        { month, failing, checklist: list },
      );
    }
    const missing = new Set((list.items[0] as { missingDays: string[] }).missingDays);
    const keep = [...new Set([...list.period.noTradeDays, ...noTradeDays])].filter((d) => missing.has(d));
    closePeriod(book, month, keep, this.now());
    return this.checklist(book, month);
  }

  reopen(book: Book, month: string, reason: string): PeriodView {
    const text = reason.trim();
    if (text === '') throw new FeeTrailError('invalid_input', 'Reopening a month needs a reason.');
    if (getPeriod(book, month).state !== 'closed')
      throw new FeeTrailError('invalid_input', `${month} 未月结，无需反月结。(${month} is not closed.)`, {
        month,
      });
    reopenPeriod(book, month, text, this.now());
    return getPeriod(book, month);
  }
}
