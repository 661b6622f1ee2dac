/** Chinese names the reports print (the bookkeeper's words; the evidence pack keeps its own). */
import type { Channel } from '../../../shared/domain/types';

export const CHANNEL_ZH: Record<Channel, string> = {
  card: '银行卡',
  wechat: '微信',
  alipay: '支付宝',
  unionpay_qr: '银联二维码',
};

export function channelZh(c: string | null): string {
  return c !== null && c in CHANNEL_ZH ? CHANNEL_ZH[c as Channel] : '—';
}

export const KIND_ZH: Record<string, string> = {
  fee_overcharged: '多收手续费',
  fee_undercharged: '少收手续费',
  wrong_rate_class: '费率类别错误',
  cap_not_applied: '未执行封顶',
  fee_on_failed: '失败交易收费',
  void_fee_not_reversed: '撤销未退手续费',
  refund_fee_mismatch: '退货手续费不符',
  rate_raised: '费率被上调',
  per_txn_surcharge: '每笔附加费',
  settlement_missing: '结算未到账',
  settlement_mismatch: '结算金额不符',
  unmatched_acquirer_credit: '无法匹配的入账',
  unexpected_deduction: '不明扣款',
  duplicate_suspect: '疑似重复交易',
};

export const STATE_ZH: Record<string, string> = {
  open: '未处理',
  accepted: '已确认',
  dismissed: '已忽略',
  to_dispute: '待申诉',
  disputed: '申诉中',
  resolved: '已追回',
  rejected: '申诉被驳回',
};

export const DISPUTE_STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  under_review: '审核中',
  resolved: '已解决',
  rejected: '被驳回',
  withdrawn: '已撤回',
};

/** Finding kinds of the settlement reconciliation (余额调节表): money due against money received. */
export const SETTLEMENT_KINDS = new Set([
  'settlement_missing',
  'settlement_mismatch',
  'unmatched_acquirer_credit',
  'unexpected_deduction',
]);

export const FIGURE_HEADERS = {
  turnoverFen: '营业额',
  feesFen: '实收手续费',
  rate: '实际费率',
  expectedFen: '应收手续费',
  diffFen: '差额',
  recoveredFen: '已追回',
} as const;
