/** Settlement ↔ bank, deductions and duplicates, each with a known answer. */
import { describe, expect, it } from 'vitest';
import { fen } from '../../shared/money';
import {
  DEFAULT_RECONCILE_OPTIONS,
  reconcile,
  settlementDate,
  settlementAmount,
  settlementReach,
  type DaySettlement,
  type ReconcileOptions,
  type StoredPosTxn,
} from '../../shared/domain/reconcile';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { MonthBuilder } from './support/month-builder';

const cards = [rateCardTemplate('lakala_standard')];
const run = (b: MonthBuilder, options: Partial<ReconcileOptions> = {}) =>
  reconcile({ txns: b.txns, bankLines: b.bank, cards, options });

/** Sales on 2026-08-03 … 2026-08-07 (Mon–Fri), ¥100.00 + day on a credit card. */
function week(): MonthBuilder {
  const b = new MonthBuilder();
  for (let d = 3; d <= 7; d++) b.sale(`2026-08-0${d} 12:00:00`, 10000 + d, 'card', 'credit');
  return b;
}
const net = (d: number) => 10000 + d - 60; // ¥100.0d at 0.60% is ¥0.60

describe('settlement matching', () => {
  it('settlement_mismatch: a D+1 credit ¥36.00 short, dated the day it was due', () => {
    const b = week();
    for (let d = 3; d <= 7; d++) b.credit(`2026-08-0${d + 1} 05:00:00`, net(d) - (d === 5 ? 3600 : 0));
    const { findings } = run(b);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'settlement_mismatch',
      date: '2026-08-06',
      expectedFen: net(5),
      actualFen: net(5) - 3600,
      deltaFen: 3600,
      refNos: [],
      bankLineIds: [3],
    });
    expect(findings[0]?.zh).toBe(`2026-08-06 应到账结算款 ¥99.45，2026-08-06 银行实收 ¥63.45，少到账 ¥36.00`);
  });

  it('settlement_missing: no credit at all for a day the statement covers', () => {
    const b = week();
    for (let d = 3; d <= 7; d++) if (d !== 4) b.credit(`2026-08-0${d + 1} 05:00:00`, net(d));
    b.debit('2026-08-12 09:00:00', 100, '某物业', '房租'); // the statement runs past the window
    const { findings, summary } = run(b);
    expect(findings).toMatchObject([
      { kind: 'settlement_missing', date: '2026-08-05', deltaFen: net(4), expectedFen: net(4) },
    ]);
    expect(summary.unmatchedDue).toEqual({ count: 1, fen: net(4) });
  });

  it('a settlement still inside its window at the end of the statement is pending, not missing', () => {
    const b = week();
    for (let d = 3; d <= 6; d++) b.credit(`2026-08-0${d + 1} 05:00:00`, net(d));
    const { findings, summary } = run(b);
    expect(findings).toEqual([]);
    expect(summary.pendingDue).toEqual({ count: 1, fen: net(7) });
  });

  it('unmatched_acquirer_credit: a credit from the acquirer that no settlement explains', () => {
    const b = week();
    for (let d = 3; d <= 7; d++) b.credit(`2026-08-0${d + 1} 05:00:00`, net(d));
    b.credit('2026-08-06 11:00:00', 29900, '拉卡拉支付股份有限公司', '押金退还');
    expect(run(b).findings).toMatchObject([
      { kind: 'unmatched_acquirer_credit', date: '2026-08-06', deltaFen: -29900 },
    ]);
  });

  it('several days paid as one credit (many-to-one) match without a finding', () => {
    const b = week();
    b.credit('2026-08-04 05:00:00', net(3));
    b.credit('2026-08-07 05:00:00', net(4) + net(5) + net(6)); // three days in one credit
    b.credit('2026-08-08 05:00:00', net(7));
    expect(run(b).findings).toEqual([]);
  });

  it('a credit a day or two late still matches within the window', () => {
    const b = week();
    for (let d = 3; d <= 7; d++) b.credit(`2026-08-${String(d + 3).padStart(2, '0')} 05:00:00`, net(d));
    expect(run(b).findings).toEqual([]);
  });

  it('credits from other payers are not settlements', () => {
    const b = week();
    for (let d = 3; d <= 7; d++) b.credit(`2026-08-0${d + 1} 05:00:00`, net(d));
    b.credit('2026-08-05 10:00:00', 283592, '张三', '转账');
    expect(run(b).findings).toEqual([]);
  });

  it('the acquirer under a shorter or a longer name, with a plain summary, is still the acquirer', () => {
    const b = week();
    const payers = [
      '拉卡拉支付有限公司',
      '拉卡拉支付股份有限公司客户备付金',
      '拉卡拉',
      '拉卡拉支付',
      '拉卡拉北京分公司',
    ];
    payers.forEach((payer, i) => b.credit(`2026-08-0${i + 4} 05:00:00`, net(i + 3), payer, '跨行汇入'));
    expect(run(b).findings).toEqual([]);
    // Without the keyword, only the full name 拉卡拉支付股份有限公司 names the acquirer: the other four
    // credits are some other payer's, each taken for the day it pays to the fen, and the summary says so.
    const byAmount = run(b, { acquirerSummaryKeywords: [] });
    expect(byAmount.findings).toEqual([]);
    expect(byAmount.summary.settledByAmountOnly).toEqual({
      count: 4,
      fen: net(3) + net(5) + net(6) + net(7),
    });
    expect(run(b).summary.settledByAmountOnly).toEqual({ count: 0, fen: 0 });
  });

  it('a credit from a payer not named as the acquirer settles a day only when it pays it to the fen', () => {
    // A statement without a counterparty column: nothing names the acquirer.
    const b = week();
    b.credit('2026-08-04 05:00:00', net(3), '', '转账');
    b.credit('2026-08-05 05:00:00', net(4) + net(5), '', '转账'); // two days in one credit
    b.credit('2026-08-07 05:00:00', net(6) - 100, '', '转账'); // ¥1.00 short: not taken
    b.debit('2026-08-14 09:00:00', 100, '某物业', '房租'); // the statement runs past the window
    const r = run(b);
    expect(r.summary.settledByAmountOnly).toEqual({ count: 2, fen: net(3) + net(4) + net(5) });
    expect(r.findings.map((f) => [f.kind, f.date])).toEqual([
      ['settlement_missing', '2026-08-07'],
      ['settlement_missing', '2026-08-08'],
    ]);
  });

  it('a day paid in parts (card and QR apart, or terminal by terminal) matches without a finding', () => {
    const b = new MonthBuilder();
    for (let d = 3; d <= 7; d++) {
      b.sale(`2026-08-0${d} 12:00:00`, 10000 + d, 'card', 'credit');
      b.sale(`2026-08-0${d} 13:00:00`, 5000 + d, 'wechat', 'unknown');
    }
    // Each row its own credit the next day; the 7th's two rows and the 8th's paid on the 10th.
    for (const t of b.txns) {
      const day = Number(t.txnTime.slice(8, 10));
      b.credit(`2026-08-${String(day === 7 ? 10 : day + 1).padStart(2, '0')} 05:00:00`, t.settleFen ?? 0);
    }
    b.sale('2026-08-08 12:00:00', 20000, 'alipay', 'unknown');
    b.credit('2026-08-10 06:00:00', b.txns[b.txns.length - 1]?.settleFen ?? 0);
    b.credit('2026-08-12 05:00:00', 100); // the statement runs past every window
    const fs = run(b).findings;
    expect(fs.map((f) => f.kind)).toEqual(['unmatched_acquirer_credit']);
    expect(fs[0]?.actualFen).toBe(100);
  });

  it('a day paid in parts that fall short is one mismatch of the difference, with both credits', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-03 12:00:00', 10000, 'card', 'credit');
    b.sale('2026-08-03 13:00:00', 5000, 'wechat', 'unknown');
    b.credit('2026-08-04 05:00:00', 9940);
    b.credit('2026-08-04 05:00:01', 4900); // ¥49.81 was due for the WeChat sale
    b.credit('2026-08-09 05:00:00', 100);
    const fs = run(b).findings;
    expect(fs.map((f) => [f.kind, f.expectedFen, f.actualFen, f.deltaFen, f.bankLineIds.length])).toEqual([
      ['settlement_mismatch', 14921, 14840, 81, 2],
    ]);
  });

  describe('the days before the POS data are unknown, not empty', () => {
    const month = { from: '2026-08-01', to: '2026-08-31' };
    const net = (d: number) => 10000 + d - 60;
    /** Sales on 1–9 August (1 August 2026 is a Saturday), ¥100.0d each on a credit card. */
    function august(): MonthBuilder {
      const b = new MonthBuilder();
      for (let d = 1; d <= 9; d++) b.sale(`2026-08-0${d} 12:00:00`, 10000 + d, 'card', 'credit');
      return b;
    }

    /** August under T+1, paid on time from the 4th on; `monday` is the credit of Monday the 3rd. */
    function underTPlusOne(monday: number) {
      const b = august();
      b.credit('2026-08-03 05:00:00', monday);
      for (let d = 3; d <= 6; d++) b.credit(`2026-08-0${d + 1} 05:00:00`, net(d));
      b.credit('2026-08-10 05:00:00', net(7) + net(8) + net(9));
      return reconcile({
        txns: b.txns,
        bankLines: b.bank,
        cards,
        period: month,
        options: { settlementCycle: 'T+1' },
      });
    }

    it('D+1: the statement’s first credit pays 31 July: no finding', () => {
      const b = august();
      b.credit('2026-08-01 05:00:00', 55555);
      for (let d = 1; d <= 9; d++) b.credit(`2026-08-${String(d + 1).padStart(2, '0')} 05:00:00`, net(d));
      expect(reconcile({ txns: b.txns, bankLines: b.bank, cards, period: month }).findings).toEqual([]);
    });

    it('T+1: Monday’s credit pays Friday 31 July with the weekend: no finding, received counts the month only', () => {
      const r = underTPlusOne(77777 + net(1) + net(2));
      expect(r.findings).toEqual([]);
      expect(r.summary.settlementsReceivedFen).toBe(r.summary.settlementsDueFen);
    });

    it('with the book’s earlier rows known, the same credits are judged', () => {
      const b = august();
      b.credit('2026-08-01 05:00:00', 55555);
      for (let d = 1; d <= 9; d++) b.credit(`2026-08-${String(d + 1).padStart(2, '0')} 05:00:00`, net(d));
      const r = reconcile({ txns: b.txns, bankLines: b.bank, cards, period: month, posFrom: '2026-07-01' });
      expect(r.findings.map((f) => [f.kind, f.date])).toEqual([['unmatched_acquirer_credit', '2026-08-01']]);
    });

    it('a boundary credit that pays less than the month’s days is still short', () => {
      const r = underTPlusOne(net(1) + net(2) - 500);
      expect(r.findings.map((f) => [f.kind, f.deltaFen])).toEqual([['settlement_mismatch', 500]]);
    });
  });

  it('a day of refunds netted into the next day’s credit is clean', () => {
    const b = new MonthBuilder();
    const big = b.sale('2026-08-03 12:00:00', 100000);
    b.credit('2026-08-04 05:00:00', 100000 - 600);
    b.refund('2026-08-04 12:00:00', big, 100000); // the 5th owes the acquirer ¥1,000.00
    b.sale('2026-08-05 12:00:00', 200000);
    b.credit('2026-08-06 05:00:00', 200000 - 1200 - 100000);
    expect(run(b).findings).toEqual([]);
  });

  it('a day of refunds collected by an acquirer debit is a settlement, not a deduction', () => {
    const b = new MonthBuilder();
    const big = b.sale('2026-08-03 12:00:00', 100000);
    b.credit('2026-08-04 05:00:00', 100000 - 600);
    b.refund('2026-08-04 12:00:00', big, 40000);
    b.debit('2026-08-05 05:00:00', 40000, '拉卡拉支付股份有限公司', '退货扣款');
    const { findings, summary } = run(b);
    expect(findings).toEqual([]);
    expect(summary.settlementsDueFen).toBe(summary.settlementsReceivedFen);
  });

  it('uses a settlement-date column when the export has one', () => {
    const b = week();
    for (const t of b.txns) t.settleDate = '2026-08-10';
    b.credit(
      '2026-08-10 05:00:00',
      [3, 4, 5, 6, 7].reduce((s, d) => s + net(d), 0),
    );
    expect(run(b).findings).toEqual([]);
  });
});

