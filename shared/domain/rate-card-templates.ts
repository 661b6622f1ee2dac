/**
 * Built-in rate cards a new book can start from, and the worked example the settings editor shows.
 * Rates are the usual Lakala small-merchant contract (see ../shared/DOMAIN.md: Who takes what).
 */
import { fen, formatFen, type Fen } from '../money';
import { ruleFee, type FeeCalc } from './fee-calc';
import type { RateCard, RateRule } from './rate-card';
import { matchRule } from './rate-card-match';
import type { CardKind, Channel } from './types';

/** Templates take effect from this date so they price any transaction a book can hold. */
export const TEMPLATE_EFFECTIVE_FROM = '2000-01-01';

function rule(
  id: string,
  label: string,
  channel: Channel,
  cardKinds: CardKind[] | null,
  ratePercent: string,
  extra: Partial<RateRule> = {},
): RateRule {
  return {
    id,
    label,
    channels: [channel],
    cardKinds,
    txnTypes: ['sale'],
    minAmountFen: null,
    maxAmountFen: null,
    ratePercent,
    capFen: null,
    minFen: null,
    fixedFen: null,
    ...extra,
  };
}

/**
 * Card rules shared by both Lakala templates. A card of unknown kind (the export left 卡类型 empty) is
 * priced like a credit card, uncapped: the dearer reading, so FeeTrail never claims an overcharge that
 * the card's real kind might not support; the fee check also accepts the debit-card fee for such rows.
 */
function lakalaCardRules(): RateRule[] {
  return [
    rule('debit', '借记卡', 'card', ['debit'], '0.50', { capFen: fen(2500) }),
    rule('credit', '贷记卡', 'card', ['credit'], '0.60'),
    rule('card_unknown', '刷卡（卡类型未知，按贷记卡）', 'card', ['unknown'], '0.60'),
    rule('wechat', '微信', 'wechat', null, '0.38'),
    rule('alipay', '支付宝', 'alipay', null, '0.38'),
  ];
}

export const RATE_CARD_TEMPLATE_IDS = ['lakala_standard', 'lakala_qr_tiered', 'blank'] as const;
export type RateCardTemplateId = (typeof RATE_CARD_TEMPLATE_IDS)[number];

/** A fresh copy of a built-in card (callers may edit it). "拉卡拉标准" is a new book's default. */
export function rateCardTemplate(id: RateCardTemplateId): RateCard {
  const version = (rules: RateRule[], note: string | null) => ({
    effectiveFrom: TEMPLATE_EFFECTIVE_FROM,
    rounding: 'half_up' as const,
    refundFeePolicy: 'none' as const,
    rules,
    note,
  });
  switch (id) {
    case 'lakala_standard':
      return {
        name: '拉卡拉标准',
        scope: null,
        versions: [
          version(
            [...lakalaCardRules(), rule('unionpay_qr', '银联二维码', 'unionpay_qr', null, '0.60')],
            '贷记卡 0.60%，借记卡 0.50% 封顶 ¥25，微信/支付宝 0.38%，银联二维码 0.60%',
          ),
        ],
      };
    case 'lakala_qr_tiered':
      return {
        name: '拉卡拉标准（云闪付千元以下优惠）',
        scope: null,
        versions: [
          version(
            [
              ...lakalaCardRules(),
              rule('unionpay_qr_small', '银联二维码 ¥1,000 及以下', 'unionpay_qr', null, '0.38', {
                maxAmountFen: fen(100000),
              }),
              rule('unionpay_qr', '银联二维码 ¥1,000 以上', 'unionpay_qr', null, '0.60'),
            ],
            '同拉卡拉标准，但银联二维码 ¥1,000 及以下 0.38%，以上 0.60%',
          ),
        ],
      };
    case 'blank':
      return { name: '空白费率卡', scope: null, versions: [version([], null)] };
  }
}

export type WorkedExample = {
  calc: FeeCalc | null;
  /** "¥10,000.00 贷记卡 → ¥60.00" */
  zh: string;
  /** "¥10,000.00 credit card → ¥60.00" */
  en: string;
};

const CHANNEL_EN: Record<Channel, string> = {
  card: 'card',
  wechat: 'WeChat Pay',
  alipay: 'Alipay',
  unionpay_qr: 'UnionPay QR',
};
const KIND_EN: Record<CardKind, string> = { debit: 'debit card', credit: 'credit card', unknown: 'card' };

/**
 * The live example under the rate editor: what the first version in `card` (or `version` index)
 * charges for one sale. Defaults to ¥10,000.00 on a credit card ("¥10,000.00 credit card → ¥60.00").
 */
export function workedExample(
  card: RateCard,
  q: { channel?: Channel; cardKind?: CardKind; amountFen?: Fen; versionIndex?: number } = {},
): WorkedExample {
  const channel = q.channel ?? 'card';
  const cardKind = q.cardKind ?? (channel === 'card' ? 'credit' : 'unknown');
  const amountFen = q.amountFen ?? fen(1_000_000);
  const version = card.versions[q.versionIndex ?? card.versions.length - 1];
  const rule = version ? matchRule(version, { channel, cardKind, txnType: 'sale', amountFen }) : null;
  const what = channel === 'card' ? KIND_EN[cardKind] : CHANNEL_EN[channel];
  if (!version || !rule) {
    return {
      calc: null,
      zh: `${formatFen(amountFen)} 没有适用的规则`,
      en: `${formatFen(amountFen)} ${what}: no rule applies`,
    };
  }
  const calc = ruleFee(rule, amountFen, version.rounding);
  return {
    calc,
    zh: `${formatFen(amountFen)} ${rule.label} → ${formatFen(calc.feeFen)}`,
    en: `${formatFen(amountFen)} ${what} → ${formatFen(calc.feeFen)}`,
  };
}
