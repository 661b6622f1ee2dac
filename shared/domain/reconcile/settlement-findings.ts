/**
 * The findings of settlement matching, each with the money arithmetic in both languages.
 */
import { formatFen, subFen, sumFen, type Fen } from '../../money';
import { dateOf } from '../local-date';
import { cmp } from '../text-order';
import { severityOf } from './finding';
import { lineAmount, type Due } from './settlement-dues';
import type { Finding, StoredBankLine } from './types';

/** Dues paired with the credits of one date that do not add up to them. */
export function mismatchFinding(unordered: readonly Due[], credits: readonly StoredBankLine[]): Finding {
  // Dated by the last settlement day in the credit: the day all of it should have been in the bank.
  const ds = [...unordered].sort((a, b) => cmp(a.date, b.date));
  const expectedFen = sumFen(ds.map((d) => d.amountFen));
  const actualFen = sumFen(credits.map(lineAmount));
  const deltaFen = subFen(expectedFen, actualFen);
  const dueDates = [...new Set(ds.map((d) => d.date))]; // several trading days can share one
  const creditDate = dateOf(credits[0]?.txnTime ?? '');
  const date = dueDates[dueDates.length - 1] ?? creditDate;
  const days = dueDates.join('、');
  const parts = credits.length > 1;
  const summaries = credits.map((c) => c.summary).filter((x): x is string => x !== null);
  const diffZh =
    deltaFen > 0 ? `少到账 ${formatFen(deltaFen)}` : `多到账 ${formatFen((0 - deltaFen) as Fen)}`;
  const diffEn =
    deltaFen > 0 ? `${formatFen(deltaFen)} short` : `${formatFen((0 - deltaFen) as Fen)} too much`;
  return {
    kind: 'settlement_mismatch',
    severity: severityOf('settlement_mismatch', deltaFen),
    fingerprint: `settlement_mismatch:${ds[0]?.merchantNo ?? ''}/${dueDates.join(',')}`,
    txnIds: [],
    refNos: [],
    bankLineIds: credits.map((c) => c.id),
    expectedFen,
    actualFen,
    deltaFen,
    date,
    channel: null,
    terminalId: null,
    merchantNo: ds[0]?.merchantNo ?? null,
    zh: `${days} 应到账结算款 ${formatFen(expectedFen)}，${creditDate} 银行实收 ${formatFen(actualFen)}${parts ? `（${credits.length} 笔）` : ''}，${diffZh}`,
    en: `Settlement due ${dueDates.join(', ')}: ${formatFen(expectedFen)}; the bank received ${formatFen(actualFen)}${parts ? ` in ${credits.length} credits` : ''} on ${creditDate}, ${diffEn}`,
    details: {
      dueDates,
      dueTxnIds: ds.flatMap((d) => d.txnIds),
      creditDate,
      summary: summaries.filter((x, i) => summaries.indexOf(x) === i).join(' / ') || null,
    },
  };
}

export function missingFinding(due: Due): Finding {
  return {
    kind: 'settlement_missing',
    severity: severityOf('settlement_missing', due.amountFen),
    fingerprint: `settlement_missing:${due.merchantNo ?? ''}/${due.date}`,
    txnIds: [],
    refNos: [],
    bankLineIds: [],
    expectedFen: due.amountFen,
    actualFen: 0 as Fen,
    deltaFen: due.amountFen,
    date: due.date,
    channel: null,
    terminalId: null,
    merchantNo: due.merchantNo,
    zh: `${due.date} 应到账结算款 ${formatFen(due.amountFen)}（${due.txnIds.length} 笔交易），银行流水中未找到对应入账`,
    en: `Settlement of ${formatFen(due.amountFen)} (${due.txnIds.length} transactions) due on ${due.date} never reached the bank`,
    details: { dueDates: [due.date], dueTxnIds: due.txnIds },
  };
}

export function unmatchedCreditFinding(c: StoredBankLine): Finding {
  const date = dateOf(c.txnTime);
  const deltaFen = (0 - c.creditFen) as Fen;
  return {
    kind: 'unmatched_acquirer_credit',
    severity: severityOf('unmatched_acquirer_credit', deltaFen),
    fingerprint: `unmatched_acquirer_credit:${c.txnTime}/${c.creditFen}/${c.summary ?? ''}`,
    txnIds: [],
    refNos: [],
    bankLineIds: [c.id],
    expectedFen: 0 as Fen,
    actualFen: c.creditFen,
    deltaFen,
    date,
    channel: null,
    terminalId: null,
    merchantNo: null,
    zh: `${date} 收单机构入账 ${formatFen(c.creditFen)}（${c.summary ?? '无摘要'}）与任何结算日都对不上`,
    en: `Acquirer credit of ${formatFen(c.creditFen)} on ${date} (${c.summary ?? 'no summary'}) matches no settlement`,
    details: { summary: c.summary, creditDate: date },
  };
}
