/**
 * Builds POS rows and bank lines for engine tests, with fees computed by an independent BigInt
 * reference of the Lakala standard card (not by the engine under test), so a clean month is clean by
 * construction and each injected fault has a known answer.
 */
import { fen, type Fen } from '../../../shared/money';
import type { StoredBankLine, StoredPosTxn } from '../../../shared/domain/reconcile';
import { addDays, weekday } from '../../../shared/domain/local-date';
import type { CardKind, Channel } from '../../../shared/domain/types';

/** Reference fee: amount × (bp / 100) % rounded half-up, by integer arithmetic only. Unit: fen. */
export function refFeeHalfUp(amountFen: number, rateHundredthsOfPercent: number): number {
  const a = BigInt(amountFen);
  const r = BigInt(rateHundredthsOfPercent);
  // amount × r / 10000, half-up for positive values: floor((2·a·r + 10000) / 20000).
  return Number((2n * a * r + 10000n) / 20000n);
}

/** The Lakala standard card, by hand: credit 0.60, debit 0.50 cap ¥25, WeChat/Alipay 0.38, UnionPay QR 0.60. */
export function lakalaFee(channel: Channel, cardKind: CardKind, amountFen: number): number {
  if (channel === 'wechat' || channel === 'alipay') return refFeeHalfUp(amountFen, 38);
  if (channel === 'unionpay_qr') return refFeeHalfUp(amountFen, 60);
  if (cardKind === 'debit') return Math.min(2500, refFeeHalfUp(amountFen, 50));
  return refFeeHalfUp(amountFen, 60);
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing month can be rebuilt from its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class MonthBuilder {
  readonly txns: StoredPosTxn[] = [];
  readonly bank: StoredBankLine[] = [];
  private nextRef = 1;
  private nextBank = 1;

  constructor(
    readonly merchantNo = '822290058120123',
    readonly terminalId = 'T0000001',
  ) {}

  /** A successful sale charged the contract's fee unless `fee` says otherwise. */
  sale(
    time: string,
    amountFen: number,
    channel: Channel = 'card',
    cardKind: CardKind = channel === 'card' ? 'credit' : 'unknown',
    extra: Partial<StoredPosTxn> = {},
  ): StoredPosTxn {
    const feeFen = extra.feeFen ?? fen(lakalaFee(channel, cardKind, amountFen));
    const status = extra.status ?? 'success';
    const t: StoredPosTxn = {
      id: this.txns.length + 1,
      merchantNo: this.merchantNo,
      terminalId: this.terminalId,
      txnTime: time,
      cardNo: channel === 'card' ? `622848******${String(1000 + (this.nextRef % 9000))}` : null,
      cardKind,
      channel,
      txnType: 'sale',
      status,
      amountFen: fen(amountFen),
      feeFen,
      settleFen: status === 'failed' ? fen(0 - feeFen) : fen(amountFen - feeFen),
      settleDate: null,
      refNo: String(258000000000 + this.nextRef++),
      origRefNo: null,
      traceNo: null,
      batchNo: '000001',
      ...extra,
    };
    this.txns.push(t);
    return t;
  }

  /** A void of `sale` that returns its fee (feeFen negative) unless `feeFen` says otherwise. */
  void(time: string, sale: StoredPosTxn, feeFen: Fen = fen(0 - (sale.feeFen ?? 0))): StoredPosTxn {
    return this.reverseOf('void', time, sale, sale.amountFen, feeFen);
  }

  /** A refund of `amountFen` of `sale`; under the default policy no fee comes back. */
  refund(time: string, sale: StoredPosTxn, amountFen: number, feeFen: Fen = fen(0)): StoredPosTxn {
    return this.reverseOf('refund', time, sale, fen(amountFen), feeFen);
  }

  private reverseOf(type: 'void' | 'refund', time: string, sale: StoredPosTxn, amountFen: Fen, feeFen: Fen) {
    const t: StoredPosTxn = {
      ...sale,
      id: this.txns.length + 1,
      txnTime: time,
      txnType: type,
      amountFen,
      feeFen,
      settleFen: fen(0 - amountFen - feeFen),
      refNo: String(258000000000 + this.nextRef++),
      origRefNo: sale.refNo,
    };
    this.txns.push(t);
    return t;
  }

  credit(
    time: string,
    amountFen: number,
    counterparty = '拉卡拉支付股份有限公司',
    summary = 'POS结算',
  ): StoredBankLine {
    return this.line(time, amountFen, 0, counterparty, summary);
  }

  debit(time: string, amountFen: number, counterparty: string, summary: string): StoredBankLine {
    return this.line(time, 0, amountFen, counterparty, summary);
  }

  private line(time: string, credit: number, debit: number, counterparty: string, summary: string) {
    const l: StoredBankLine = {
      id: this.nextBank++,
      txnTime: time,
      creditFen: fen(credit),
      debitFen: fen(debit),
      balanceFen: null,
      counterparty,
      counterpartyAccount: null,
      summary,
      currency: 'CNY',
    };
    this.bank.push(l);
    return l;
  }

  /** Sum of settlement amounts of the rows made on `day`, in fen. */
  settledOn(day: string): number {
    return this.txns.filter((t) => t.txnTime.startsWith(day)).reduce((s, t) => s + (t.settleFen ?? 0), 0);
  }

  /** Under gross settlement (全额结算): the full amounts of the rows made on `day`, fees aside. */
  grossOn(day: string): number {
    return this.txns
      .filter((t) => t.txnTime.startsWith(day) && t.status === 'success')
      .reduce((s, t) => s + (t.txnType === 'sale' ? t.amountFen : 0 - t.amountFen), 0);
  }

  /** The fees charged on the rows whose time starts with `prefix` (a day or a month), in fen. */
  feesOf(prefix: string): number {
    return this.txns.filter((t) => t.txnTime.startsWith(prefix)).reduce((s, t) => s + (t.feeFen ?? 0), 0);
  }

  /**
   * Pays every day's settlement on D+1 as the acquirer does. With `weekendAsOne`, Saturday's and
   * Sunday's settlements wait for Monday and arrive with Monday's as ONE credit.
   */
  payDPlus1(days: readonly string[], weekendAsOne = false, basis: 'net' | 'gross' = 'net'): void {
    let carried = 0;
    for (const day of days) {
      const due = addDays(day, 1);
      const amount = carried + (basis === 'gross' ? this.grossOn(day) : this.settledOn(day));
      const wd = weekday(due);
      if (weekendAsOne && (wd === 6 || wd === 0)) {
        carried = amount;
        continue;
      }
      carried = 0;
      if (amount !== 0) this.credit(`${due} 05:00:00`, amount);
    }
  }
}

/** Every date of a month: monthDays('2026-08') → ['2026-08-01', …, '2026-08-31']. */
export function monthDays(month: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * A clean month: sales on every channel and amount size (half-fen ties, capped debit cards, the ¥1,000
 * QR boundary), a void that returns its fee, refunds without fee back, a failed sale that costs
 * nothing, rent and power bills, and D+1 credits (weekends optionally paid as one credit on Monday).
 */
export function cleanMonth(
  seed: number,
  weekendAsOne = true,
  beforePaying: (b: MonthBuilder) => void = () => undefined,
  basis: 'net' | 'gross' = 'net',
): MonthBuilder {
  const r = rng(seed);
  const b = new MonthBuilder();
  const days = monthDays('2026-08');
  const channels: [Channel, CardKind][] = [
    ['card', 'credit'],
    ['card', 'debit'],
    ['wechat', 'unknown'],
    ['alipay', 'unknown'],
    ['unionpay_qr', 'unknown'],
  ];
  days.forEach((day, i) => {
    let minute = 8 * 60;
    const at = () => {
      minute += 5 + Math.floor(r() * 20);
      return `${day} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    };
    const n = 8 + Math.floor(r() * 8);
    for (let k = 0; k < n; k++) {
      const [ch, kind] = channels[Math.floor(r() * channels.length)] ?? ['card', 'credit'];
      const size = r();
      const amount =
        size < 0.1 ? 1750 : size < 0.15 ? 853000 + Math.floor(r() * 500000) : 100 + Math.floor(r() * 60000);
      b.sale(at(), amount, ch, kind);
    }
    if (i % 7 === 2) b.void(at(), b.sale(at(), 4739, 'card', 'credit'));
    if (i % 9 === 4) {
      const sale = b.sale(at(), 20000, 'wechat');
      b.refund(at(), sale, 5000);
    }
    if (i % 11 === 5) b.sale(at(), 3712, 'card', 'credit', { status: 'failed', feeFen: fen(0) });
    if (i % 10 === 1) b.debit(`${day} 16:00:00`, 59897, '国网某供电公司', '电费');
  });
  beforePaying(b);
  b.payDPlus1(days, weekendAsOne, basis);
  return b;
}
