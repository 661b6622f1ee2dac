/**
 * The expected fee of one POS row under the rate card version in force on its day.
 *
 * Sign convention (the same as PosTxn.feeFen): a fee is what the row charges the merchant; a negative
 * fee is a fee given back (a void returning its sale's fee, a refund under a refund-fee policy).
 */
import { fen, formatFen, negFen, subFen, ZERO_FEN, type Fen } from '../money';
import { calcSentenceEn, calcSentenceZh, ruleFee, type FeeCalc } from './fee-calc';
import type { RateCardVersion, RateRule, RefundFeePolicy } from './rate-card';
import { matchRule } from './rate-card-match';
import type { PosTxn } from './types';

/** The fields of a POS row the fee engine reads. */
export type FeeTxn = Pick<PosTxn, 'channel' | 'cardKind' | 'txnType' | 'status' | 'amountFen' | 'feeFen'>;

/** The sale a void or refund undoes, with the card version in force on the sale's day. */
export type OriginalSale = { txn: FeeTxn; version: RateCardVersion | null };

export type FeeContext = {
  /** For a void or refund: its original sale (found by 原参考号), or null when it is not in the book. */
  original?: OriginalSale | null;
  /** For a refund: what earlier refunds of the same sale already refunded, in fen (proportional policy). */
  refundedBeforeFen?: Fen;
};

export type ExpectedFeeBasis =
  | 'rule' // a sale priced by a rule
  | 'failed' // a failed transaction costs nothing
  | 'reversal' // a reversal (冲正) costs nothing
  | 'void' // a void returns its sale's fee
  | 'refund' // a refund under the refund-fee policy
  | 'no_rule' // the card has no rule for this transaction: not checked
  | 'no_original'; // a proportional refund whose sale is not in the book: not checked

export type ExpectedFee = {
  /** Expected fee in fen (negative = a fee returned), or null when it cannot be known. */
  expectedFen: Fen | null;
  basis: ExpectedFeeBasis;
  /** The rule arithmetic: the sale's, or for a void/refund the fee being returned. */
  calc: FeeCalc | null;
  /** For a card of unknown kind: fees under the other card-kind rules, also accepted as correct. */
  alternatives: readonly FeeCalc[];
  /** For a proportional refund: fee(original − refunded before) and fee(original − refunded after). */
  steps: readonly FeeCalc[];
  refundFeePolicy: RefundFeePolicy | null;
  zh: string;
  en: string;
};

/**
 * Expected fee of `txn` (in fen) with the arithmetic behind it. `version` is the card version in force
 * on the transaction's day (null: no card, nothing checked). Voids and refunds need `ctx.original`.
 */
export function expectedFee(txn: FeeTxn, version: RateCardVersion | null, ctx: FeeContext = {}): ExpectedFee {
  if (txn.status === 'failed') {
    return fixed(
      ZERO_FEN,
      'failed',
      '失败交易不应收取手续费 → 应收 ¥0.00',
      'A failed transaction costs nothing → expected ¥0.00',
    );
  }
  if (txn.txnType === 'reversal') {
    return fixed(
      ZERO_FEN,
      'reversal',
      '冲正交易不应收取手续费 → 应收 ¥0.00',
      'A reversal costs nothing → expected ¥0.00',
    );
  }
  if (txn.txnType === 'void') return voidFee(txn, version, ctx);
  if (txn.txnType === 'refund') return refundFee(txn, version, ctx);
  return saleFee(txn, version);
}

function fixed(value: Fen, basis: ExpectedFeeBasis, zh: string, en: string): ExpectedFee {
  return {
    expectedFen: value,
    basis,
    calc: null,
    alternatives: [],
    steps: [],
    refundFeePolicy: null,
    zh,
    en,
  };
}

function unchecked(basis: ExpectedFeeBasis, zh: string, en: string): ExpectedFee {
  return { expectedFen: null, basis, calc: null, alternatives: [], steps: [], refundFeePolicy: null, zh, en };
}

