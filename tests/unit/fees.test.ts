import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen, type Fen } from '../../shared/money';
import { expectedFee, type FeeTxn } from '../../shared/domain/fees';
import { ruleFee } from '../../shared/domain/fee-calc';
import type { RateCardVersion, RateRule } from '../../shared/domain/rate-card';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { lakalaFee } from './support/month-builder';

const std = rateCardTemplate('lakala_standard').versions[0] as RateCardVersion;
const sale = (amount: number, extra: Partial<FeeTxn> = {}): FeeTxn => ({
  channel: 'card',
  cardKind: 'credit',
  txnType: 'sale',
  status: 'success',
  amountFen: fen(amount),
  feeFen: null,
  ...extra,
});
const withPolicy = (refundFeePolicy: RateCardVersion['refundFeePolicy']): RateCardVersion => ({
  ...std,
  refundFeePolicy,
});

describe('expected fee of a sale', () => {
  it('shows its arithmetic: ¥8,530.00 debit card is capped at ¥25.00', () => {
    const e = expectedFee(sale(853000, { cardKind: 'debit' }), std);
    expect(e.expectedFen).toBe(2500);
    expect(e.zh).toBe('¥8,530.00 × 0.50% = ¥42.65，封顶 ¥25.00 → 应收 ¥25.00');
    expect(e.en).toBe('¥8,530.00 × 0.50% = ¥42.65, capped at ¥25.00 → expected ¥25.00');
    expect(e.calc).toMatchObject({
      ruleId: 'debit',
      ratePercent: '0.50',
      rawFen: '4265',
      roundedFen: 4265,
      capApplied: true,
    });
  });

  it('¥17.50 credit card → ¥0.105 rounds half-up to ¥0.11', () => {
    const e = expectedFee(sale(1750), std);
    expect(e.expectedFen).toBe(11);
    expect(e.zh).toBe('¥17.50 × 0.60% = ¥0.105，四舍五入为 ¥0.11 → 应收 ¥0.11');
  });

  it('uses the rounding mode of the card version', () => {
    expect(expectedFee(sale(1750), { ...std, rounding: 'half_even' }).expectedFen).toBe(10);
    expect(expectedFee(sale(1751), { ...std, rounding: 'down' }).expectedFen).toBe(10);
    expect(expectedFee(sale(1701), { ...std, rounding: 'up' }).expectedFen).toBe(11);
  });

  it('applies minimum, cap and fixed per-transaction parts in that order', () => {
    const rule: RateRule = {
      id: 'x',
      label: 'x',
      channels: null,
      cardKinds: null,
      txnTypes: ['sale'],
      minAmountFen: null,
      maxAmountFen: null,
      ratePercent: '0.50',
      capFen: fen(2500),
      minFen: fen(100),
      fixedFen: fen(300),
    };
    expect(ruleFee(rule, fen(1000), 'half_up').feeFen).toBe(400); // 5 fen → min 100 → +300
    expect(ruleFee(rule, fen(10_000_000), 'half_up').feeFen).toBe(2800); // capped 2500 → +300
    expect(ruleFee(rule, fen(0), 'half_up').feeFen).toBe(0);
  });

  it('a card of unknown kind accepts the debit-card fee as an alternative', () => {
    const e = expectedFee(sale(853000, { cardKind: 'unknown' }), std);
    expect(e.expectedFen).toBe(5118);
    expect(e.alternatives.map((a) => a.feeFen)).toEqual([2500]);
  });

  it('a transaction no rule prices is not checked', () => {
    const blank = rateCardTemplate('blank').versions[0] as RateCardVersion;
    expect(expectedFee(sale(1000), blank)).toMatchObject({ expectedFen: null, basis: 'no_rule' });
    expect(expectedFee(sale(1000), null)).toMatchObject({ expectedFen: null, basis: 'no_rule' });
  });
});

