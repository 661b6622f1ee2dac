/**
 * Fee check, step 1: the expected fee of every row against the fee charged. Voids and refunds are
 * linked to their sale by 原参考号 so a void can be checked against what its sale really cost.
 */
import { fen, subFen, ZERO_FEN, type Fen } from '../../money';
import { ruleFeeFen } from '../fee-calc';
import { expectedFee, type ExpectedFee, type FeeContext } from '../fees';
import type { RateCard, RateCardVersion } from '../rate-card';
import { matchRule, selectCard, versionOn } from '../rate-card-match';
import { dateOf } from '../local-date';
import type { StoredPosTxn } from './types';
import { cmp } from '../text-order';

export type FeeCheck = {
  txn: StoredPosTxn;
  version: RateCardVersion | null;
  /** The expected fee with its arithmetic (for a row charged right, built only when read). */
  readonly expected: ExpectedFee;
  /** `expected.expectedFen` and `expected.calc?.ruleId`, without building the arithmetic. */
  expectedFen: Fen | null;
  ruleId: string | null;
  /** The fee charged, in fen: the fee column, else amount − settlement for a sale; null when unknown. */
  actualFen: Fen | null;
  /** actual − expected, in fen (what the merchant lost on this row), null when either is unknown. */
  deltaFen: Fen | null;
  /** True when the charge is right (equal to the expected fee or an accepted alternative). */
  ok: boolean;
};

/** The fee a row charged. Some exports have no fee column: a sale's fee is then amount − settlement. */
export function chargedFee(txn: StoredPosTxn): Fen | null {
  if (txn.feeFen !== null) return txn.feeFen;
  if (txn.txnType === 'sale' && txn.status === 'success' && txn.settleFen !== null) {
    return subFen(txn.amountFen, txn.settleFen);
  }
  return null;
}

function refKey(merchantNo: string | null, refNo: string): string {
  return `${merchantNo ?? ''}|${refNo}`;
}

/**
 * The sales voids and refunds name, by merchant + 参考号: one sale, or all of them when several sales
 * carry that 参考号 (it is unique per terminal and day at best).
 */
export type RefIndex = ReadonlyMap<string, StoredPosTxn | readonly StoredPosTxn[]>;

/**
 * The sale a void or refund names. When several sales carry its 参考号, the original is the one on
 * its terminal and not after it: of those the latest, of the rest the nearest in time.
 */
