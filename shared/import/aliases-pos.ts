/**
 * How POS exports (交易明细) name their columns and values. Acquirers and app versions differ, so every
 * list is ordered: an earlier alias is a stronger match, and when two columns could serve one field the
 * stronger one wins. Headers are compared after normaliseHeader (no spaces, ASCII brackets, no (元)).
 */
import type { CardKind, Channel, TxnStatus, TxnType } from '../domain/types';
import type { PosField } from './fields';

/** Settlement names that may instead mean what the customer paid; the data decides (mapping-content.ts). */
export const SETTLE_OR_PAID_HEADERS = ['实收金额'] as const;

export const POS_HEADER_ALIASES: Record<PosField, readonly string[]> = {
  merchantNo: ['商户号', '商户编号', '商户代码', '商户编码', '收单商户号', '商户号码', 'merchantno', 'mid'],
  terminalId: ['终端号', '终端编号', '终端代码', '终端号码', '终端id', '终端标识', 'terminalid', 'tid'],
  // 交易日期 before 交易时间: when an export has both, the first is the date and the second the time.
  date: ['交易日期时间', '交易日期', '交易时间', '日期', '交易发生时间', '支付时间', '订单时间', '清算时间'],
  time: ['交易时间', '时间', '交易时刻'],
  cardNo: ['卡号', '交易卡号', '银行卡号', '付款卡号', '卡号/账号', '主账号', 'cardno'],
  cardKind: ['卡类型', '卡种', '借贷标识', '卡性质', '卡类别', '卡别', '借贷记标识', '卡类型名称'],
  channel: [
    '支付方式',
    '交易方式',
    '支付渠道',
    '交易渠道',
    '支付类型',
    '付款方式',
    '渠道',
    '支付产品',
    '收款通道',
    '支付通道',
    '收款方式',
    '收款渠道',
    '交易通道',
    '支付工具',
  ],
  txnType: ['交易类型', '交易名称', '交易种类', '业务类型', '交易类别'],
  status: [
    '交易状态',
    '应答结果',
    '交易结果',
    '状态',
    '处理结果',
    '应答码描述',
    '应答描述',
    '订单状态',
    '支付状态',
  ],
  amount: ['交易金额', '金额', '订单金额', '消费金额', '交易本金'],
  fee: ['手续费', '商户手续费', '手续费金额', '交易手续费', '商户手续费金额'],
  settleAmount: [
    '结算金额',
    '清算金额',
    '入账金额',
    '应结算金额',
    '结算净额',
    '实际结算金额',
    '商户结算金额',
    // Money that reached the account (通联收银宝, 拉卡拉 apps): the same net amount under other words.
    '到账金额',
    '实际到账金额',
    '入账净额',
    // 实收金额 is the net settlement in some apps and what the customer paid in others (收钱吧 prints it
    // beside 结算金额): the weakest name, and a column whose every sale equals its amount is not taken
    // as the settlement (see mapping-content.ts settleOrPaid).
    ...SETTLE_OR_PAID_HEADERS,
  ],
  settleDate: ['结算日期', '清算日期', '入账日期', '结算日'],
  // After the 参考号 names, the platform's own id of a transaction, for exports that print no 参考号
  // (通联 交易流水号, QR aggregators' 订单号): the key of the row and of its void or refund. Never the
  // merchant's own order number (商户订单号), which walk-in payments leave empty.
  refNo: [
    '参考号',
    '系统参考号',
    '检索参考号',
    '交易参考号',
    '参考号码',
    '交易流水号',
    '平台流水号',
    '系统流水号',
    '交易单号',
    '订单号',
    '交易订单号',
    '平台订单号',
  ],
  origRefNo: [
    '原参考号',
    '原交易参考号',
    '原系统参考号',
    '原检索参考号',
    '原交易流水号',
    '原平台流水号',
    '原系统流水号',
    '原交易单号',
    '原订单号',
    '原交易订单号',
    '原平台订单号',
  ],
  traceNo: ['凭证号', '流水号', '终端流水号', 'pos流水号', '凭证号(流水号)', '终端凭证号', '凭证流水号'],
  batchNo: ['批次号', '批次', '终端批次号', '批次号码'],
};

