/** Values of the POS columns as exports print them, mapped by the alias tables without the user. */
import { describe, expect, test } from 'vitest';
import { lookupValue } from '../../shared/import/value-maps';

describe('value aliases', () => {
  test('channels: a card kind or a phone wallet in the channel column is a card; QR words stay QR', () => {
    const cases: [string, string][] = [
      ['信用卡', 'card'],
      ['借记卡', 'card'],
      ['银联卡', 'card'],
      ['IC卡', 'card'],
      ['银联', 'card'],
      ['POS', 'card'],
      ['Apple Pay', 'card'],
      ['华为Pay', 'card'],
      ['HuaweiPay', 'card'],
      ['手机闪付', 'card'],
      ['银联二维码', 'unionpay_qr'],
      ['银联条码', 'unionpay_qr'],
      ['银联云闪付', 'unionpay_qr'],
      ['云闪付', 'unionpay_qr'],
      ['微信支付', 'wechat'],
      ['Alipay', 'alipay'],
    ];
    for (const [text, code] of cases) expect([text, lookupValue('channel', text)]).toEqual([text, code]);
  });

  test('types and statuses of QR and card exports', () => {
    expect(lookupValue('txnType', '扫码支付')).toBe('sale');
    expect(lookupValue('txnType', '付款码收款')).toBe('sale');
    expect(lookupValue('txnType', '支付撤销')).toBe('void');
    expect(lookupValue('txnType', '扫码退款')).toBe('refund');
    expect(lookupValue('txnType', '收款冲正')).toBe('reversal');
    for (const ok of ['正常', '已完成', '已支付', '支付完成', '已清算', '已入账', 'Approved', 'Succeeded'])
      expect([ok, lookupValue('status', ok)]).toEqual([ok, 'success']);
    for (const bad of ['Declined', 'Rejected', '支付失败', '交易不成功'])
      expect([bad, lookupValue('status', bad)]).toEqual([bad, 'failed']);
    // Still asked: words that say nothing about the money.
    expect(lookupValue('status', '处理中')).toBeNull();
    expect(lookupValue('channel', '数字人民币')).toBeNull();
  });
});