/** The fee a sale of this kind and amount costs under `version` (null when no rule prices it). */
function saleCalc(txn: FeeTxn, version: RateCardVersion, amountFen: Fen): FeeCalc | null {
  const rule = matchRule(version, {
    channel: txn.channel,
    cardKind: txn.cardKind,
    txnType: 'sale',
    amountFen,
  });
  return rule ? ruleFee(rule, amountFen, version.rounding) : unknownKindCalc(txn, version, amountFen);
}

/**
 * No rule for a card of unknown kind: price it at the highest card-kind rule, so FeeTrail never claims
 * an overcharge that a debit/credit reading of the same row would not support.
 */
function unknownKindCalc(txn: FeeTxn, version: RateCardVersion, amountFen: Fen): FeeCalc | null {
  if (txn.cardKind !== 'unknown') return null;
  return kindCandidates(txn, version, amountFen, null).reduce<FeeCalc | null>(
    (best, c) => (best === null || c.feeFen > best.feeFen ? c : best),
    null,
  );
}

/**
 * The fees of the sale read as a debit and as a credit card. A rule that is `known` (the one already
 * priced) gives `known` again rather than being priced twice: a QR payment's one rule matches both
 * readings, and half of a year's rows are QR payments.
 */
function kindCandidates(
  txn: FeeTxn,
  version: RateCardVersion,
  amountFen: Fen,
  known: { rule: RateRule; calc: FeeCalc } | null,
): FeeCalc[] {
  const out: FeeCalc[] = [];
  for (const cardKind of ['debit', 'credit'] as const) {
    const rule = matchRule(version, { channel: txn.channel, cardKind, txnType: 'sale', amountFen });
    if (rule) out.push(rule === known?.rule ? known.calc : ruleFee(rule, amountFen, version.rounding));
  }
  return out;
}

/** No arithmetic: one shared empty list, not a new one for each of a year's rows. */
const NONE: readonly FeeCalc[] = Object.freeze([]);

/** A sale priced by a rule. Sentences are built on first read: a year of rows is checked, only the wrong ones are explained. */
class RuleFee implements ExpectedFee {
  readonly expectedFen: Fen;
  readonly basis = 'rule' as const;
  readonly steps = NONE;
  readonly refundFeePolicy = null;
  constructor(
    readonly calc: FeeCalc,
    readonly alternatives: readonly FeeCalc[],
  ) {
    this.expectedFen = calc.feeFen;
  }
  get zh(): string {
    return calcSentenceZh(this.calc);
  }
  get en(): string {
    return calcSentenceEn(this.calc);
  }
}

function saleFee(txn: FeeTxn, version: RateCardVersion | null): ExpectedFee {
  if (version) {
    const amountFen = txn.amountFen;
    const rule = matchRule(version, {
      channel: txn.channel,
      cardKind: txn.cardKind,
      txnType: 'sale',
      amountFen,
    });
    const calc = rule ? ruleFee(rule, amountFen, version.rounding) : unknownKindCalc(txn, version, amountFen);
    if (calc) {
      const alternatives =
        txn.cardKind === 'unknown'
          ? kindCandidates(txn, version, amountFen, rule ? { rule, calc } : null).filter(
              (c) => c.feeFen !== calc.feeFen,
            )
          : NONE;
      return new RuleFee(calc, alternatives);
    }
  }
  return unchecked(
    'no_rule',
    '费率卡中没有适用于此交易的规则，未核对',
    'No rule of the rate card prices this transaction; not checked',
  );
}

