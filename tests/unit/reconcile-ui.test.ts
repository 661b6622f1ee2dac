/**
 * The pure parts of the Reconcile page and the rate-card editor: how findings are grouped and totalled
 * as the user triages them, how the editor's draft round-trips the documented JSON, the live worked
 * example, and where the service's validation issues point.
 */
import { describe, expect, it } from 'vitest';
import type { FindingView } from '../../shared/api/reconcile';
import { parseRateCardJson, rateCardToJson } from '../../shared/domain/rate-card';
import { RATE_CARD_TEMPLATE_IDS, rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { fen } from '../../shared/fen';
import { applyTriage, groupFindings, stakeTotals } from '../../renderer/src/reconcile/finding-groups';
import { draftFromJson, draftToJson, nextVersion } from '../../renderer/src/rates/rate-card-draft';
import type { CardDraft } from '../../renderer/src/rates/rate-card-draft';
import { issueAdvice, issuePlace, rateCardIssues } from '../../renderer/src/rates/rate-card-issues';
import { DEFAULT_EXAMPLE_FEN, ruleExample, versionExample } from '../../renderer/src/rates/rule-example';

function finding(
  id: number,
  kind: FindingView['kind'],
  deltaFen: number,
  state: FindingView['state'] = 'open',
) {
  return {
    id,
    kind,
    severity: 'medium',
    date: '2026-08-01',
    channel: null,
    terminalId: null,
    merchantNo: null,
    expectedFen: null,
    actualFen: null,
    deltaFen: fen(deltaFen),
    refNos: [],
    zh: '',
    en: '',
    state,
    triageReason: null,
    triagedAt: null,
    recoveredFen: fen(0),
    txnCount: 0,
    bankLineCount: 0,
    current: true,
    details: {},
  } satisfies FindingView;
}

describe('findings on the Reconcile page', () => {
  const findings = [
    finding(1, 'unexpected_deduction', 3600),
    finding(2, 'fee_overcharged', 120),
    finding(3, 'fee_overcharged', 58),
    finding(4, 'fee_undercharged', -15),
  ];

  it('groups by kind in the engine’s order with a count and a total per group', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.kind, g.count, g.totalFen])).toEqual([
      ['fee_overcharged', 2, 178],
      ['fee_undercharged', 1, -15],
      ['unexpected_deduction', 1, 3600],
    ]);
  });

  it('puts only what the merchant lost on open or disputed findings at stake (gains are not netted)', () => {
    expect(stakeTotals(findings).atStakeFen).toBe(3778);
  });

  it('a dismissal leaves its group’s total and the money at stake at once; an acceptance leaves the stake', () => {
    const after = applyTriage(findings, [
      { ...finding(1, 'unexpected_deduction', 3600), state: 'dismissed', triageReason: '合同约定' },
      { ...finding(2, 'fee_overcharged', 120), state: 'accepted' },
    ]);
    const deduction = groupFindings(after).find((g) => g.kind === 'unexpected_deduction');
    expect(deduction).toMatchObject({ count: 0, totalFen: 0, dismissedCount: 1 });
    expect(groupFindings(after).find((g) => g.kind === 'fee_overcharged')?.totalFen).toBe(178);
    expect(stakeTotals(after)).toEqual({ atStakeFen: 58, byState: { dismissed: 1, accepted: 1, open: 2 } });
  });
});

