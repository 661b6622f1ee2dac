/**
 * Shared pieces for building findings: labels, the money tail of fee sentences, severities and
 * fingerprints. Sentences are built here (not in UI catalogues) because they carry the arithmetic.
 */
import { absFen, formatFen, negFen, type Fen } from '../../money';
import type { Channel } from '../types';
import type { FindingKind, Severity, StoredPosTxn } from './types';

export const CHANNEL_ZH: Record<Channel, string> = {
  card: '刷卡',
  wechat: '微信',
  alipay: '支付宝',
  unionpay_qr: '银联二维码',
};
export const CHANNEL_EN: Record<Channel, string> = {
  card: 'card',
  wechat: 'WeChat Pay',
  alipay: 'Alipay',
  unionpay_qr: 'UnionPay QR',
};

/** "；实收 ¥42.65；多收 ¥17.65" — what was charged (or returned) and the difference. */
export function feeTailZh(expectedFen: Fen, actualFen: Fen, deltaFen: Fen): string {
  if (expectedFen < 0) {
    const diff = deltaFen > 0 ? `少退 ${formatFen(deltaFen)}` : `多退 ${formatFen(absFen(deltaFen))}`;
    return `；实退 ${formatFen(negFen(actualFen))}；${diff}`;
  }
  const diff = deltaFen > 0 ? `多收 ${formatFen(deltaFen)}` : `少收 ${formatFen(absFen(deltaFen))}`;
  return `；实收 ${formatFen(actualFen)}；${diff}`;
}

/** "; charged ¥42.65; overcharged ¥17.65" */
export function feeTailEn(expectedFen: Fen, actualFen: Fen, deltaFen: Fen): string {
  if (expectedFen < 0) {
    const diff =
      deltaFen > 0
        ? `${formatFen(deltaFen)} not returned`
        : `${formatFen(absFen(deltaFen))} returned too much`;
    return `; returned ${formatFen(negFen(actualFen))}; ${diff}`;
  }
  const diff =
    deltaFen > 0 ? `overcharged ${formatFen(deltaFen)}` : `undercharged ${formatFen(absFen(deltaFen))}`;
  return `; charged ${formatFen(actualFen)}; ${diff}`;
}

/** Severity by kind and by who lost: money lost in bulk is high, one row medium, a gain low. */
export function severityOf(kind: FindingKind, deltaFen: Fen): Severity {
  if (kind === 'duplicate_suspect') return 'info';
  if (deltaFen <= 0) return 'low';
  if (
    kind === 'rate_raised' ||
    kind === 'per_txn_surcharge' ||
    kind === 'settlement_missing' ||
    kind === 'settlement_mismatch' ||
    kind === 'unexpected_deduction'
  ) {
    return 'high';
  }
  return 'medium';
}

/** A row's key for fingerprints: its 参考号 (stable across re-imports), else its book id. */
export function txnKey(t: StoredPosTxn): string {
  return t.refNo !== null ? `${t.merchantNo ?? ''}/${t.refNo}` : `#${t.id}`;
}

export function refNosOf(txns: readonly StoredPosTxn[]): string[] {
  return txns.flatMap((t) => (t.refNo === null ? [] : [t.refNo]));
}

/** One value when all are equal, else null (a finding over several terminals names none). */
export function common<T>(values: readonly T[]): T | null {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : null;
}