describe('settlement cycles', () => {
  const t = new MonthBuilder().sale('2026-09-30 12:00:00', 100);
  const holiday = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
  const isWorkingDay = (d: string) => !holiday.has(d) && !['2026-10-03', '2026-10-04'].includes(d);

  it('D+1 is the next calendar day, D0 the same day', () => {
    expect(settlementDate(t, { settlementCycle: 'D+1', isWorkingDay })).toBe('2026-10-01');
    expect(settlementDate(t, { settlementCycle: 'D0', isWorkingDay })).toBe('2026-09-30');
  });

  it('T+1 rolls over weekends and public holidays with the calendar passed in', () => {
    expect(settlementDate(t, { settlementCycle: 'T+1', isWorkingDay })).toBe('2026-10-08');
  });

  it('under T+1 a whole holiday arrives as one credit on the next working day', () => {
    const b = new MonthBuilder();
    b.sale('2026-09-30 12:00:00', 10000);
    b.sale('2026-10-02 12:00:00', 20000);
    b.sale('2026-10-05 12:00:00', 30000);
    b.credit('2026-10-08 05:00:00', 60000 - 360);
    expect(run(b, { settlementCycle: 'T+1', isWorkingDay }).findings).toEqual([]);
  });

  // A year the calendar does not know yet (Monday to Friday only): the acquirer pays Friday's sales on a
  // 调休 Saturday and the weekend's on Monday, while the calendar lumps all three days on Monday.
  const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  const fridayToSunday = () => {
    const b = new MonthBuilder();
    b.sale('2027-02-19 12:00:00', 10000); // Friday
    b.sale('2027-02-20 12:00:00', 20000); // Saturday
    b.sale('2027-02-21 12:00:00', 30000); // Sunday
    return b;
  };

  it('under T+1 a day paid before the calendar’s date (a 调休 Saturday it does not know) still matches', () => {
    const b = fridayToSunday();
    b.credit('2027-02-20 05:00:00', 10000 - 60);
    b.credit('2027-02-22 05:00:00', 50000 - 300);
    expect(run(b, { settlementCycle: 'T+1', isWorkingDay: weekdays }).findings).toEqual([]);
  });

  it('days the calendar lumps on one date are still one finding when the bank falls short', () => {
    const b = fridayToSunday();
    b.credit('2027-02-22 05:00:00', 60000 - 360 - 3600);
    b.debit('2027-03-05 09:00:00', 100, '某物业', '房租'); // the statement runs past the window
    const { findings } = run(b, { settlementCycle: 'T+1', isWorkingDay: weekdays });
    expect(findings).toMatchObject([
      { kind: 'settlement_mismatch', date: '2027-02-22', expectedFen: 60000 - 360, deltaFen: 3600 },
    ]);
    expect(findings[0]?.details['dueDates']).toEqual(['2027-02-22']);
    expect(findings[0]?.details['dueTxnIds']).toHaveLength(3);
    const missing = fridayToSunday(); // a statement from before to after the days, without them
    missing.debit('2027-02-18 09:00:00', 100, '某物业', '房租');
    missing.debit('2027-03-05 09:00:00', 100, '某物业', '房租');
    expect(run(missing, { settlementCycle: 'T+1', isWorkingDay: weekdays }).findings).toMatchObject([
      { kind: 'settlement_missing', date: '2027-02-22', deltaFen: 60000 - 360 },
    ]);
  });

  it('under T+1 a Spring Festival the calendar does not know arrives as one credit after it', () => {
    // Holidays 2027-02-06 … 02-14 (Sat to Sun): the calendar dates the weekdays among them, the bank
    // pays the Friday before and all nine days on Monday 02-15.
    const b = new MonthBuilder();
    for (let d = 5; d <= 14; d++) b.sale(`2027-02-${String(d).padStart(2, '0')} 12:00:00`, 10000);
    b.credit('2027-02-15 05:00:00', 10 * (10000 - 60));
    expect(run(b, { settlementCycle: 'T+1', isWorkingDay: weekdays }).findings).toEqual([]);
  });
});

