import { describe, expect, it } from 'vitest';
import { fen } from '../../shared/money';
import { parseRateCardJson, rateCardToJson, type RateCard } from '../../shared/domain/rate-card';
import { matchRule, selectCard, versionOn } from '../../shared/domain/rate-card-match';
import {
  rateCardTemplate,
  workedExample,
  RATE_CARD_TEMPLATE_IDS,
} from '../../shared/domain/rate-card-templates';

const card = (json: unknown): RateCard => {
  const r = parseRateCardJson(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('built-in rate cards', () => {
  const std = rateCardTemplate('lakala_standard');
  const v = std.versions[0];
  if (!v) throw new Error('no version');
  const fee = (
    channel: 'card' | 'wechat' | 'alipay' | 'unionpay_qr',
    cardKind: 'debit' | 'credit' | 'unknown',
    amount: number,
  ) => workedExample(std, { channel, cardKind, amountFen: fen(amount) }).calc?.feeFen;

  it('拉卡拉标准 prices credit 0.60%, debit 0.50% capped at ¥25, WeChat/Alipay 0.38%, UnionPay QR 0.60%', () => {
    expect(std.name).toBe('拉卡拉标准');
    expect(fee('card', 'credit', 1_000_000)).toBe(6000);
    expect(fee('card', 'debit', 1_000_000)).toBe(2500);
    expect(fee('card', 'debit', 400_000)).toBe(2000);
    expect(fee('wechat', 'unknown', 100_000)).toBe(380);
    expect(fee('alipay', 'unknown', 100_000)).toBe(380);
    expect(fee('unionpay_qr', 'unknown', 100_000)).toBe(600);
    expect(v.rounding).toBe('half_up');
    expect(v.refundFeePolicy).toBe('none');
  });

  it('prices a card of unknown kind like a credit card, uncapped', () => {
    expect(fee('card', 'unknown', 1_000_000)).toBe(6000);
  });

  it('the tiered variant charges UnionPay QR 0.38% up to and including ¥1,000 and 0.60% above', () => {
    const tiered = rateCardTemplate('lakala_qr_tiered');
    const at = (amount: number) =>
      workedExample(tiered, { channel: 'unionpay_qr', amountFen: fen(amount) }).calc;
    expect(at(100_000)?.feeFen).toBe(380);
    expect(at(100_000)?.ruleId).toBe('unionpay_qr_small');
    expect(at(100_001)?.feeFen).toBe(600);
  });

  it('the blank card prices nothing', () => {
    const blank = rateCardTemplate('blank');
    expect(workedExample(blank).calc).toBeNull();
    expect(workedExample(blank).en).toContain('no rule applies');
  });

  it('the settings editor shows a worked example: ¥10,000.00 credit card → ¥60.00', () => {
    const ex = workedExample(std);
    expect(ex.en).toBe('¥10,000.00 credit card → ¥60.00');
    expect(ex.zh).toBe('¥10,000.00 贷记卡 → ¥60.00');
  });

  it.each(RATE_CARD_TEMPLATE_IDS)('template %s survives its own JSON format unchanged', (id) => {
    const t = rateCardTemplate(id);
    expect(card(JSON.parse(JSON.stringify(rateCardToJson(t))))).toEqual(t);
  });
});

describe('rate card JSON (feetrail rates set --file)', () => {
  const json = {
    name: '我的费率',
    scope: { merchantNo: '822290058120123', terminalId: 'A8837262' },
    versions: [
      {
        effectiveFrom: '2026-09-01',
        rules: [{ id: 'credit', channel: 'card', cardKind: 'credit', ratePercent: '0.72' }],
      },
      {
        effectiveFrom: '2026-01-01',
        rounding: 'half_even',
        refundFeePolicy: 'proportional',
        rules: [
          {
            id: 'debit',
            label: '借记卡',
            channel: 'card',
            cardKind: 'debit',
            ratePercent: '0.5',
            cap: '25.00',
          },
          {
            id: 'credit',
            channel: ['card'],
            cardKind: ['credit', 'unknown'],
            ratePercent: 0.6,
            fixed: '3.00',
          },
          { id: 'qr_small', channel: 'unionpay_qr', amountMax: '1,000.00', ratePercent: '0.38', min: '0.01' },
        ],
      },
    ],
  };

  it('reads the documented format with defaults, yuan strings and version order', () => {
    const c = card(json);
    expect(c.scope).toEqual({ merchantNo: '822290058120123', terminalId: 'A8837262' });
    expect(c.versions.map((v) => v.effectiveFrom)).toEqual(['2026-01-01', '2026-09-01']);
    const [first, second] = c.versions;
    expect(first?.rounding).toBe('half_even');
    expect(second?.rounding).toBe('half_up');
    expect(second?.refundFeePolicy).toBe('none');
    expect(first?.rules[0]).toMatchObject({
      ratePercent: '0.50',
      capFen: 2500,
      label: '借记卡',
      txnTypes: ['sale'],
    });
    expect(first?.rules[1]).toMatchObject({
      ratePercent: '0.60',
      fixedFen: 300,
      cardKinds: ['credit', 'unknown'],
      label: 'credit',
    });
    expect(first?.rules[2]).toMatchObject({ maxAmountFen: 100000, minFen: 1 });
  });

  it('picks the version in force on the transaction day', () => {
    const c = card(json);
    expect(versionOn(c, '2025-12-31')).toBeNull();
    expect(versionOn(c, '2026-08-31')?.effectiveFrom).toBe('2026-01-01');
    expect(versionOn(c, '2026-09-01')?.effectiveFrom).toBe('2026-09-01');
  });

  it('matches rules in order by channel, card kind, type and inclusive amount range', () => {
    const v = card(json).versions[0];
    if (!v) throw new Error('no version');
    const q = { channel: 'unionpay_qr' as const, cardKind: 'unknown' as const, txnType: 'sale' as const };
    expect(matchRule(v, { ...q, amountFen: fen(100000) })?.id).toBe('qr_small');
    expect(matchRule(v, { ...q, amountFen: fen(100001) })).toBeNull();
    expect(matchRule(v, { ...q, txnType: 'refund', amountFen: fen(100) })).toBeNull();
    expect(
      matchRule(v, { channel: 'card', cardKind: 'unknown', txnType: 'sale', amountFen: fen(1) })?.id,
    ).toBe('credit');
  });

  it.each([
    [{ ...json, versions: [] }, 'versions'],
    [{ name: 'x', versions: [{ effectiveFrom: '2026-02-30', rules: [] }] }, 'versions.0.effectiveFrom'],
    [
      { name: 'x', versions: [{ effectiveFrom: '2026-02-01', rules: [{ id: 'a', ratePercent: '-1' }] }] },
      'versions.0.rules.0.ratePercent',
    ],
    [
      {
        name: 'x',
        versions: [{ effectiveFrom: '2026-02-01', rules: [{ id: 'a', ratePercent: '0.6', cap: 'abc' }] }],
      },
      'versions.0.rules.0.cap',
    ],
    [
      {
        name: 'x',
        versions: [
          { effectiveFrom: '2026-02-01', rules: [{ id: 'a', ratePercent: '0.6', channel: 'cash' }] },
        ],
      },
      'versions.0.rules.0.channel',
    ],
    [
      {
        name: 'x',
        versions: [{ effectiveFrom: '2026-02-01', rules: [{ id: 'a', ratePercent: '0.6', typo: 1 }] }],
      },
      'versions.0.rules.0',
    ],
  ])('refuses a bad card and says where (%#)', (bad, path) => {
    const r = parseRateCardJson(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });

  it('refuses two versions on one day and duplicate rule ids', () => {
    const v = { effectiveFrom: '2026-01-01', rules: [] };
    expect(parseRateCardJson({ name: 'x', versions: [v, v] }).ok).toBe(false);
    const rule = { id: 'a', ratePercent: '0.6' };
    expect(
      parseRateCardJson({ name: 'x', versions: [{ effectiveFrom: '2026-01-01', rules: [rule, rule] }] }).ok,
    ).toBe(false);
  });
});

describe('different terminals can have different cards', () => {
  const base = rateCardTemplate('lakala_standard');
  const forTerminal: RateCard = { ...base, name: 'T2', scope: { merchantNo: null, terminalId: 'T2' } };
  const forMerchant: RateCard = { ...base, name: 'M', scope: { merchantNo: 'M1', terminalId: null } };
  const cards = [base, forTerminal, forMerchant];

  it('a terminal card beats a merchant card, which beats the unscoped card', () => {
    expect(selectCard(cards, { merchantNo: 'M1', terminalId: 'T2' })?.name).toBe('T2');
    expect(selectCard(cards, { merchantNo: 'M1', terminalId: 'T1' })?.name).toBe('M');
    expect(selectCard(cards, { merchantNo: 'M9', terminalId: 'T1' })?.name).toBe('拉卡拉标准');
    expect(selectCard([forTerminal], { merchantNo: 'M1', terminalId: 'T1' })).toBeNull();
  });
});

describe('docs/RATE-CARD.md', () => {
  it('its example is a valid card that prices as the doc says', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/RATE-CARD.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    const c = card(JSON.parse(block ?? 'null'));
    expect(c.versions).toHaveLength(2);
    expect(workedExample(c, { versionIndex: 0 }).en).toBe('¥10,000.00 credit card → ¥60.00');
    expect(
      workedExample(c, { versionIndex: 0, cardKind: 'debit', amountFen: fen(853000) }).calc?.feeFen,
    ).toBe(2500);
    expect(workedExample(c).calc?.feeFen).toBe(6300);
  });
});
