/**
 * Deductions: money the acquirer takes out of the account directly (流量费, 服务费, 押金, 年费, 会员费…).
 * Every acquirer debit is a finding unless the merchant recorded an agreement that covers it: the
 * complaint merchants make most after rate rises is a charge they never agreed to.
 */
import { formatFen } from '../../money';
import { dateOf } from '../local-date';
import { severityOf } from './finding';
import { isAcquirerLine } from './settlement-dues';
import type { DeductionAgreement, Finding, ReconcileOptions, StoredBankLine } from './types';

/** True when the agreement covers the debit (keyword in summary/counterparty, amount, dates). */
export function agreementCovers(a: DeductionAgreement, line: StoredBankLine): boolean {
  const date = dateOf(line.txnTime);
  if (a.keyword && !`${line.summary ?? ''} ${line.counterparty ?? ''}`.includes(a.keyword)) return false;
  if (a.amountFen !== undefined && a.amountFen !== line.debitFen) return false;
  if (a.maxFen !== undefined && line.debitFen > a.maxFen) return false;
  if (a.from !== undefined && date < a.from) return false;
  if (a.to !== undefined && date > a.to) return false;
  return true;
}

/** unexpected_deduction findings for the acquirer debits in `lines` that no agreement covers. */
export function findDeductions(
  lines: readonly StoredBankLine[],
  opts: Pick<ReconcileOptions, 'acquirerCounterparties' | 'acquirerSummaryKeywords' | 'deductionAgreements'>,
): Finding[] {
  const out: Finding[] = [];
  for (const line of lines) {
    if (line.debitFen <= 0 || !isAcquirerLine(line, opts)) continue;
    if (opts.deductionAgreements.some((a) => agreementCovers(a, line))) continue;
    const date = dateOf(line.txnTime);
    const what = line.summary ?? '扣款';
    const who = line.counterparty ?? '收单机构';
    out.push({
      kind: 'unexpected_deduction',
      severity: severityOf('unexpected_deduction', line.debitFen),
      fingerprint: `unexpected_deduction:${line.txnTime}/${line.debitFen}/${line.summary ?? ''}`,
      txnIds: [],
      refNos: [],
      bankLineIds: [line.id],
      expectedFen: 0 as typeof line.debitFen,
      actualFen: line.debitFen,
      deltaFen: line.debitFen,
      date,
      channel: null,
      terminalId: null,
      merchantNo: null,
      zh: `${date} ${who}从账户扣款 ${formatFen(line.debitFen)}（${what}），没有记录在案的约定说明此项收费`,
      en: `${who} debited ${formatFen(line.debitFen)} (${what}) on ${date}; no recorded agreement explains it`,
      details: { summary: line.summary },
    });
  }
  return out;
}