export function originalOf(byRef: RefIndex, t: StoredPosTxn): StoredPosTxn | null {
  if (t.origRefNo === null) return null;
  const found = byRef.get(refKey(t.merchantNo, t.origRefNo));
  if (found === undefined) return null;
  if (!Array.isArray(found)) return found as StoredPosTxn;
  let best: StoredPosTxn | null = null;
  let bestRank = -1;
  for (const c of found as readonly StoredPosTxn[]) {
    const before = c.txnTime <= t.txnTime;
    const rank = (c.terminalId === t.terminalId ? 2 : 0) + (before ? 1 : 0);
    const nearer =
      best !== null && rank === bestRank && (before ? c.txnTime > best.txnTime : c.txnTime < best.txnTime);
    if (rank > bestRank || nearer) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}

/** Sales that a successful void in the same data cancels (their fee is checked on the void). */
export function voidedSaleIds(
  txns: readonly StoredPosTxn[],
  byRef: RefIndex = indexByRef(txns),
): Set<number> {
  const out = new Set<number>();
  for (const t of txns) {
    if (t.txnType !== 'void' || t.status !== 'success') continue;
    const orig = originalOf(byRef, t);
    if (orig) out.add(orig.id);
  }
  return out;
}

/**
 * Sales that some void or refund names as its original, by merchant + 参考号. Only those: a year has
 * 100,000 sales and a handful of voids, so indexing every sale would be wasted work.
 */
export function indexByRef(txns: readonly StoredPosTxn[]): RefIndex {
  const wanted = new Set<string>();
  for (const t of txns) if (t.origRefNo !== null && t.txnType !== 'sale') wanted.add(t.origRefNo);
  const byRef = new Map<string, StoredPosTxn | StoredPosTxn[]>();
  if (wanted.size === 0) return byRef;
  for (const t of txns) {
    if (t.refNo === null || t.txnType !== 'sale' || !wanted.has(t.refNo)) continue;
    const key = refKey(t.merchantNo, t.refNo);
    const had = byRef.get(key);
    if (had === undefined) byRef.set(key, t);
    else if (Array.isArray(had)) had.push(t);
    else byRef.set(key, [had, t]);
  }
  return byRef;
}

/**
 * The card version in force for a row: its card (most specific scope) and the version of its day.
 * Remembered per merchant, terminal and day, since a year has a handful of those and 100,000 rows.
 */
function versionLookup(cards: readonly RateCard[]): (t: StoredPosTxn) => RateCardVersion | null {
  type OfTerminal = {
    day: string;
    version: RateCardVersion | null;
    byDay: Map<string, RateCardVersion | null>;
  };
  const known = new Map<string | null, Map<string | null, OfTerminal>>();
  return (t) => {
    let byTerminal = known.get(t.merchantNo);
    if (!byTerminal) known.set(t.merchantNo, (byTerminal = new Map<string | null, OfTerminal>()));
    let of = byTerminal.get(t.terminalId);
    if (!of) byTerminal.set(t.terminalId, (of = { day: '', version: null, byDay: new Map() }));
    // Rows come in time order, so a row is mostly of the day of its terminal's row before: then no
    // day's text is made. Only a whole date can be a prefix of the times of its day.
    if (of.day !== '' && t.txnTime.startsWith(of.day)) return of.version;
    const day = dateOf(t.txnTime);
    let version = of.byDay.get(day);
    if (version === undefined) {
      const card = selectCard(cards, t);
      version = card ? versionOn(card, day) : null;
      of.byDay.set(day, version);
    }
    of.day = day.length === 10 ? day : '';
    of.version = version;
    return version;
  };
}

const NO_CONTEXT: FeeContext = {};

/**
 * A successful sale charged exactly its rule's fee: the check keeps the numbers, and the expected fee's
 * arithmetic (a record and its sentences) is made only if something reads it. A year is 100,000 such
 * rows and only the wrong ones are ever explained.
 */
class RightCharge implements FeeCheck {
  private built: ExpectedFee | undefined = undefined;
  readonly ok = true;
  constructor(
    readonly txn: StoredPosTxn,
    readonly version: RateCardVersion,
    readonly expectedFen: Fen,
    readonly actualFen: Fen | null,
    readonly deltaFen: Fen | null,
    readonly ruleId: string,
  ) {}
  get expected(): ExpectedFee {
    return (this.built ??= expectedFee(this.txn, this.version));
  }
}

/**
 * Whether a check's expected fee comes from a rule (basis 'rule'), without building the arithmetic of a
 * row charged right: such a row was priced by its matched rule, so its basis is 'rule' and its
 * `expectedFen` and `ruleId` are those of the built record.
 */
export function pricedByRule(c: FeeCheck): boolean {
  return c instanceof RightCharge || c.expected.basis === 'rule';
}

/** The check of a successful sale whose rule's fee is what it was charged (or nothing is known charged), else null. */
function rightCharge(t: StoredPosTxn, version: RateCardVersion | null): RightCharge | null {
  if (t.txnType !== 'sale' || t.status !== 'success' || version === null) return null;
  const q = { channel: t.channel, cardKind: t.cardKind, txnType: 'sale' as const, amountFen: t.amountFen };
  const rule = matchRule(version, q);
  if (!rule) return null;
  const expectedFen = ruleFeeFen(rule, t.amountFen, version.rounding);
  const actualFen = chargedFee(t);
  if (actualFen !== null && actualFen !== expectedFen) return null;
  return new RightCharge(t, version, expectedFen, actualFen, actualFen === null ? null : ZERO_FEN, rule.id);
}

/**
 * Checks the fee of every row for which `inScope` is true (all rows are used as context for
 * originals). A sale cancelled by a void is skipped: the void is checked against it instead.
 */
export function checkFees(
  txns: readonly StoredPosTxn[],
  cards: readonly RateCard[],
  inScope: (t: StoredPosTxn) => boolean,
  byRef: RefIndex = indexByRef(txns),
  voided: ReadonlySet<number> = voidedSaleIds(txns, byRef),
): FeeCheck[] {
  const versionFor = versionLookup(cards);
  // What earlier refunds of the same sale already refunded (proportional fee return): only the
  // refunds need time order, so only they are sorted.
  const refundedBefore = new Map<number, Fen>();
  const runningTotal = new Map<number, Fen>();
  const refunds = txns
    .filter((t) => t.txnType === 'refund' && t.status === 'success' && t.origRefNo !== null)
    .sort((a, b) => cmp(a.txnTime, b.txnTime) || a.id - b.id);
  for (const r of refunds) {
    const orig = originalOf(byRef, r);
    if (!orig) continue;
    const before = runningTotal.get(orig.id) ?? ZERO_FEN;
    refundedBefore.set(r.id, before);
    runningTotal.set(orig.id, fen(before + r.amountFen));
  }
  const out: FeeCheck[] = [];
  for (const t of txns) {
    if (!inScope(t) || voided.has(t.id)) continue;
    const orig = t.txnType === 'void' || t.txnType === 'refund' ? originalOf(byRef, t) : null;
    const ctx: FeeContext = orig
      ? {
          original: { txn: { ...orig, feeFen: chargedFee(orig) }, version: versionFor(orig) },
          refundedBeforeFen: refundedBefore.get(t.id) ?? ZERO_FEN,
        }
      : NO_CONTEXT;
    const version = versionFor(t);
    const right = orig ? null : rightCharge(t, version);
    if (right) {
      out.push(right);
      continue;
    }
    const expected = expectedFee(t, version, ctx);
    const actualFen = chargedFee(t);
    const deltaFen =
      actualFen === null || expected.expectedFen === null ? null : subFen(actualFen, expected.expectedFen);
    const ok =
      deltaFen === null || deltaFen === 0 || expected.alternatives.some((alt) => alt.feeFen === actualFen);
    const { expectedFen } = expected;
    out.push({
      txn: t,
      version,
      expected,
      expectedFen,
      ruleId: expected.calc?.ruleId ?? null,
      actualFen,
      deltaFen,
      ok,
    });
  }
  return out;
}
