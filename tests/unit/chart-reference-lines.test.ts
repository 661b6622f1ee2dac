import { describe, expect, it } from 'vitest';
import { referenceRates } from '../../renderer/src/charts/chart-data';

describe('the rate chart’s reference lines', () => {
  it('draw one line per contracted rate held over the whole range, for every channel at that rate', () => {
    const contracts = new Map([
      ['card', ['0.5000', '0.6000']],
      ['wechat', ['0.3800']],
      ['alipay', ['0.38']],
      ['unionpay_qr', ['0.6000']],
    ]);
    expect(referenceRates(['card', 'wechat', 'alipay', 'unionpay_qr'], contracts)).toEqual([
      { rate: '0.3800', channels: ['wechat', 'alipay'] },
      { rate: '0.6000', channels: ['unionpay_qr'] },
    ]);
  });

  it('draw none for a channel whose rate changes (a step instead) or that has no rate', () => {
    const contracts = new Map([
      ['card', ['0.5000', '0.6000']],
      ['wechat', [] as string[]],
    ]);
    expect(referenceRates(['card', 'wechat'], contracts)).toEqual([]);
  });
});
