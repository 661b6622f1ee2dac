/**
 * Gathers the evidence pack's document model for a case from the book: its findings, every cited
 * transaction with the contract's arithmetic and its source row, the settlement days they fall on
 * against the bank, the effective rate over the period and the source files with their SHA-256.
 */
import type { Provenance, StoredBankLine, StoredTxn } from '../../shared/api/ledger';
import type { FindingView } from '../../shared/api/reconcile';
import type {
  EvidenceBankLine,
  EvidenceLanguage,
  EvidenceModel,
  EvidenceRatePoint,
  EvidenceSettlementDay,
  EvidenceSource,
  EvidenceTxn,
} from '../../shared/domain/evidence';
import { cellText } from '../../shared/domain/evidence';
import type { FeeCalc } from '../../shared/domain/fee-calc';
import { calcSentenceEn, calcSentenceZh } from '../../shared/domain/fee-calc';
import { expectedFee } from '../../shared/domain/fees';
import { dateOf } from '../../shared/domain/local-date';
import { selectCard, versionOn } from '../../shared/domain/rate-card-match';
import type { RateCard } from '../../shared/domain/rate-card';
import { settleWithBank } from '../../shared/domain/reconcile/settle-with-bank';
import { settlementDays } from '../../shared/domain/reconcile/settlement-days';
import { effectiveRatePercent, fen, formatFen, subFen, sumFen, type Fen } from '../../shared/money';
import type { Book } from '../db/book';
import { findingBankLineIds, findingTxnIds } from '../db/findings-repo';
import { listBatches } from '../db/import-repo';
import { getBankLine, getTransaction, txnsBetween } from '../db/ledger-repo';
import { listRateCards } from '../db/rate-card-repo';
import type { DisputeService } from './dispute-service';
import { monthRange } from './period';
import { periodRows } from './reconcile-service';

function sourceOf(p: Provenance): EvidenceSource {
  return { fileName: p.fileName, sha256: p.sha256, sheet: p.sheet, row: p.row, cells: p.cells.map(cellText) };
}

/** Card numbers as printed are usually masked already; an unmasked one keeps its first 6 and last 4. */
export function maskCard(card: string | null): string | null {
  if (card === null) return null;
  const digits = card.replace(/\s/g, '');
  return /^\d{13,19}$/.test(digits) ? `${digits.slice(0, 6)}******${digits.slice(-4)}` : card;
}

function chargedOf(t: StoredTxn): Fen | null {
  if (t.feeFen !== null) return t.feeFen;
  return t.settleFen === null ? null : subFen(t.amountFen, t.settleFen);
}

/** The contract's price for a transaction: the finding's own arithmetic, else the card recomputed. */
function priceOf(
  t: StoredTxn,
  f: FindingView,
  cards: readonly RateCard[],
): { expectedFen: Fen | null; calc: FeeCalc | null; zh: string; en: string } {
  const own = f.txnCount === 1 ? (f.details['arithmetic'] as FeeCalc | null | undefined) : undefined;
  if (own !== undefined && f.expectedFen !== null) {
    const zh = own ? calcSentenceZh(own) : `应收 ${formatFen(f.expectedFen)}`;
    const en = own ? calcSentenceEn(own) : `expected ${formatFen(f.expectedFen)}`;
    return { expectedFen: f.expectedFen, calc: own ?? null, zh, en };
  }
  const card = selectCard(cards, t);
  const e = expectedFee(t, card ? versionOn(card, dateOf(t.txnTime)) : null);
  return { expectedFen: e.expectedFen, calc: e.calc, zh: e.zh, en: e.en };
}

function evidenceTxn(t: StoredTxn, p: Provenance, f: FindingView, cards: readonly RateCard[]): EvidenceTxn {
  const price = priceOf(t, f, cards);
  const charged = chargedOf(t);
  const c = price.calc;
  return {
    findingId: f.id,
    txnId: t.id,
    txnTime: t.txnTime,
    terminalId: t.terminalId,
    refNo: t.refNo,
    cardNo: maskCard(t.cardNo),
    channel: t.channel,
    cardKind: t.cardKind,
    txnType: t.txnType,
    status: t.status,
    amountFen: t.amountFen,
    ruleLabel: c?.ruleLabel ?? null,
    ratePercent: c?.ratePercent ?? null,
    capFen: c?.capFen ?? null,
    minFen: c?.minFen ?? null,
    fixedFen: c?.fixedFen ?? null,
    rounding: c?.rounding ?? null,
    expectedFen: price.expectedFen,
    arithmeticZh: price.zh,
    arithmeticEn: price.en,
    chargedFen: charged,
    diffFen: charged !== null && price.expectedFen !== null ? subFen(charged, price.expectedFen) : null,
    source: sourceOf(p),
  };
}

function bankLine(l: StoredBankLine, p: Provenance): EvidenceBankLine {
  return {
    lineId: l.id,
    txnTime: l.txnTime,
    summary: l.summary,
    counterparty: l.counterparty,
    creditFen: l.creditFen,
    debitFen: l.debitFen,
    balanceFen: l.balanceFen,
    source: sourceOf(p),
  };
}

/**
 * The settlement dates of the case's trading days, each with all the money due on it and the bank
 * lines that reconciliation matched to it: the same rows (`periodRows`) and the same matching
 * (`settleWithBank`) as a run of the case's whole months, so a credit from a payer the settings do not
 * name, a late credit or one credit for several days prints as it was matched, never as a shortfall.
 * Dates one credit paid together are one entry (under T+1 a Monday with Friday to Sunday).
 */
