/**
 * One fault injected into an otherwise clean month gives exactly one finding with the injected amount:
 * the engine neither misses it nor spreads it into other findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../../shared/money';
import { reconcile } from '../../shared/domain/reconcile';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { cleanMonth, type MonthBuilder } from './support/month-builder';

const cards = [rateCardTemplate('lakala_standard')];
const FEE_KINDS = ['fee_overcharged', 'wrong_rate_class', 'cap_not_applied'];
const run = (m: MonthBuilder) => reconcile({ txns: m.txns, bankLines: m.bank, cards }).findings;

describe('a single injected fault', () => {
  it('an extra fee on one sale is one fee finding of exactly that amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        (seed, pick, extra) => {
          let refNo: string | null = null;
          const m = cleanMonth(seed, true, (b) => {
            const sales = b.txns.filter(
              (t) => t.txnType === 'sale' && t.status === 'success' && t.origRefNo === null,
            );
            const voided = new Set(b.txns.map((t) => t.origRefNo));
            const candidates = sales.filter((t) => !voided.has(t.refNo));
            const t = candidates[pick % candidates.length];
            if (!t || t.feeFen === null || t.settleFen === null) throw new Error('no sale');
            t.feeFen = fen(t.feeFen + extra);
            t.settleFen = fen(t.settleFen - extra); // the acquirer pays the printed settlement
            refNo = t.refNo;
          });
          const fs = run(m);
          expect(fs).toHaveLength(1);
          expect(FEE_KINDS).toContain(fs[0]?.kind);
          expect(fs[0]?.deltaFen).toBe(extra);
          expect(fs[0]?.refNos).toEqual([refNo]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a short credit is one settlement_mismatch dated the day the money was due', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9999 }),
        fc.boolean(),
        (seed, pick, short, weekendAsOne) => {
          const m = cleanMonth(seed, weekendAsOne);
          const credit = m.bank.filter((l) => l.creditFen > short)[pick % 20];
          if (!credit) throw new Error('no credit');
          credit.creditFen = fen(credit.creditFen - short);
          const fs = run(m);
          expect(fs).toMatchObject([
            {
              kind: 'settlement_mismatch',
              deltaFen: short,
              date: credit.txnTime.slice(0, 10),
              bankLineIds: [credit.id],
            },
          ]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a credit that never came is one settlement_missing', () => {
    const m = cleanMonth(7, false);
    const credits = m.bank.filter((l) => l.creditFen > 0);
    const gone = credits[10];
    if (!gone) throw new Error('no credit');
    m.bank.splice(m.bank.indexOf(gone), 1);
    expect(run(m)).toMatchObject([
      { kind: 'settlement_missing', deltaFen: gone.creditFen, date: gone.txnTime.slice(0, 10) },
    ]);
  });

  it('an acquirer debit is one unexpected_deduction', () => {
    const m = cleanMonth(8);
    m.debit('2026-08-15 02:00:00', 9900, '拉卡拉支付股份有限公司', '服务费');
    expect(run(m)).toMatchObject([{ kind: 'unexpected_deduction', deltaFen: 9900, date: '2026-08-15' }]);
  });
});