/** Exact value aliases (normalised with normaliseValue). Checked before the keyword rules below. */
export const CARD_KIND_VALUES: Record<string, CardKind> = {
  借记卡: 'debit',
  储蓄卡: 'debit',
  借记: 'debit',
  借: 'debit',
  debit: 'debit',
  贷记卡: 'credit',
  信用卡: 'credit',
  准贷记卡: 'credit',
  贷记: 'credit',
  贷: 'credit',
  credit: 'credit',
  // Prepaid cards are neither; saying so is better than an error on every row (the fee check flags them).
  预付卡: 'unknown',
  预付费卡: 'unknown',
};

/** Keyword rules, first match wins. 准贷记卡 contains 贷记, so it lands on credit as it should. */
export const CARD_KIND_KEYWORDS: readonly (readonly [string, CardKind])[] = [
  ['借记', 'debit'],
  ['储蓄', 'debit'],
  ['贷记', 'credit'],
  ['信用', 'credit'],
];

export const CHANNEL_VALUES: Record<string, Channel> = {
  刷卡: 'card',
  插卡: 'card',
  挥卡: 'card',
  闪付: 'card',
  银行卡: 'card',
  磁条: 'card',
  磁条卡: 'card',
  ic: 'card',
  ic卡: 'card',
  芯片卡: 'card',
  nfc: 'card',
  非接: 'card',
  card: 'card',
  pos: 'card',
  quickpass: 'card',
  // Phone wallets pay with a tokenised bank card tapped on the terminal: a card transaction.
  applepay: 'card',
  huaweipay: 'card',
  samsungpay: 'card',
  mipay: 'card',
  华为pay: 'card',
  小米pay: 'card',
  三星pay: 'card',
  微信: 'wechat',
  wechat: 'wechat',
  weixin: 'wechat',
  支付宝: 'alipay',
  alipay: 'alipay',
  云闪付: 'unionpay_qr',
  银联二维码: 'unionpay_qr',
  unionpayqr: 'unionpay_qr',
};

/**
 * Keyword rules, first match wins. The UnionPay QR words come first because 云闪付 (an app, QR) contains
 * 闪付 (QuickPass, a contactless card tap).
 */
export const CHANNEL_KEYWORDS: readonly (readonly [string, Channel])[] = [
  ['云闪付', 'unionpay_qr'],
  ['银联二维码', 'unionpay_qr'],
  ['银联扫码', 'unionpay_qr'],
  ['银联码', 'unionpay_qr'],
  ['银联钱包', 'unionpay_qr'],
  ['银联条码', 'unionpay_qr'],
  ['微信', 'wechat'],
  ['财付通', 'wechat'],
  ['支付宝', 'alipay'],
  ['刷卡', 'card'],
  ['插卡', 'card'],
  ['挥卡', 'card'],
  ['闪付', 'card'],
  ['银行卡', 'card'],
  ['磁条', 'card'],
  ['芯片', 'card'],
  ['非接', 'card'],
  // A card kind written in the channel column (信用卡, 借记卡, 银联卡, IC卡), and 银联 alone (the card
  // network): after every QR word, so 银联二维码 and 云闪付 stay QR.
  ['卡', 'card'],
  ['银联', 'card'],
];

export const TXN_TYPE_VALUES: Record<string, TxnType> = {
  消费: 'sale',
  sale: 'sale',
  预授权完成: 'sale',
  撤销: 'void',
  消费撤销: 'void',
  void: 'void',
  退货: 'refund',
  退款: 'refund',
  refund: 'refund',
  // QR aggregators (收钱吧): an order cancelled before settlement, its money and fee given back.
  撤单: 'void',
  冲正: 'reversal',
  消费冲正: 'reversal',
  reversal: 'reversal',
};

/**
 * Transaction types that move no money: a pre-authorisation (a hold on the card, 预授权) and its
 * cancellation (预授权撤销), and inquiries (余额查询). 预授权完成 is the sale the hold became, and
 * 预授权完成撤销 its void, so a type naming 完成 is not one of these.
 */
export function movesNoMoney(normalisedType: string): boolean {
  return (
    (normalisedType.includes('预授权') && !normalisedType.includes('完成')) || normalisedType.includes('查询')
  );
}