function settlementOfCase(book: Book, tradeDays: readonly string[]): EvidenceSettlementDay[] {
  const first = tradeDays[0];
  const last = tradeDays.at(-1);
  if (first === undefined || last === undefined) return [];
  const period = { from: monthRange(first.slice(0, 7)).from, to: monthRange(last.slice(0, 7)).to };
  const rows = periodRows(book, period);
  const settled = settleWithBank(rows, rows.options);
  const cited = new Set(tradeDays);
  const ofCase = new Set(rows.txns.filter((t) => cited.has(dateOf(t.txnTime))).map((t) => t.id));
  const dueDates = settled.dues.filter((d) => d.txnIds.some((id) => ofCase.has(id))).map((d) => d.date);
  return settlementDays(settled, dueDates).map((d) => ({
    dueDates: d.dueDates,
    expectedFen: d.expectedFen,
    receivedFen: d.receivedFen,
    beforeDataFen: d.beforeDataFen,
    pending: d.pending,
    lines: d.lines.flatMap(({ line, byAmountOnly }) => {
      const g = getBankLine(book, line.id);
      return g ? [{ ...bankLine(g.line, g.provenance), byAmountOnly }] : [];
    }),
  }));
}

/** Per day of the case's months: the effective rate charged against the contract's, over sales. */
function rateSeries(book: Book, from: string, to: string, cards: readonly RateCard[]): EvidenceRatePoint[] {
  const byDay = new Map<string, { amount: Fen; fee: Fen; expected: Fen }>();
  for (const t of txnsBetween(book, from, to)) {
    if (t.txnType !== 'sale' || t.status !== 'success') continue;
    const charged = chargedOf(t);
    const card = selectCard(cards, t);
    const e = expectedFee(t, card ? versionOn(card, dateOf(t.txnTime)) : null);
    if (charged === null || e.expectedFen === null) continue;
    const day = dateOf(t.txnTime);
    const d = byDay.get(day) ?? { amount: fen(0), fee: fen(0), expected: fen(0) };
    byDay.set(day, {
      amount: sumFen([d.amount, t.amountFen]),
      fee: sumFen([d.fee, charged]),
      expected: sumFen([d.expected, e.expectedFen]),
    });
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({
      date,
      effectivePercent: effectiveRatePercent(d.fee, d.amount),
      contractedPercent: effectiveRatePercent(d.expected, d.amount),
    }));
}

export function gatherEvidence(
  book: Book,
  disputes: DisputeService,
  caseId: number,
  language: EvidenceLanguage,
  printedAt: string,
): EvidenceModel {
  const detail = disputes.detail(book, caseId);
  const cards = listRateCards(book).map((c) => c.card);
  const txns: EvidenceTxn[] = [];
  const findingLines: EvidenceBankLine[] = [];
  for (const f of detail.findings) {
    for (const id of findingTxnIds(book, f.id)) {
      const g = getTransaction(book, id);
      if (g) txns.push(evidenceTxn(g.txn, g.provenance, f, cards));
    }
    for (const id of findingBankLineIds(book, f.id)) {
      const g = getBankLine(book, id);
      if (g && !findingLines.some((l) => l.lineId === id)) findingLines.push(bankLine(g.line, g.provenance));
    }
  }
  txns.sort((a, b) => (a.txnTime < b.txnTime ? -1 : a.txnTime > b.txnTime ? 1 : a.txnId - b.txnId));
  const tradeDays = [...new Set(txns.map((t) => dateOf(t.txnTime)))].sort();
  const c = detail.case;
  // The chart covers the whole months of the case, so the wrong days stand out against the normal ones.
  const from = monthRange((c.periodFrom ?? tradeDays[0] ?? printedAt).slice(0, 7)).from;
  const monthEnd = monthRange((c.periodTo ?? tradeDays.at(-1) ?? printedAt).slice(0, 7)).to;
  const cited = new Set([...txns.map((t) => t.source.sha256), ...findingLines.map((l) => l.source.sha256)]);
  const settlement = settlementOfCase(book, tradeDays);
  for (const d of settlement) for (const l of d.lines) cited.add(l.source.sha256);
  const files = listBatches(book)
    .filter((b) => b.status === 'committed' && cited.has(b.sha256))
    .filter((b, i, all) => all.findIndex((x) => x.sha256 === b.sha256) === i)
    .reverse()
    .map((b) => ({
      kind: b.kind,
      fileName: b.fileName,
      sha256: b.sha256,
      importedAt: b.importedAt,
      size: b.fileSize,
    }));
  return {
    language,
    printedAt,
    case: c,
    findings: detail.findings,
    txns,
    settlement,
    findingLines,
    rates: listRateCards(book).flatMap((s) =>
      s.card.versions.map((v) => ({
        cardName: s.card.name,
        scope: s.card.scope
          ? [s.card.scope.merchantNo, s.card.scope.terminalId].filter(Boolean).join(' / ')
          : null,
        effectiveFrom: v.effectiveFrom,
        rules: v.rules.map((r) => ({
          label: r.label,
          ratePercent: r.ratePercent,
          capFen: r.capFen,
          minFen: r.minFen,
          fixedFen: r.fixedFen,
        })),
      })),
    ),
    rateSeries: rateSeries(book, from, monthEnd, cards),
    files,
    events: detail.events,
  };
}
