/**
 * The live worked example under each rule of the rate editor ("¥10,000.00 贷记卡 → ¥60.00"), computed
 * by the same code the fee check uses (shared `workedExample`), so what the editor shows is what a
 * reconciliation will expect.
 */
import { parseRateCardJson } from '../../../shared/domain/rate-card';
import type { RateCard } from '../../../shared/domain/rate-card';
import { TEMPLATE_EFFECTIVE_FROM, workedExample } from '../../../shared/domain/rate-card-templates';
import type { WorkedExample } from '../../../shared/domain/rate-card-templates';
import type { CardKind, Channel } from '../../../shared/domain/types';
import type { Fen } from '../../../shared/fen';
import { fen } from '../../../shared/fen';
import { parseMoney } from '../../../shared/money';
import { versionToJson } from './rate-card-draft';
import type { RuleDraft, VersionDraft } from './rate-card-draft';

/** ¥10,000.00: the amount of the example in the issue and the docs. */
export const DEFAULT_EXAMPLE_FEN = fen(1_000_000);

/** One version alone as a card (its date set to the templates' start), or null while it is not valid. */
function versionCard(version: VersionDraft, rules: RuleDraft[]): RateCard | null {
  const parsed = parseRateCardJson({
    name: 'example',
    versions: [{ ...versionToJson({ ...version, rules }), effectiveFrom: TEMPLATE_EFFECTIVE_FROM }],
  });
  return parsed.ok ? parsed.value : null;
}

/** The sale the example prices for a rule: its first channel and card kind, the amount moved into its range. */
function exampleQuery(
  rule: RuleDraft,
  amountFen: Fen,
): { channel: Channel; cardKind: CardKind; amountFen: Fen } {
  const channel = rule.channels[0] ?? 'card';
  const cardKind = rule.cardKinds[0] ?? (channel === 'card' ? 'credit' : 'unknown');
  const bound = (text: string): Fen | null => {
    const r = parseMoney(text);
    return r.ok ? r.value : null;
  };
  const min = bound(rule.amountMin);
  const max = bound(rule.amountMax);
  let amount: Fen = amountFen;
  if (max !== null && amount > max) amount = max;
  if (min !== null && amount < min) amount = min;
  return { channel, cardKind, amountFen: amount };
}

export type RuleExample = {
  example: WorkedExample;
  /** The label of an earlier rule of the version that prices this same sale instead, if any. */
  shadowedBy: string | null;
};

/** The rule's own example, or null while the rule is not valid (its problems are shown instead). */
export function ruleExample(version: VersionDraft, index: number, amountFen: Fen): RuleExample | null {
  const rule = version.rules[index];
  if (rule === undefined) return null;
  const alone = versionCard(version, [rule]);
  if (alone === null) return null;
  const query = exampleQuery(rule, amountFen);
  const example = workedExample(alone, query);
  const whole = versionCard(version, version.rules);
  const winner = whole === null ? null : workedExample(whole, query).calc;
  const shadowedBy =
    winner !== null && example.calc !== null && winner.ruleId !== rule.id ? winner.ruleLabel : null;
  return { example, shadowedBy };
}

/** The version's headline example: ¥10,000.00 on a credit card, through all its rules. */
export function versionExample(version: VersionDraft): WorkedExample | null {
  const card = versionCard(version, version.rules);
  return card === null ? null : workedExample(card);
}

/** The amount typed for the example, or null when it is not an amount. */
export function parseExampleAmount(text: string): Fen | null {
  const r = parseMoney(text);
  return r.ok && r.value !== null && r.value >= 0 ? r.value : null;
}
