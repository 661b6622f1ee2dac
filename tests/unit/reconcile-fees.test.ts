/** Each fee finding kind with a known answer, and patterns that replace single findings. */
import { describe, expect, it } from 'vitest';
import { fen } from '../../shared/money';
import { reconcile, type Finding } from '../../shared/domain/reconcile';
import type { RateCard } from '../../shared/domain/rate-card';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { MonthBuilder } from './support/month-builder';

const std = rateCardTemplate('lakala_standard');
const run = (b: MonthBuilder, cards: RateCard[] = [std]) =>
  reconcile({ txns: b.txns, bankLines: b.bank, cards }).findings;
const brief = (f: Finding) => ({
  kind: f.kind,
  refNos: f.refNos,
  deltaFen: f.deltaFen,
  expectedFen: f.expectedFen,
  actualFen: f.actualFen,
});

describe('single fee findings', () => {
  it('fee_overcharged: ¥64.05 credit card charged ¥1.58 instead of ¥0.38', () => {
    const b = new MonthBuilder();
    const t = b.sale('2026-08-01 10:00:00', 6405, 'card', 'credit', { feeFen: fen(158) });
    const [f, ...rest] = run(b);
    expect(rest).toEqual([]);
    expect(brief(f as Finding)).toEqual({
      kind: 'fee_overcharged',
      refNos: [t.refNo],
      deltaFen: 120,
      expectedFen: 38,
      actualFen: 158,
    });
    expect(f?.zh).toBe('¥64.05 × 0.60% = ¥0.3843，四舍五入为 ¥0.38 → 应收 ¥0.38；实收 ¥1.58；多收 ¥1.20');
    expect(f?.severity).toBe('medium');
    expect(f?.date).toBe('2026-08-01');
  });

  it('fee_undercharged: the merchant gained (negative delta, low severity)', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 100000, 'wechat', 'unknown', { feeFen: fen(300) });
    const [f] = run(b);
    expect(f).toMatchObject({ kind: 'fee_undercharged', deltaFen: -80, severity: 'low' });
    expect(f?.zh).toContain('少收 ¥0.80');
  });

  it('cap_not_applied: ¥8,530.00 debit card charged the uncapped ¥42.65', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 853000, 'card', 'debit', { feeFen: fen(4265) });
    const [f] = run(b);
    expect(f).toMatchObject({ kind: 'cap_not_applied', deltaFen: 1765, expectedFen: 2500, actualFen: 4265 });
    expect(f?.zh).toBe(
      '未执行封顶：¥8,530.00 × 0.50% = ¥42.65，封顶 ¥25.00 → 应收 ¥25.00；实收 ¥42.65；多收 ¥17.65',
    );
  });

  it('wrong_rate_class: a debit card charged exactly the credit-card fee', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 6866, 'card', 'debit', { feeFen: fen(41) });
    const [f] = run(b);
    expect(f).toMatchObject({
      kind: 'wrong_rate_class',
      deltaFen: 7,
      details: { chargedAsRule: { id: 'credit' } },
    });
    expect(f?.zh).toContain('按贷记卡 0.60% 收费（应为借记卡 0.50%）');
  });

  it('fee_on_failed: a failed sale still charged its fee', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 3712, 'card', 'credit', {
      status: 'failed',
      feeFen: fen(22),
      settleFen: fen(-22),
    });
    expect(run(b).map(brief)).toEqual([
      { kind: 'fee_on_failed', refNos: ['258000000001'], deltaFen: 22, expectedFen: 0, actualFen: 22 },
    ]);
  });

  it('void_fee_not_reversed: a void that gives back nothing of its sale’s ¥0.28', () => {
    const b = new MonthBuilder();
    const sale = b.sale('2026-08-01 10:00:00', 4739, 'card', 'credit');
    const v = b.void('2026-08-01 10:05:00', sale, fen(0));
    const fs = run(b);
    expect(fs.map(brief)).toEqual([
      { kind: 'void_fee_not_reversed', refNos: [v.refNo], deltaFen: 28, expectedFen: -28, actualFen: 0 },
    ]);
    expect(fs[0]?.zh).toContain('少退 ¥0.28');
  });

  it('a void that returns its sale’s fee, even an overcharged one, is clean', () => {
    const b = new MonthBuilder();
    const sale = b.sale('2026-08-01 10:00:00', 4739, 'card', 'credit', { feeFen: fen(99) });
    b.void('2026-08-01 10:05:00', sale);
    expect(run(b)).toEqual([]);
  });

  it('refund_fee_mismatch: under a proportional policy the refund returned too little', () => {
    const card: RateCard = {
      ...std,
      versions: std.versions.map((v) => ({ ...v, refundFeePolicy: 'proportional' })),
    };
    const b = new MonthBuilder();
    const sale = b.sale('2026-08-01 10:00:00', 100000, 'card', 'credit');
    b.refund('2026-08-03 10:00:00', sale, 50000, fen(-100)); // should be −300
    b.refund('2026-08-04 10:00:00', sale, 50000, fen(-300)); // right: the remaining ¥3.00
    const fs = run(b, [card]);
    expect(fs.map(brief)).toEqual([
      {
        kind: 'refund_fee_mismatch',
        refNos: ['258000000002'],
        deltaFen: 200,
        expectedFen: -300,
        actualFen: -100,
      },
    ]);
  });

  it('a refund that returns a fee the contract does not give back is a gain, not a loss', () => {
    const b = new MonthBuilder();
    const sale = b.sale('2026-08-01 10:00:00', 100000, 'card', 'credit');
    b.refund('2026-08-03 10:00:00', sale, 100000, fen(-600));
    expect(run(b)).toMatchObject([{ kind: 'refund_fee_mismatch', deltaFen: -600, severity: 'low' }]);
  });

  it('a reversal that charged a fee is an overcharge', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 100000, 'card', 'credit', { txnType: 'reversal', feeFen: fen(600) });
    expect(run(b)).toMatchObject([{ kind: 'fee_overcharged', deltaFen: 600 }]);
  });

  it('an unknown card kind charged the debit-card fee is accepted', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 853000, 'card', 'unknown', { feeFen: fen(2500) });
    b.sale('2026-08-01 11:00:00', 853000, 'card', 'unknown', { feeFen: fen(5118) });
    expect(run(b)).toEqual([]);
  });

  it('an export without a fee column is checked through amount − settlement', () => {
    const b = new MonthBuilder();
    b.sale('2026-08-01 10:00:00', 6405, 'card', 'credit', { feeFen: null, settleFen: fen(6405 - 158) });
    expect(run(b)).toMatchObject([{ kind: 'fee_overcharged', deltaFen: 120 }]);
  });

  it('uses the card version in force on the transaction day', () => {
    const raisedOnSep: RateCard = {
      ...std,
      versions: [
        ...std.versions,
        { ...(std.versions[0] as RateCard['versions'][number]), effectiveFrom: '2026-09-01', rules: [] },
      ],
    };
    const b = new MonthBuilder();
    b.sale('2026-08-31 10:00:00', 6405, 'card', 'credit', { feeFen: fen(158) });
    b.sale('2026-09-01 10:00:00', 6405, 'card', 'credit', { feeFen: fen(158) }); // no rule in Sept: unchecked
    expect(run(b, [raisedOnSep]).map((f) => f.date)).toEqual(['2026-08-31']);
  });
});