function voidFee(txn: FeeTxn, version: RateCardVersion | null, ctx: FeeContext): ExpectedFee {
  const orig = ctx.original ?? null;
  // A void cancels the sale outright, so the fee actually charged on it is what must come back.
  if (orig && orig.txn.feeFen !== null) {
    const back = orig.txn.feeFen;
    return {
      ...fixed(
        negFen(back),
        'void',
        `撤销交易应退回原消费手续费 ${formatFen(back)} → 应收 ${formatFen(negFen(back))}`,
        `A void returns its sale's fee of ${formatFen(back)} → expected ${formatFen(negFen(back))}`,
      ),
    };
  }
  const v = orig?.version ?? version;
  const calc = v ? saleCalc(orig?.txn ?? txn, v, orig?.txn.amountFen ?? txn.amountFen) : null;
  if (!calc) {
    return unchecked(
      'no_rule',
      '找不到原消费的费率规则，未核对',
      'No rule prices the voided sale; not checked',
    );
  }
  return {
    expectedFen: negFen(calc.feeFen),
    basis: 'void',
    calc,
    alternatives: [],
    steps: [],
    refundFeePolicy: null,
    zh: `撤销交易应退回原消费手续费：${calcSentenceZh(calc)}，退回 ${formatFen(negFen(calc.feeFen))}`,
    en: `A void returns its sale's fee: ${calcSentenceEn(calc)}, returned as ${formatFen(negFen(calc.feeFen))}`,
  };
}

function refundFee(txn: FeeTxn, version: RateCardVersion | null, ctx: FeeContext): ExpectedFee {
  const orig = ctx.original ?? null;
  // The policy of the contract in force when the refund happens; the pricing rule of the sale's day.
  const policy = version?.refundFeePolicy ?? orig?.version?.refundFeePolicy ?? 'none';
  if (policy === 'none') {
    return {
      ...fixed(
        ZERO_FEN,
        'refund',
        '按合同退货不退手续费 → 应收 ¥0.00',
        'Under the contract a refund returns no fee → expected ¥0.00',
      ),
      refundFeePolicy: policy,
    };
  }
  const pricing = orig?.version ?? version;
  const priced = orig?.txn ?? txn;
  if (!pricing) return unchecked('no_rule', '没有适用的费率卡，未核对', 'No rate card applies; not checked');
  if (policy === 'full') {
    const calc = saleCalc(priced, pricing, txn.amountFen);
    if (!calc)
      return unchecked(
        'no_rule',
        '找不到原消费的费率规则，未核对',
        'No rule prices the refunded sale; not checked',
      );
    const back = negFen(calc.feeFen);
    return {
      expectedFen: back,
      basis: 'refund',
      calc,
      alternatives: [],
      steps: [],
      refundFeePolicy: policy,
      zh: `退货按合同退回退货金额的手续费：${calcSentenceZh(calc)}，退回 ${formatFen(back)}`,
      en: `Under the contract a refund returns the fee of the refunded amount: ${calcSentenceEn(calc)}, returned as ${formatFen(back)}`,
    };
  }
  if (!orig) {
    return unchecked(
      'no_original',
      '找不到原消费交易，无法按比例核对退货手续费',
      'The refunded sale is not in the book; the proportional fee cannot be checked',
    );
  }
  const before = ctx.refundedBeforeFen ?? ZERO_FEN;
  const remainingBefore = fen(Math.max(0, orig.txn.amountFen - before));
  const remainingAfter = fen(Math.max(0, remainingBefore - txn.amountFen));
  const a = saleCalc(priced, pricing, remainingBefore);
  const b = saleCalc(priced, pricing, remainingAfter);
  if (!a || !b)
    return unchecked(
      'no_rule',
      '找不到原消费的费率规则，未核对',
      'No rule prices the refunded sale; not checked',
    );
  const back = negFen(subFen(a.feeFen, b.feeFen));
  return {
    expectedFen: back,
    basis: 'refund',
    calc: a,
    alternatives: [],
    steps: [a, b],
    refundFeePolicy: policy,
    zh: `退货按比例退回手续费：退货前 ${calcSentenceZh(a)}；退货后 ${calcSentenceZh(b)}；退回 ${formatFen(back)}`,
    en: `Proportional fee back: before the refund ${calcSentenceEn(a)}; after it ${calcSentenceEn(b)}; returned ${formatFen(back)}`,
  };
}