/** Keyword rules, first match wins: 消费冲正 and 消费撤销 both contain 消费, so it comes last. */
export const TXN_TYPE_KEYWORDS: readonly (readonly [string, TxnType])[] = [
  ['冲正', 'reversal'],
  ['撤销', 'void'],
  ['撤单', 'void'],
  ['退货', 'refund'],
  ['退款', 'refund'],
  ['消费', 'sale'],
  // QR exports name a sale by what the customer did: 扫码支付, 付款码收款, 收款.
  ['支付', 'sale'],
  ['收款', 'sale'],
  ['付款', 'sale'],
];

export const STATUS_VALUES: Record<string, TxnStatus> = {
  成功: 'success',
  交易成功: 'success',
  已成功: 'success',
  支付成功: 'success',
  承兑或交易成功: 'success',
  正常: 'success',
  完成: 'success',
  已完成: 'success',
  已支付: 'success',
  支付完成: 'success',
  交易完成: 'success',
  已清算: 'success',
  已结算: 'success',
  已入账: 'success',
  success: 'success',
  succeeded: 'success',
  successful: 'success',
  approved: 'success',
  '00': 'success',
  失败: 'failed',
  交易失败: 'failed',
  支付失败: 'failed',
  fail: 'failed',
  failed: 'failed',
  failure: 'failed',
  declined: 'failed',
  rejected: 'failed',
};

/**
 * Keyword rules, first match wins: failure words first, because 不成功 contains 成功. A response text
 * (应答码描述) names why a card was declined (余额不足, 密码错误, 卡已过期…), and a QR order that was
 * never paid is closed (交易关闭, 订单已关闭, 未支付): no money moved. A status that tells what later
 * happened to a sale (已撤销, 已退款, 部分退款) is none of these: it is asked for, never guessed.
 */
export const STATUS_KEYWORDS: readonly (readonly [string, TxnStatus])[] = [
  ['失败', 'failed'],
  ['不成功', 'failed'],
  ['未成功', 'failed'],
  ['拒绝', 'failed'],
  ['超时', 'failed'],
  ['关闭', 'failed'],
  ['未支付', 'failed'],
  ['未付款', 'failed'],
  ['余额不足', 'failed'],
  ['密码错', 'failed'],
  ['过期', 'failed'],
  ['无效', 'failed'],
  ['受限', 'failed'],
  ['超限', 'failed'],
  ['超过限额', 'failed'],
  ['挂失', 'failed'],
  ['止付', 'failed'],
  ['冻结', 'failed'],
  ['成功', 'success'],
];

/**
 * Values FeeTrail asks about on purpose, with why: each could honestly mean either of two things, and
 * the preview says which to choose when. Matched as words within the normalised value.
 */
export const POS_VALUE_HINTS: readonly {
  field: 'status' | 'cardKind';
  words: readonly string[];
  zh: string;
  en: string;
}[] = [
  {
    // An order list's status tells what happened to the sale later (已撤销, 已退款, 部分退款).
    field: 'status',
    words: ['撤销', '撤单', '退款', '退货', '冲正'],
    zh: '这是这笔交易后来的结果，不是它当时是否成功：如果文件里另有对应的撤销/退款行，这一行是成功的消费，请选“成功”；如果没有，这份导出看不到退回的钱，请改导出逐笔交易流水（含撤销、退款行）再导入',
    en: 'this tells what later happened to the sale, not whether it went through: if the file also has the void or refund as a row of its own, this row is a sale that succeeded, so choose "success"; if not, this export does not show the money given back: export the transaction list with its voids and refunds instead',
  },
  {
    // Cards issued abroad (VISA, Mastercard…) are priced by a foreign-card contract of their own.
    field: 'cardKind',
    words: ['外卡', '境外', '国际卡', '外币', 'visa', 'master', '万事达', 'jcb', '运通', 'amex', '大莱'],
    zh: '境外发行的卡（外卡）通常按单独约定的外卡费率收费，而费率卡只有借记卡和贷记卡：选“贷记卡”按贷记卡费率核对，选“未知”按最高的卡费率核对，外卡费率更高时都会报多收',
    en: 'cards issued abroad are usually priced by a foreign-card rate of their own, and the rate card knows only debit and credit: "credit" checks them at the credit rate, "unknown" at the highest card rate, and either reports an overcharge where the foreign-card rate is higher',
  },
];