describe('context days given as settlement sums', () => {
  /** What the loader gives for the days outside `period`: their sums, and as rows only voids, refunds and the sales they name. */
  function summed(txns: readonly StoredPosTxn[], period: { from: string; to: string }) {
    const outside = (t: StoredPosTxn) =>
      t.txnTime.slice(0, 10) < period.from || t.txnTime.slice(0, 10) > period.to;
    const named = new Set(txns.flatMap((t) => (t.origRefNo === null ? [] : [t.origRefNo])));
    const daySums = new Map<string, DaySettlement>();
    for (const t of txns.filter(outside)) {
      const day = t.txnTime.slice(0, 10);
      const sum = daySums.get(`${day}|${t.merchantNo ?? ''}`) ?? {
        day,
        merchantNo: t.merchantNo,
        amountFen: fen(0),
        txnIds: [],
      };
      sum.amountFen = fen(sum.amountFen + settlementAmount(t));
      sum.txnIds.push(t.id);
      daySums.set(`${day}|${t.merchantNo ?? ''}`, sum);
    }
    const rows = txns.filter(
      (t) => !outside(t) || t.txnType !== 'sale' || (t.refNo !== null && named.has(t.refNo)),
    );
    return { rows, daySums: [...daySums.values()] };
  }

  it('reconcile exactly as their rows, also where a due joins a summed day and days read as rows', () => {
    // T+1: Friday 07-31 (context) and the weekend (the period's first days) are one due on Monday 08-03,
    // paid ¥5.00 short, so the mismatch lists the rows of all three days; a void in the context cancels
    // a sale of the period; 09-01 (context after the period) is paid on its own.
    const b = new MonthBuilder();
    const isWorkingDay = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    b.sale('2026-07-31 09:00:00', 10000);
    const voided = b.sale('2026-08-01 10:00:00', 20000);
    b.sale('2026-07-31 18:00:00', 30000);
    b.sale('2026-08-02 11:00:00', 40000);
    b.sale('2026-08-31 12:00:00', 50000);
    b.void('2026-09-01 09:00:00', voided);
    b.sale('2026-09-01 10:00:00', 60000);
    const due = (days: string[]) =>
      b.txns
        .filter((t) => days.includes(t.txnTime.slice(0, 10)))
        .reduce((s, t) => s + settlementAmount(t), 0);
    b.credit('2026-08-03 05:00:00', due(['2026-07-31', '2026-08-01', '2026-08-02']) - 500);
    b.credit('2026-09-01 05:00:00', due(['2026-08-31']));
    b.credit('2026-09-02 05:00:00', due(['2026-09-01']));
    const period = { from: '2026-08-01', to: '2026-08-31' };
    const options = { settlementCycle: 'T+1' as const, isWorkingDay };
    // In time order, as the book gives them.
    const txns = [...b.txns].sort((x, y) => (x.txnTime < y.txnTime ? -1 : 1));
    const whole = reconcile({ txns, bankLines: b.bank, cards, period, options });
    const { rows, daySums } = summed(txns, period);
    expect(rows.length).toBeLessThan(txns.length);
    expect(reconcile({ txns: rows, daySums, bankLines: b.bank, cards, period, options })).toEqual(whole);
    expect(whole.findings.map((f) => [f.kind, f.details.dueTxnIds])).toEqual([
      ['settlement_mismatch', [1, 3, 2, 4]],
    ]);
  });
});

