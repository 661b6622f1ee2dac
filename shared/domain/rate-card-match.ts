/**
 * Which card, which version and which rule price a transaction. Kept apart from the fee arithmetic so
 * the settings editor and the fee engine agree on one definition of "the rule that applies".
 */
import type { Fen } from '../money';
import type { RateCard, RateCardVersion, RateRule } from './rate-card';
import type { CardKind, Channel, LocalDate, TxnType } from './types';

/** What a rule is matched on. */
export type RuleQuery = { channel: Channel; cardKind: CardKind; txnType: TxnType; amountFen: Fen };

/** True when `rule` applies to the query (null criteria match anything; the amount range is inclusive). */
export function ruleMatches(rule: RateRule, q: RuleQuery): boolean {
  if (rule.channels !== null && !rule.channels.includes(q.channel)) return false;
  if (rule.cardKinds !== null && !rule.cardKinds.includes(q.cardKind)) return false;
  if (!rule.txnTypes.includes(q.txnType)) return false;
  if (rule.minAmountFen !== null && q.amountFen < rule.minAmountFen) return false;
  if (rule.maxAmountFen !== null && q.amountFen > rule.maxAmountFen) return false;
  return true;
}

/** The first rule of the version that matches, or null when the card does not price this transaction. */
export function matchRule(version: RateCardVersion, q: RuleQuery): RateRule | null {
  return version.rules.find((r) => ruleMatches(r, q)) ?? null;
}

/**
 * The version in force on `date`: the latest one whose effectiveFrom ≤ date. Null before the first
 * version (a transaction older than the contract is not checked rather than checked wrongly).
 */
export function versionOn(card: RateCard, date: LocalDate): RateCardVersion | null {
  let found: RateCardVersion | null = null;
  for (const v of card.versions) {
    if (v.effectiveFrom <= date && (found === null || v.effectiveFrom > found.effectiveFrom)) found = v;
  }
  return found;
}

/**
 * The card for a terminal: a card scoped to that terminal beats one scoped to the merchant number,
 * which beats an unscoped card. A scope naming another terminal or merchant never applies.
 */
export function selectCard(
  cards: readonly RateCard[],
  where: { merchantNo: string | null; terminalId: string | null },
): RateCard | null {
  let best: RateCard | null = null;
  let bestScore = -1;
  for (const card of cards) {
    const s = card.scope;
    let score = 0;
    if (s !== null) {
      if (s.terminalId !== null) {
        if (s.terminalId !== where.terminalId) continue;
        score += 2;
      }
      if (s.merchantNo !== null) {
        if (s.merchantNo !== where.merchantNo) continue;
        score += 1;
      }
    }
    if (score > bestScore) {
      best = card;
      bestScore = score;
    }
  }
  return best;
}
