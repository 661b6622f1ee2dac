/**
 * The merchant's rate card: what each transaction should cost. A card has versions (a new contract,
 * a promotion) that take effect on a date; each version has ordered rules, a rounding mode and a
 * refund-fee policy. The JSON form (docs/RATE-CARD.md) is what `feetrail rates set --file` reads;
 * amounts in it are yuan strings ("25.00") because people write that file by hand.
 */
import { z } from 'zod';
import { fenToYuanString, parseMoney, parseRate, ROUNDING_MODES } from '../money';
import type { Fen, RatePercent, RoundingMode } from '../money';
import { isLocalDate } from './local-date';
import { CARD_KINDS, CHANNELS, TXN_TYPES } from './types';
import type { CardKind, Channel, LocalDate, TxnType } from './types';
import { cmp } from './text-order';

export const REFUND_FEE_POLICIES = ['none', 'full', 'proportional'] as const;
/**
 * Whether a refund (退货) gives the fee back. `none` (default, the common contract): nothing back.
 * `full`: the refunded amount's own fee comes back, computed with the original sale's rule as if the
 * refund were a sale of that amount. `proportional`: fee back = fee(original) − fee(original − refunded),
 * cumulative over partial refunds, which stays right under caps and minimums.
 */
export type RefundFeePolicy = (typeof REFUND_FEE_POLICIES)[number];

/**
 * One pricing rule. A transaction takes the FIRST rule of the version that matches it. A criterion
 * left null matches anything. The amount range is inclusive at both ends (min ≤ amount ≤ max), so
 * "UnionPay QR up to ¥1,000" is `maxAmountFen: 100000` and the next rule catches the rest.
 * Fee = round(amount × ratePercent %), then raised to `minFen`, then limited to `capFen`, then plus
 * `fixedFen` (a per-transaction charge such as instant settlement stays outside the cap).
 */
export type RateRule = {
  /** Stable id within the version ("credit", "debit", "wechat"…), used in findings. */
  id: string;
  /** What the user calls it ("信用卡"); shown in sentences. */
  label: string;
  channels: Channel[] | null;
  cardKinds: CardKind[] | null;
  /** Which transaction types the rule prices; ['sale'] by default (voids and refunds follow the policy). */
  txnTypes: TxnType[];
  minAmountFen: Fen | null;
  maxAmountFen: Fen | null;
  ratePercent: RatePercent;
  capFen: Fen | null;
  minFen: Fen | null;
  fixedFen: Fen | null;
};

export type RateCardVersion = {
  /** First day (inclusive) this version applies, by transaction date. */
  effectiveFrom: LocalDate;
  rounding: RoundingMode;
  refundFeePolicy: RefundFeePolicy;
  rules: RateRule[];
  note: string | null;
};

/** Which rows a card applies to; null fields match any. A terminal-specific card beats a merchant one. */
export type RateCardScope = { merchantNo: string | null; terminalId: string | null };

export type RateCard = {
  name: string;
  scope: RateCardScope | null;
  versions: RateCardVersion[];
};

// ---------- JSON format (zod) ----------