describe('deductions', () => {
  it('unexpected_deduction: the acquirer debits a ¥36.00 流量费', () => {
    const b = new MonthBuilder();
    b.debit('2026-08-20 02:05:00', 3600, '拉卡拉支付股份有限公司', '流量费');
    b.debit('2026-08-20 16:00:00', 59897, '国网某供电公司', '电费');
    const { findings } = run(b);
    expect(findings).toMatchObject([
      {
        kind: 'unexpected_deduction',
        date: '2026-08-20',
        deltaFen: 3600,
        bankLineIds: [1],
        severity: 'high',
      },
    ]);
    expect(findings[0]?.zh).toContain('¥36.00（流量费）');
  });

  it('an agreement the merchant recorded explains it', () => {
    const b = new MonthBuilder();
    b.debit('2026-08-20 02:05:00', 3600, '拉卡拉支付股份有限公司', '流量费');
    b.debit('2026-08-21 02:05:00', 9900, '拉卡拉支付股份有限公司', '年费');
    const { findings } = run(b, {
      deductionAgreements: [{ keyword: '流量费', amountFen: fen(3600), note: '合同约定每年 ¥36' }],
    });
    expect(findings.map((f) => [f.kind, f.deltaFen])).toEqual([['unexpected_deduction', 9900]]);
  });
});