describe('patterns', () => {
  /** n WeChat sales a day for `days` days from `start`, charged at `rate` hundredths of a percent. */
  function wechatDays(
    b: MonthBuilder,
    start: number,
    days: number,
    n: number,
    feeAt?: (amount: number) => number,
  ) {
    for (let d = start; d < start + days; d++) {
      for (let k = 0; k < n; k++) {
        const amount = 10000 + d * 1000 + k * 137;
        const extra = feeAt ? { feeFen: fen(feeAt(amount)) } : {};
        b.sale(
          `2026-08-${String(d).padStart(2, '0')} ${String(10 + k).padStart(2, '0')}:00:00`,
          amount,
          'wechat',
          'unknown',
          extra,
        );
      }
    }
  }
  const at = (bp: number) => (a: number) => Math.floor((2 * a * bp + 10000) / 20000);

  it('rate_raised: WeChat 0.38% → 0.55% from the 10th is ONE finding listing every raised row', () => {
    const b = new MonthBuilder();
    wechatDays(b, 1, 9, 4);
    wechatDays(b, 10, 5, 3, at(55));
    const fs = run(b);
    expect(fs).toHaveLength(1);
    const f = fs[0] as Finding;
    expect(f).toMatchObject({
      kind: 'rate_raised',
      date: '2026-08-10',
      channel: 'wechat',
      terminalId: 'T0000001',
      severity: 'high',
    });
    expect(f.details).toMatchObject({ contractedRate: '0.38', observedRate: '0.55' });
    expect(f.txnIds).toHaveLength(15);
    expect(f.deltaFen).toBe((f.actualFen ?? 0) - (f.expectedFen ?? 0));
    expect(f.zh).toContain('微信费率自 2026-08-10 起由 0.38% 变为 0.55%');
  });

  it('rate_raised even when the new rate equals another rule’s (0.60%, the credit-card rate)', () => {
    const b = new MonthBuilder();
    wechatDays(b, 1, 5, 3);
    wechatDays(b, 6, 2, 3, at(60));
    expect(run(b).map((f) => [f.kind, f.txnIds.length, f.details.observedRate])).toEqual([
      ['rate_raised', 6, '0.60'],
    ]);
  });

  it('too few rows or a single day is not a pattern: the rows stay single findings', () => {
    const b = new MonthBuilder();
    wechatDays(b, 1, 5, 3);
    wechatDays(b, 6, 1, 6, at(60)); // six rows, one day
    const fs = run(b);
    expect(fs.every((f) => f.kind === 'wrong_rate_class')).toBe(true);
    expect(fs).toHaveLength(6);
  });

  it('a rise that stops (the old rate charged again) ends the run; rows after it are clean', () => {
    const b = new MonthBuilder();
    wechatDays(b, 1, 3, 3);
    wechatDays(b, 4, 3, 3, at(72));
    wechatDays(b, 7, 3, 3);
    const fs = run(b);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: 'rate_raised', date: '2026-08-04' });
    expect(fs[0]?.txnIds).toHaveLength(9);
  });

  it('a rise on one terminal only is found per terminal', () => {
    const b1 = new MonthBuilder('M1', 'T1');
    const b2 = new MonthBuilder('M1', 'T2');
    wechatDays(b1, 1, 6, 3);
    wechatDays(b1, 7, 3, 3, at(60));
    wechatDays(b2, 1, 9, 3);
    const txns = [...b1.txns, ...b2.txns.map((t) => ({ ...t, id: t.id + 1000, refNo: `9${t.refNo ?? ''}` }))];
    const fs = reconcile({ txns, bankLines: [], cards: [std] }).findings;
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: 'rate_raised', terminalId: 'T1', date: '2026-08-07' });
  });

  it('per_txn_surcharge: +¥3.00 on every sale from the 5th is ONE finding', () => {
    const b = new MonthBuilder();
    for (let d = 1; d <= 8; d++) {
      for (const [ch, kind, amount] of [
        ['card', 'credit', 25000 + d],
        ['alipay', 'unknown', 8000 + d],
      ] as const) {
        const fee =
          d >= 5
            ? {
                feeFen: fen(
                  (ch === 'card'
                    ? Math.floor((2 * amount * 60 + 10000) / 20000)
                    : Math.floor((2 * amount * 38 + 10000) / 20000)) + 300,
                ),
              }
            : {};
        b.sale(`2026-08-0${d} 12:00:00`, amount, ch, kind, fee);
      }
    }
    const fs = run(b);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      kind: 'per_txn_surcharge',
      date: '2026-08-05',
      deltaFen: 2400,
      channel: null,
      details: { surchargeFen: 300 },
    });
    expect(fs[0]?.zh).toContain('8 × ¥3.00 = ¥24.00');
  });

  // A charge implies no rate a card can have when it is not above zero or is the whole amount or more:
  // such rows stay single findings, and the search for a new rate must not stop the run.
  it('a +¥3.00 surcharge on ¥1–¥2 sales (over 100 %) is still one finding', () => {
    const b = new MonthBuilder();
    for (let d = 1; d <= 6; d++) {
      for (const amount of [100 + d, 200 + d]) {
        const fee = Math.floor((2 * amount * 38 + 10000) / 20000) + (d >= 3 ? 300 : 0);
        b.sale(`2026-08-0${d} 12:00:0${amount % 10}`, amount, 'wechat', 'unknown', { feeFen: fen(fee) });
      }
    }
    const fs = run(b);
    expect(fs.map((f) => [f.kind, f.txnIds.length, f.details.surchargeFen])).toEqual([
      ['per_txn_surcharge', 8, 300],
    ]);
  });

  it('fees printed as negative numbers on a whole channel are single findings, not a rate', () => {
    const b = new MonthBuilder();
    wechatDays(b, 1, 4, 3, (amount) => -at(38)(amount));
    const fs = run(b);
    expect(fs).toHaveLength(12);
    expect(fs.every((f) => f.kind === 'fee_undercharged' && (f.actualFen ?? 0) < 0)).toBe(true);
  });
});

describe('the sale a void or refund names', () => {
  it('is the one on its terminal and not after it when several sales share the 参考号', () => {
    const b = new MonthBuilder();
    const onA = b.sale('2026-08-03 10:00:00', 10000, 'card', 'credit', {
      terminalId: 'A1',
      refNo: '803100001',
    });
    // Another terminal's sale, later, with the same 参考号; and the same terminal reusing it next month.
    b.sale('2026-08-03 11:00:00', 50000, 'card', 'credit', { terminalId: 'B2', refNo: '803100001' });
    b.sale('2026-08-28 09:00:00', 80000, 'card', 'credit', { terminalId: 'A1', refNo: '803100001' });
    b.void('2026-08-03 10:30:00', onA);
    expect(run(b)).toEqual([]);
  });
});
