/**
 * Gross settlement (全额结算): the full amounts arrive and the acquirer debits the fees apart, daily or
 * monthly. Such a month is clean under the `gross` basis (and full of false alarms under `net`); a fee
 * debit that takes more than the fees charged is a loss of exactly the excess; other acquirer debits
 * stay unexpected deductions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../shared/domain/reconcile';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { cleanMonth, monthDays, type MonthBuilder } from './support/month-builder';

const cards = [rateCardTemplate('lakala_standard')];
const gross = { settlementBasis: 'gross' as const };
const period = { from: '2026-08-01', to: '2026-08-31' };

/** A clean gross month whose August fees are debited on the month's last evening as `summary`. */
function monthlyCollected(seed: number, summary: string, extraFen = 0): MonthBuilder {
  const m = cleanMonth(seed, true, () => undefined, 'gross');
  m.debit('2026-08-31 22:00:00', m.feesOf('2026-08') + extraFen, '拉卡拉支付股份有限公司', summary);
  return m;
}

describe('gross settlement', () => {
  it('a month whose fees are collected in one debit gives no finding, with or without 手续费 in it', () => {
    for (const summary of ['8月手续费', '扣款']) {
      const m = monthlyCollected(5, summary);
      const r = reconcile({ txns: m.txns, bankLines: m.bank, cards, period, options: gross });
      expect(r.findings).toEqual([]);
      expect(r.summary.settlementsDueFen).toBe(r.summary.settlementsReceivedFen);
    }
  });

  it('the same bank statement read as net settlement is full of false alarms', () => {
    const m = monthlyCollected(5, '8月手续费');
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards, period });
    const kinds = new Set(r.findings.map((f) => f.kind));
    expect(kinds.has('settlement_mismatch')).toBe(true);
    expect(kinds.has('unexpected_deduction')).toBe(true);
  });

  it('fees debited at the end of each day are collections too', () => {
    const m = cleanMonth(6, false, () => undefined, 'gross');
    for (const day of monthDays('2026-08').slice(0, -1)) {
      const fee = m.feesOf(day);
      if (fee > 0) m.debit(`${day} 23:30:00`, fee, '拉卡拉支付股份有限公司', '扣费');
    }
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards, period, options: gross });
    expect(r.findings).toEqual([]);
  });

  it('a 手续费 debit above the month’s fees is a loss of the excess only', () => {
    const m = monthlyCollected(7, '手续费', 3600);
    const fees = m.feesOf('2026-08');
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards, period, options: gross });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      kind: 'unexpected_deduction',
      date: '2026-08-31',
      expectedFen: fees,
      actualFen: fees + 3600,
      deltaFen: 3600,
      details: { feesMonth: '2026-08', feesFen: fees },
    });
    expect(r.findings[0]?.zh).toContain('多扣 ¥36.00');
    expect(r.summary.deductions).toEqual({ count: 1, fen: 3600 });
  });

  it('a debit that is no fee collection (流量费) is still an unexpected deduction in full', () => {
    const m = monthlyCollected(8, '手续费');
    m.debit('2026-08-20 10:00:00', 9900, '拉卡拉支付股份有限公司', '流量费');
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards, period, options: gross });
    expect(r.findings.map((f) => [f.kind, f.deltaFen, f.date])).toEqual([
      ['unexpected_deduction', 9900, '2026-08-20'],
    ]);
  });

  it('ignores a net 结算金额 column: the full amount is what arrives', () => {
    const m = monthlyCollected(9, '手续费');
    expect(m.txns.some((t) => t.settleFen !== null && t.settleFen !== t.amountFen)).toBe(true);
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards, period, options: gross });
    expect(r.findings).toEqual([]);
  });

  it('any generated gross month with its fees collected is clean (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (seed, weekendAsOne) => {
        const m = cleanMonth(seed, weekendAsOne, () => undefined, 'gross');
        m.debit('2026-08-31 22:00:00', m.feesOf('2026-08'), '拉卡拉支付股份有限公司', '手续费');
        expect(
          reconcile({ txns: m.txns, bankLines: m.bank, cards, period, options: gross }).findings,
        ).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
