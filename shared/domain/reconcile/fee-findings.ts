/**
 * Fee check, step 3: one finding per wrongly charged row that no pattern explained, classified by
 * what the charge looks like (a cap left out, another rule's price, a fee on a failed sale…).
 */
import type { Fen } from '../../money';
import { ruleFee, uncappedFee } from '../fee-calc';
import type { RateRule } from '../rate-card';
import { dateOf } from '../local-date';
import type { FeeCheck } from './fee-check';
import { feeTailEn, feeTailZh, severityOf, txnKey } from './finding';
import type { Finding, FindingDetails, FindingKind } from './types';

type Classified = { kind: FindingKind; chargedAs?: RateRule };

/** What kind of wrong charge a mismatched row is. */
export function classifyFee(check: FeeCheck): Classified {
  const { txn, expected, actualFen, deltaFen } = check;
  const delta = deltaFen ?? 0;
  if (txn.status === 'failed') return { kind: delta > 0 ? 'fee_on_failed' : 'fee_undercharged' };
  if (txn.txnType === 'void') return { kind: delta > 0 ? 'void_fee_not_reversed' : 'fee_undercharged' };
  if (txn.txnType === 'refund') return { kind: 'refund_fee_mismatch' };
  if (txn.txnType === 'sale' && expected.calc && check.version && actualFen !== null) {
    const version = check.version;
    const rule = version.rules.find((r) => r.id === expected.calc?.ruleId);
    if (rule && rule.capFen !== null && delta > 0) {
      if (uncappedFee(rule, txn.amountFen, version.rounding).feeFen === actualFen)
        return { kind: 'cap_not_applied' };
    }
    // Charged exactly what another rule of the card gives: the row was priced as the wrong class.
    for (const other of version.rules) {
      if (other.id === expected.calc.ruleId || !other.txnTypes.includes('sale')) continue;
      if (ruleFee(other, txn.amountFen, version.rounding).feeFen === actualFen) {
        return { kind: 'wrong_rate_class', chargedAs: other };
      }
    }
  }
  return { kind: delta > 0 ? 'fee_overcharged' : 'fee_undercharged' };
}

const PREFIX_ZH: Partial<Record<FindingKind, string>> = {
  cap_not_applied: '未执行封顶：',
  fee_on_failed: '失败交易被收取手续费：',
  void_fee_not_reversed: '撤销交易未退回手续费：',
  refund_fee_mismatch: '退货手续费不符：',
};
const PREFIX_EN: Partial<Record<FindingKind, string>> = {
  cap_not_applied: 'Cap not applied: ',
  fee_on_failed: 'Fee on a failed transaction: ',
  void_fee_not_reversed: 'Void did not return the fee: ',
  refund_fee_mismatch: 'Refund fee differs: ',
};

/** The finding for one mismatched row (its check must have known expected and actual fees). */
export function singleFeeFinding(check: FeeCheck): Finding | null {
  const { txn, actualFen, deltaFen, expectedFen } = check;
  if (actualFen === null || deltaFen === null || expectedFen === null || check.ok) return null;
  const expected = check.expected; // read only now: a right charge builds its arithmetic on first read
  const { kind, chargedAs } = classifyFee(check);
  const exp: Fen = expectedFen;
  let zhHead = PREFIX_ZH[kind] ?? '';
  let enHead = PREFIX_EN[kind] ?? '';
  const details: FindingDetails = { arithmetic: expected.calc };
  if (chargedAs) {
    const should = expected.calc ? `（应为${expected.calc.ruleLabel} ${expected.calc.ratePercent}%）` : '';
    zhHead = `按${chargedAs.label} ${chargedAs.ratePercent}% 收费${should}：`;
    enHead = `Charged as ${chargedAs.label} at ${chargedAs.ratePercent}%${
      expected.calc ? ` instead of ${expected.calc.ruleLabel} at ${expected.calc.ratePercent}%` : ''
    }: `;
    details.chargedAsRule = { id: chargedAs.id, label: chargedAs.label, ratePercent: chargedAs.ratePercent };
  }
  return {
    kind,
    severity: severityOf(kind, deltaFen),
    fingerprint: `${kind}:${txnKey(txn)}`,
    txnIds: [txn.id],
    refNos: txn.refNo === null ? [] : [txn.refNo],
    bankLineIds: [],
    expectedFen: exp,
    actualFen,
    deltaFen,
    date: dateOf(txn.txnTime),
    channel: txn.channel,
    terminalId: txn.terminalId,
    merchantNo: txn.merchantNo,
    zh: `${zhHead}${expected.zh}${feeTailZh(exp, actualFen, deltaFen)}`,
    en: `${enHead}${expected.en}${feeTailEn(exp, actualFen, deltaFen)}`,
    details,
  };
}
