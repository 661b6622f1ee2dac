/**
 * Deductions: money the acquirer takes out of the account directly (流量费, 服务费, 押金, 年费, 会员费…).
 * Every acquirer debit is a finding unless the merchant recorded an agreement that covers it: the
 * complaint merchants make most after rate rises is a charge they never agreed to.
 *
 * Under gross settlement (全额结算) the acquirer also debits the fees themselves, so a debit that equals
 * the fees charged on one day, in one calendar month, or (when the bank line says 手续费) on any run of
 * days in the `FEE_COLLECTION_REACH_DAYS` before it, is that collection and no finding. A 手续费 debit
 * that matches no run is compared with the fees of the last whole month before it: only what it takes
 * beyond them is a loss.
 */
import { formatFen, type Fen } from '../../money';
import { addDays, dateOf } from '../local-date';
import type { LocalDate } from '../types';
import { chargedFee } from './fee-check';
import { severityOf } from './finding';
import { isAcquirerLine } from './settlement-dues';
import type {
  DayFee,
  DeductionAgreement,
  Finding,
  ReconcileOptions,
  StoredBankLine,
  StoredPosTxn,
} from './types';

/** How many days of fees before a debit (and its own day) a fee collection may cover. */
export const FEE_COLLECTION_REACH_DAYS = 62;
/** Words a bank line uses for the acquirer's fee collection. */
const FEE_WORDS = ['手续费'];

/** The fees charged per transaction day of `txns`. */
export function feeDaysOf(txns: readonly StoredPosTxn[]): DayFee[] {
  const byDay = new Map<LocalDate, number>();
  for (const t of txns) {
    const fee = chargedFee(t);
    if (fee === null) continue;
    const day = dateOf(t.txnTime);
    byDay.set(day, (byDay.get(day) ?? 0) + fee);
  }
  return [...byDay].map(([day, fee]) => ({ day, feeFen: fee as Fen }));
}

type FeeCollection = { collects: true } | { collects: false; month: string; monthFeeFen: number };

/**
 * Whether `line` (an acquirer debit) collects fees charged before it: an exact run of days, or, for a
 * line that says 手续费 without matching one, the last whole month's fees to compare with.
 * Null: not a fee collection.
 */
function feeCollection(line: StoredBankLine, fees: ReadonlyMap<LocalDate, number>): FeeCollection | null {
  const date = dateOf(line.txnTime);
  const text = `${line.summary ?? ''} ${line.counterparty ?? ''}`;
  const saysFee = FEE_WORDS.some((w) => text.includes(w));
  const first = addDays(date, -FEE_COLLECTION_REACH_DAYS);
  const days: LocalDate[] = [];
  for (let d = first; d <= date; d = addDays(d, 1)) days.push(d);
  // prefix[i] = fees of days[0..i-1]; a run days[a..b] costs prefix[b+1] − prefix[a].
  const prefix = [0];
  for (const d of days) prefix.push((prefix[prefix.length - 1] as number) + (fees.get(d) ?? 0));
  const target = line.debitFen;
  for (let b = days.length - 1; b >= 0; b--) {
    const end = prefix[b + 1] as number;
    const lastDay = days[b] as LocalDate;
    for (let a = b; a >= 0; a--) {
      if (end - (prefix[a] as number) !== target) continue;
      const firstDay = days[a] as LocalDate;
      const oneDay = a === b;
      const wholeMonth =
        firstDay.endsWith('-01') &&
        firstDay.slice(0, 7) === lastDay.slice(0, 7) &&
        addDays(lastDay, 1).endsWith('-01');
      if (saysFee || oneDay || wholeMonth) return { collects: true };
    }
  }
  if (!saysFee) return null;
  // The last whole month by the debit's day: its own month when taken on the month's last day.
  const month = addDays(date, 1).endsWith('-01')
    ? date.slice(0, 7)
    : addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
  let monthFeeFen = 0;
  for (const [day, fee] of fees) if (day.startsWith(month)) monthFeeFen += fee;
  return { collects: false, month, monthFeeFen };
}

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

/**
 * unexpected_deduction findings for the acquirer debits in `lines` that no agreement covers and, under
 * gross settlement (`feeDays` given, non-empty), that do not collect the fees charged.
 */
export function findDeductions(
  lines: readonly StoredBankLine[],
  opts: Pick<ReconcileOptions, 'acquirerCounterparties' | 'acquirerSummaryKeywords' | 'deductionAgreements'>,
  feeDays: readonly DayFee[] = [],
): Finding[] {
  const fees = new Map<LocalDate, number>(feeDays.map((d) => [d.day, d.feeFen]));
  const out: Finding[] = [];
  for (const line of lines) {
    if (line.debitFen <= 0 || !isAcquirerLine(line, opts)) continue;
    if (opts.deductionAgreements.some((a) => agreementCovers(a, line))) continue;
    const date = dateOf(line.txnTime);
    const what = line.summary ?? '扣款';
    const who = line.counterparty ?? '收单机构';
    const collection = feeDays.length > 0 ? feeCollection(line, fees) : null;
    if (collection?.collects) continue;
    if (collection) {
      const excess = line.debitFen - collection.monthFeeFen;
      if (excess <= 0) continue;
      const expected = collection.monthFeeFen as Fen;
      out.push({
        kind: 'unexpected_deduction',
        severity: severityOf('unexpected_deduction', excess as Fen),
        fingerprint: `unexpected_deduction:${line.txnTime}/${line.debitFen}/${line.summary ?? ''}`,
        txnIds: [],
        refNos: [],
        bankLineIds: [line.id],
        expectedFen: expected,
        actualFen: line.debitFen,
        deltaFen: excess as Fen,
        date,
        channel: null,
        terminalId: null,
        merchantNo: null,
        zh: `${date} ${who}扣收手续费 ${formatFen(line.debitFen)}（${what}），${collection.month} 交易手续费合计 ${formatFen(expected)}，多扣 ${formatFen(excess as Fen)}`,
        en: `${who} collected ${formatFen(line.debitFen)} of fees (${what}) on ${date}; the fees charged in ${collection.month} were ${formatFen(expected)}: ${formatFen(excess as Fen)} too much`,
        details: { summary: line.summary, feesMonth: collection.month, feesFen: expected },
      });
      continue;
    }
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