describe('duplicates', () => {
  it('duplicate_suspect: same card, amount and terminal four minutes apart (info, no loss)', () => {
    const b = new MonthBuilder();
    const a = b.sale('2026-08-01 12:00:00', 8800, 'card', 'credit', { cardNo: '622848******1234' });
    const c = b.sale('2026-08-01 12:04:00', 8800, 'card', 'credit', { cardNo: '622848******1234' });
    b.sale('2026-08-01 14:00:00', 8800, 'card', 'credit', { cardNo: '622848******1234' }); // two hours later
    b.credit('2026-08-02 05:00:00', 3 * (8800 - 53));
    const { findings } = run(b);
    expect(findings).toMatchObject([
      {
        kind: 'duplicate_suspect',
        severity: 'info',
        deltaFen: 0,
        refNos: [a.refNo, c.refNo],
        details: { minutesApart: 4 },
      },
    ]);
  });

  it('QR payments whose card column holds a word, not a number, are different customers', () => {
    const b = new MonthBuilder();
    for (const [time, cardNo] of [
      ['12:00:00', '微信'],
      ['12:03:00', '微信'],
      ['12:05:00', '无'],
      ['12:06:00', '无'],
    ] as const) {
      b.sale(`2026-08-01 ${time}`, 1000, 'wechat', 'unknown', { cardNo });
    }
    b.credit('2026-08-02 05:00:00', 4 * (1000 - 4));
    expect(run(b).findings).toEqual([]);
  });

  it('a voided first charge followed by the right one is not a duplicate', () => {
    const b = new MonthBuilder();
    const a = b.sale('2026-08-01 12:00:00', 8800, 'card', 'credit', { cardNo: '622848******1234' });
    b.void('2026-08-01 12:01:00', a);
    b.sale('2026-08-01 12:02:00', 8800, 'card', 'credit', { cardNo: '622848******1234' });
    b.credit('2026-08-02 05:00:00', 8800 - 53);
    expect(run(b).findings).toEqual([]);
  });
});