describe('the rate-card editor', () => {
  const standard = () => draftFromJson(rateCardToJson(rateCardTemplate('lakala_standard')));
  const withRate = (draft: CardDraft, ruleId: string, ratePercent: string): CardDraft => ({
    ...draft,
    versions: draft.versions.map((v) => ({
      ...v,
      rules: v.rules.map((r) => (r.id === ruleId ? { ...r, ratePercent } : r)),
    })),
  });

  it.each(RATE_CARD_TEMPLATE_IDS)('keeps template %s exactly through a round trip of its draft', (id) => {
    const card = rateCardTemplate(id);
    const back = parseRateCardJson(draftToJson(draftFromJson(rateCardToJson(card))));
    expect(back).toEqual({ ok: true, value: card });
  });

  it('shows each rule’s worked example, the cap included', () => {
    const version = standard().versions[0]!;
    const example = (ruleId: string) =>
      ruleExample(
        version,
        version.rules.findIndex((r) => r.id === ruleId),
        DEFAULT_EXAMPLE_FEN,
      )?.example.zh;
    expect(example('credit')).toBe('¥10,000.00 贷记卡 → ¥60.00');
    expect(example('debit')).toBe('¥10,000.00 借记卡 → ¥25.00');
    expect(example('wechat')).toBe('¥10,000.00 微信 → ¥38.00');
    expect(versionExample(version)?.en).toBe('¥10,000.00 credit card → ¥60.00');
  });

  it('updates the example as the rate is typed, and shows none while the rate is not a number', () => {
    const version = withRate(standard(), 'credit', '0.55').versions[0]!;
    const credit = version.rules.findIndex((r) => r.id === 'credit');
    expect(ruleExample(version, credit, DEFAULT_EXAMPLE_FEN)?.example.zh).toBe('¥10,000.00 贷记卡 → ¥55.00');
    expect(ruleExample(version, credit, fen(123456))?.example.zh).toBe('¥1,234.56 贷记卡 → ¥6.79');
    const broken = withRate(standard(), 'credit', '0.5x').versions[0]!;
    expect(ruleExample(broken, credit, DEFAULT_EXAMPLE_FEN)).toBeNull();
    // The other rules still show theirs.
    expect(ruleExample(broken, 0, DEFAULT_EXAMPLE_FEN)?.example.zh).toBe('¥10,000.00 借记卡 → ¥25.00');
  });

  it('prices a tiered rule’s example inside its amount range', () => {
    const tiered = draftFromJson(rateCardToJson(rateCardTemplate('lakala_qr_tiered'))).versions[0]!;
    const small = tiered.rules.findIndex((r) => r.id === 'unionpay_qr_small');
    expect(ruleExample(tiered, small, DEFAULT_EXAMPLE_FEN)?.example.zh).toBe(
      '¥1,000.00 银联二维码 ¥1,000 及以下 → ¥3.80',
    );
  });

  it('says when an earlier rule prices the same sale', () => {
    const version = standard().versions[0]!;
    const catchAll = { ...version.rules[1]!, id: 'all_cards', label: '所有卡', cardKinds: [] };
    const shadowed = { ...version, rules: [catchAll, ...version.rules] };
    const debit = shadowed.rules.findIndex((r) => r.id === 'debit');
    expect(ruleExample(shadowed, debit, DEFAULT_EXAMPLE_FEN)?.shadowedBy).toBe('所有卡');
  });

  it('starts a new version as a copy of the latest one, on the date asked', () => {
    const draft = standard();
    const next = nextVersion(draft.versions, '2026-09-01');
    expect(next.effectiveFrom).toBe('2026-09-01');
    expect(next.rules).toEqual(draft.versions[0]!.rules);
    expect(next.rules[0]).not.toBe(draft.versions[0]!.rules[0]);
  });

  it('points each issue the service returns at its version, rule and field', () => {
    const json = draftToJson(withRate(standard(), 'credit', 'abc'));
    const parsed = parseRateCardJson(json);
    expect(parsed.ok).toBe(false);
    const issues = rateCardIssues({
      code: 'invalid_input',
      message: 'The rate card is not valid',
      details: { issues: parsed.ok ? [] : parsed.issues },
    });
    expect(issues?.map((i) => [issuePlace(i.path), issueAdvice(i)])).toEqual([
      [{ version: 1, rule: 2, field: 'ratePercent' }, 'rate'],
    ]);
    expect(rateCardIssues({ code: 'no_book_open', message: 'No book' })).toBeNull();
  });
});
