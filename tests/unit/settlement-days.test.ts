/** Settlement days as the evidence pack prints them: the money due on dates and what paid it. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECONCILE_OPTIONS,
  settlementDays,
  settleWithBank,
  type ReconcileOptions,
} from '../../shared/domain/reconcile';
import { MonthBuilder } from './support/month-builder';

const days = (b: MonthBuilder, dates: string[], options: Partial<ReconcileOptions> = {}) =>
  settlementDays(
    settleWithBank({ txns: b.txns, bankLines: b.bank }, { ...DEFAULT_RECONCILE_OPTIONS, ...options }),
    dates,
  );
/** ¥100.00 + `n` fen on a credit card, less its 0.60% fee: what the day settles. */
const net = (n: number) => 10000 + n - 60;

describe('settlement days', () => {
  it('D+1: one Monday credit for Friday to Sunday holds Saturday’s, Sunday’s and Monday’s dues as one entry', () => {
    const b = new MonthBuilder();
    for (let d = 6; d <= 10; d++) b.sale(`2026-08-${String(d).padStart(2, '0')} 12:00:00`, 10000 + d);
    b.credit('2026-08-07 05:00:00', net(6));
    const weekend = b.credit('2026-08-10 05:00:00', net(7) + net(8) + net(9));
    b.credit('2026-08-11 05:00:00', net(10));
    b.debit('2026-08-20 09:00:00', 100, '某物业', '房租');
    const out = days(b, ['2026-08-08', '2026-08-11']);
    expect(out).toEqual([
      {
        dueDates: ['2026-08-08', '2026-08-09', '2026-08-10'],
        expectedFen: net(7) + net(8) + net(9),
        receivedFen: net(7) + net(8) + net(9),
        beforeDataFen: 0,
        lines: [{ line: weekend, byAmountOnly: false }],
        pending: false,
      },
      expect.objectContaining({ dueDates: ['2026-08-11'], expectedFen: net(10), receivedFen: net(10) }),
    ]);
  });

  it('a short credit paired with two due dates is held against both, the shortfall shown once', () => {
    const b = new MonthBuilder();
    for (let d = 7; d <= 8; d++) b.sale(`2026-08-0${d} 12:00:00`, 10000 + d);
    const short = b.credit('2026-08-10 05:00:00', net(7) + net(8) - 500);
    b.debit('2026-08-20 09:00:00', 100, '某物业', '房租');
    const [entry, ...rest] = days(b, ['2026-08-09']);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      dueDates: ['2026-08-08', '2026-08-09'],
      expectedFen: net(7) + net(8),
      receivedFen: net(7) + net(8) - 500,
      lines: [{ line: short }],
    });
  });

  it('a due whose window outlasts the statement is pending, nothing received', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-06 12:00:00', 10006);
    b.debit('2026-08-07 09:00:00', 100, '某物业', '房租');
    expect(days(b, ['2026-08-07'])).toEqual([
      {
        dueDates: ['2026-08-07'],
        expectedFen: net(6),
        receivedFen: 0,
        beforeDataFen: 0,
        lines: [],
        pending: true,
      },
    ]);
  });

  it('T+1: a Monday credit that also pays the Friday before the POS data counts only the weekend as received', () => {
    // The rows start on Saturday 1 August: Monday's credit also pays Friday 31 July, which the book lacks.
    const b = new MonthBuilder();
    b.sale('2026-08-01 12:00:00', 10001);
    b.sale('2026-08-02 12:00:00', 10002);
    const monday = b.credit('2026-08-03 05:00:00', 77700 + net(1) + net(2));
    b.debit('2026-08-20 09:00:00', 100, '某物业', '房租');
    expect(days(b, ['2026-08-03'], { settlementCycle: 'T+1' })).toEqual([
      {
        dueDates: ['2026-08-03'],
        expectedFen: net(1) + net(2),
        receivedFen: net(1) + net(2),
        beforeDataFen: 77700,
        lines: [{ line: monday, byAmountOnly: false }],
        pending: false,
      },
    ]);
  });
});