describe('findings keep a stable fingerprint across re-runs', () => {
  it('the same rows give the same fingerprints even with other book ids', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 6405, 'card', 'credit', { feeFen: fen(158) });
    const first = run(b).findings.map((f) => f.fingerprint);
    const moved = b.txns.map((t) => ({ ...t, id: t.id + 500 }));
    const second = reconcile({ txns: moved, bankLines: [], cards }).findings.map((f) => f.fingerprint);
    expect(second).toEqual(first);
    expect(first).toEqual(['fee_overcharged:822290058120123/258000000001']);
  });
});

describe('settlementReach: how far back a month reads every row', () => {
  const opts = { ...DEFAULT_RECONCILE_OPTIONS, matchWindowDays: 3, maxDaysPerCredit: 9 };

  it('D+1: dues from 12 days before the first bank line; all rows from the day before', () => {
    // Bank lines from 2026-07-12 (20 days before August): a due before 2026-06-30 can meet none.
    expect(settlementReach('2026-07-12', '2026-05-31', opts)).toEqual({
      settledFrom: '2026-06-30',
      allFrom: '2026-06-29',
    });
  });

  it('D0 pays on the day; T+1 pays a Friday on Monday, so the Friday is read whole', () => {
    expect(settlementReach('2026-07-12', '2026-05-31', { ...opts, settlementCycle: 'D0' }).allFrom).toBe(
      '2026-06-30',
    );
    // 2026-06-30 is a Tuesday: Saturday 06-27 and Sunday 06-28 and Friday 06-26 are paid on Monday 06-29,
    // before it; Monday 06-29 is paid on Tuesday 06-30.
    const t1 = settlementReach('2026-07-12', '2026-05-31', { ...opts, settlementCycle: 'T+1' });
    expect(t1).toEqual({ settledFrom: '2026-06-30', allFrom: '2026-06-29' });
    // From a Monday: Friday, Saturday and Sunday are all paid on that Monday.
    const monday = settlementReach('2026-07-11', '2026-05-31', { ...opts, settlementCycle: 'T+1' });
    expect(monday).toEqual({ settledFrom: '2026-06-29', allFrom: '2026-06-26' });
  });

  it('never reads from before `earliest`', () => {
    expect(settlementReach('2026-07-12', '2026-07-01', opts).allFrom).toBe('2026-07-01');
  });
});