const yuanAmount = z.union([z.string(), z.number()]).transform((v, ctx): Fen => {
  const r = parseMoney(v);
  if (!r.ok || r.value === null || r.value < 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a yuan amount ≥ 0 such as "25.00", got ${JSON.stringify(v)}`,
    });
    return z.NEVER;
  }
  return r.value;
});

const ratePercent = z.union([z.string(), z.number()]).transform((v, ctx): RatePercent => {
  const r = parseRate(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `expected a rate in percent such as "0.60": ${r.reason}` });
    return z.NEVER;
  }
  return r.value;
});

function oneOrMany<T extends readonly [string, ...string[]]>(values: T) {
  const e = z.enum(values);
  return z.union([e, z.array(e).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));
}

const localDate = z.string().refine(isLocalDate, { message: 'expected a date YYYY-MM-DD' });

export const rateRuleJsonSchema = z
  .object({
    id: z.string().min(1).max(40),
    label: z.string().max(80).optional(),
    channel: oneOrMany(CHANNELS).optional(),
    cardKind: oneOrMany(CARD_KINDS).optional(),
    txnType: oneOrMany(TXN_TYPES).optional(),
    amountMin: yuanAmount.optional(),
    amountMax: yuanAmount.optional(),
    ratePercent,
    cap: yuanAmount.optional(),
    min: yuanAmount.optional(),
    fixed: yuanAmount.optional(),
  })
  .strict()
  .refine((r) => r.amountMin === undefined || r.amountMax === undefined || r.amountMin <= r.amountMax, {
    message: 'amountMin is above amountMax',
  })
  .refine((r) => r.cap === undefined || r.min === undefined || r.min <= r.cap, {
    message: 'min is above cap',
  });

export const rateCardVersionJsonSchema = z
  .object({
    effectiveFrom: localDate,
    rounding: z.enum(ROUNDING_MODES).default('half_up'),
    refundFeePolicy: z.enum(REFUND_FEE_POLICIES).default('none'),
    rules: z.array(rateRuleJsonSchema),
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((v) => new Set(v.rules.map((r) => r.id)).size === v.rules.length, {
    message: 'rule ids must be unique',
  });

export const rateCardJsonSchema = z
  .object({
    name: z.string().min(1).max(80),
    scope: z
      .object({ merchantNo: z.string().min(1).nullish(), terminalId: z.string().min(1).nullish() })
      .strict()
      .nullish(),
    versions: z.array(rateCardVersionJsonSchema).min(1),
  })
  .strict()
  .refine((c) => new Set(c.versions.map((v) => v.effectiveFrom)).size === c.versions.length, {
    message: 'two versions take effect on the same day',
  });

/** The rate card JSON as written in a file (see docs/RATE-CARD.md). */
export type RateCardJson = z.input<typeof rateCardJsonSchema>;

/** Validates a parsed JSON value as a rate card; errors come back as data with a path per problem. */
export function parseRateCardJson(
  json: unknown,
): { ok: true; value: RateCard } | { ok: false; issues: { path: string; message: string }[] } {
  const r = rateCardJsonSchema.safeParse(json);
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const c = r.data;
  const scope =
    c.scope && (c.scope.merchantNo || c.scope.terminalId)
      ? { merchantNo: c.scope.merchantNo ?? null, terminalId: c.scope.terminalId ?? null }
      : null;
  return {
    ok: true,
    value: {
      name: c.name,
      scope,
      versions: [...c.versions]
        .sort((a, b) => cmp(a.effectiveFrom, b.effectiveFrom))
        .map((v) => ({
          effectiveFrom: v.effectiveFrom,
          rounding: v.rounding,
          refundFeePolicy: v.refundFeePolicy,
          note: v.note ?? null,
          rules: v.rules.map((r) => ({
            id: r.id,
            label: r.label ?? r.id,
            channels: r.channel ?? null,
            cardKinds: r.cardKind ?? null,
            txnTypes: r.txnType ?? ['sale'],
            minAmountFen: r.amountMin ?? null,
            maxAmountFen: r.amountMax ?? null,
            ratePercent: r.ratePercent,
            capFen: r.cap ?? null,
            minFen: r.min ?? null,
            fixedFen: r.fixed ?? null,
          })),
        })),
    },
  };
}

/** The JSON form of a card (what `feetrail rates show` prints); `parseRateCardJson` reads it back equal. */
export function rateCardToJson(card: RateCard): RateCardJson {
  const one = <T>(v: T[] | null): T | T[] | undefined => (v === null ? undefined : v.length === 1 ? v[0] : v);
  const yuan = (f: Fen | null): string | undefined => (f === null ? undefined : fenToYuanString(f));
  return {
    name: card.name,
    ...(card.scope
      ? { scope: { merchantNo: card.scope.merchantNo, terminalId: card.scope.terminalId } }
      : {}),
    versions: card.versions.map((v) => ({
      effectiveFrom: v.effectiveFrom,
      rounding: v.rounding,
      refundFeePolicy: v.refundFeePolicy,
      ...(v.note === null ? {} : { note: v.note }),
      rules: v.rules.map((r) =>
        dropUndefined({
          id: r.id,
          label: r.label,
          channel: one(r.channels),
          cardKind: one(r.cardKinds),
          txnType: r.txnTypes.length === 1 && r.txnTypes[0] === 'sale' ? undefined : one(r.txnTypes),
          amountMin: yuan(r.minAmountFen),
          amountMax: yuan(r.maxAmountFen),
          ratePercent: r.ratePercent,
          cap: yuan(r.capFen),
          min: yuan(r.minFen),
          fixed: yuan(r.fixedFen),
        }),
      ),
    })),
  };
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