describe('expected fee of failed, reversed, voided and refunded rows', () => {
  it('a failed transaction and a reversal cost nothing', () => {
    expect(expectedFee(sale(3712, { status: 'failed' }), std).expectedFen).toBe(0);
    expect(expectedFee(sale(3712, { txnType: 'reversal' }), std).expectedFen).toBe(0);
  });

  it('a void returns the fee its sale was actually charged', () => {
    const orig = sale(4739, { feeFen: fen(28) });
    const e = expectedFee(sale(4739, { txnType: 'void' }), std, { original: { txn: orig, version: std } });
    expect(e.expectedFen).toBe(-28);
    expect(e.zh).toContain('¥0.28');
  });

  it('a void whose sale is not in the book returns the fee the card gives its amount', () => {
    expect(expectedFee(sale(4739, { txnType: 'void' }), std).expectedFen).toBe(-28);
  });

  it('refund policy none returns nothing; full returns the refunded amount’s fee', () => {
    const orig = { txn: sale(1_000_000, { cardKind: 'debit' }), version: std };
    const refund = sale(400_000, { txnType: 'refund', cardKind: 'debit' });
    expect(expectedFee(refund, std, { original: orig }).expectedFen).toBe(0);
    expect(expectedFee(refund, withPolicy('full'), { original: orig }).expectedFen).toBe(-2000);
  });

  it('proportional: fee back = fee(original) − fee(original − refunded), right under the cap', () => {
    const v = withPolicy('proportional');
    const orig = { txn: sale(1_000_000, { cardKind: 'debit' }), version: v };
    const refund = (amount: number, before: number) =>
      expectedFee(sale(amount, { txnType: 'refund', cardKind: 'debit' }), v, {
        original: orig,
        refundedBeforeFen: fen(before),
      });
    // ¥10,000 debit: fee ¥25 (capped). Refund ¥4,000: remaining ¥6,000 still capped → ¥0 back.
    expect(refund(400_000, 0).expectedFen).toBe(0);
    // Then refund ¥3,000 more: remaining ¥3,000 → ¥15.00, so ¥10.00 back.
    expect(refund(300_000, 400_000).expectedFen).toBe(-1000);
    // Then the last ¥3,000: remaining ¥0 → ¥15.00 back. Total back = ¥25.00, the whole fee.
    expect(refund(300_000, 700_000).expectedFen).toBe(-1500);
  });

  it('proportional refunds cannot be checked without their sale', () => {
    const r = expectedFee(sale(100, { txnType: 'refund' }), withPolicy('proportional'));
    expect(r).toMatchObject({ expectedFen: null, basis: 'no_original' });
  });
});

describe('fee engine properties', () => {
  const channel = fc.constantFrom<FeeTxn['channel']>('card', 'wechat', 'alipay', 'unionpay_qr');
  const kind = fc.constantFrom<FeeTxn['cardKind']>('debit', 'credit', 'unknown');
  const amount = fc.integer({ min: 0, max: 10 ** 12 });
  const fee = (t: FeeTxn): Fen => expectedFee(t, std).expectedFen ?? fen(-1);

  it('a sale never costs a negative fee', () => {
    fc.assert(
      fc.property(channel, kind, amount, (c, k, a) => fee(sale(a, { channel: c, cardKind: k })) >= 0),
    );
  });

  it('a capped rule never charges more than its cap', () => {
    fc.assert(fc.property(amount, (a) => fee(sale(a, { cardKind: 'debit' })) <= 2500));
  });

  it('the fee never falls when the amount rises', () => {
    fc.assert(
      fc.property(channel, kind, amount, fc.integer({ min: 0, max: 10 ** 9 }), (c, k, a, more) => {
        return fee(sale(a + more, { channel: c, cardKind: k })) >= fee(sale(a, { channel: c, cardKind: k }));
      }),
    );
  });

  it('is exact where floats err: equals an integer-only reference on every amount', () => {
    fc.assert(
      fc.property(channel, fc.constantFrom<FeeTxn['cardKind']>('debit', 'credit'), amount, (c, k, a) => {
        expect(fee(sale(a, { channel: c, cardKind: k }))).toBe(lakalaFee(c, k, a));
      }),
      { numRuns: 2000 },
    );
  });
});
