/**
 * Clean months must be clean: voids, refunds, half-fen roundings, capped debit cards, failed sales and
 * a weekend paid as one credit are all normal, and none may raise a finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../shared/domain/reconcile';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { cleanMonth } from './support/month-builder';

const cards = [rateCardTemplate('lakala_standard')];

describe('a clean month gives no finding', () => {
  it('with every day paid on D+1', () => {
    const m = cleanMonth(1, false);
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards });
    expect(r.findings).toEqual([]);
    expect(r.summary.feeDeltaFen).toBe(0);
    expect(r.summary.settlementsDueFen).toBe(r.summary.settlementsReceivedFen);
  });

  it('with weekends paid as one credit on Monday', () => {
    const m = cleanMonth(2, true);
    const mondays = m.bank.filter((l) => new Date(`${l.txnTime.slice(0, 10)}T00:00:00Z`).getUTCDay() === 1);
    expect(mondays.length).toBeGreaterThan(0);
    const r = reconcile({ txns: m.txns, bankLines: m.bank, cards });
    expect(r.findings).toEqual([]);
    expect(r.summary.settlementsDueFen).toBe(r.summary.settlementsReceivedFen);
  });

  it('contains the cases that must stay quiet: voids, refunds, failed sales, half-fen ties and caps', () => {
    const m = cleanMonth(3);
    const types = new Set(m.txns.map((t) => `${t.txnType}/${t.status}`));
    expect(types).toEqual(new Set(['sale/success', 'void/success', 'refund/success', 'sale/failed']));
    expect(m.txns.some((t) => t.amountFen === 1750 && t.feeFen === 11)).toBe(true);
    expect(m.txns.some((t) => t.cardKind === 'debit' && t.feeFen === 2500)).toBe(true);
  });

  it('for any generated month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (seed, weekendAsOne) => {
        const m = cleanMonth(seed, weekendAsOne);
        expect(reconcile({ txns: m.txns, bankLines: m.bank, cards }).findings).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('when reconciled one month of a longer book (period), ignoring rows outside it', () => {
    const m = cleanMonth(4, false);
    const r = reconcile({
      txns: m.txns,
      bankLines: m.bank,
      cards,
      period: { from: '2026-08-10', to: '2026-08-20' },
    });
    expect(r.findings).toEqual([]);
    expect(r.summary.txnCount).toBe(
      m.txns.filter((t) => t.txnTime >= '2026-08-10' && t.txnTime < '2026-08-21').length,
    );
  });
});
