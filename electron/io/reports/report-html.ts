/**
 * The printable HTML of both reports (A4, repeated table headers, right-aligned amounts, 合计 rows).
 * Plain template strings: every value goes through `esc`, imported text included.
 */
import { CHANNELS } from '../../../shared/domain/types';
import { formatFen, type Fen } from '../../../shared/money';
import type { Figures, MonthReportData, ReportData } from '../../services/report-data';
import { addFigures, ZERO_FIGURES } from '../../services/report-data';
import { monthStateText, settlementLines } from './month-xlsx';
import type { ReportText } from './report-text';
import { SETTLEMENT_KINDS, channelName, nameOf, reportText } from './report-text';

export function esc(text: string | number | null | undefined): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const y = (fen: number) => `<td class="n${fen < 0 ? ' neg' : ''}">${esc(formatFen(fen as Fen))}</td>`;
const int = (n: number) => `<td class="n">${esc(n.toLocaleString('en-US'))}</td>`;
/** Effective rate in percent with two decimals (display only). */
export function ratePercentText(feesFen: number, turnoverFen: number): string {
  if (turnoverFen === 0) return '—';
  // Hundredths of a percent (basis points): an integer the text is cut from.
  const bp = Math.round((feesFen * 10_000) / turnoverFen);
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}
const rate = (f: Figures) => `<td class="n">${esc(ratePercentText(f.feesFen, f.turnoverFen))}</td>`;

const CSS = `
  * { box-sizing: border-box; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
    font-size: 8.5pt; color: #111; margin: 0; }
  h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11pt; margin: 5mm 0 2mm; }
  .meta { color: #555; margin-bottom: 3mm; }
  table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
  thead { display: table-header-group; } tr { page-break-inside: avoid; }
  th, td { border: 0.5pt solid #bbb; padding: 1mm 1.4mm; vertical-align: top; }
  th { background: #eee; font-weight: 600; text-align: center; }
  td:first-child { white-space: nowrap; }
  td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.neg { color: #c00; } tr.total td { font-weight: 700; border-top: 1pt solid #333; }
  .empty { color: #777; font-style: italic; }`;

/** The PDF page footer ("第 1 / 3 页" or "Page 1 of 3"). */
export function reportFooter(tx: ReportText): string {
  return `<div style="font-size:8px;width:100%;text-align:center;color:#555">
  ${tx.footer}</div>`;
}

/** The Chinese footer (the default language). */
export const REPORT_FOOTER = reportFooter(reportText('zh-CN'));

function page(tx: ReportText, title: string, body: string): string {
  return `<!doctype html><html lang="${tx.lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${CSS}</style></head><body>${body}</body></html>`;
}

function table(tx: ReportText, head: string[], rows: string[], total?: string): string {
  if (rows.length === 0) return `<p class="empty">${esc(tx.words.none)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join(
    '',
  )}${total ?? ''}</tbody></table>`;
}

const w = (tx: ReportText) => tx.words;

/** Turnover, fees charged, effective rate, expected fees, difference, recovered. */
function figureHeads(tx: ReportText): string[] {
  const F = tx.figures;
  return [F.turnoverFen, F.feesFen, F.rate, F.expectedFen, F.diffFen, F.recoveredFen];
}

function terminalsTable(d: ReportData, tx: ReportText): string {
  const byKey = new Map<string, Figures & { terminalId: string; channel: string }>();
  for (const t of d.terminals) {
    const k = `${t.terminalId}|${t.channel}`;
    const prev = byKey.get(k) ?? { ...ZERO_FIGURES, terminalId: t.terminalId, channel: t.channel };
    byKey.set(k, { ...prev, ...addFigures(prev, t) });
  }
  const rows = [...byKey.values()].map(
    (t) =>
      `<tr><td>${esc(t.terminalId)}</td><td>${esc(channelName(tx, t.channel))}</td>${int(t.txnCount)}${y(t.turnoverFen)}${y(
        t.feesFen,
      )}${rate(t)}${y(t.expectedFen)}${y(t.diffFen)}${y(t.recoveredFen)}</tr>`,
  );
  return table(tx, [w(tx).terminalId, w(tx).channel, w(tx).count, ...figureHeads(tx)], rows);
}

function findingsTable(findings: ReportData['findings'], tx: ReportText): string {
  const rows = findings.map(
    (f) =>
      `<tr><td>${esc(f.date)}</td><td>${esc(nameOf(tx.kinds, f.kind))}</td><td>${esc(channelName(tx, f.channel))}</td><td>${esc(
        f.terminalId,
      )}</td>${y(f.deltaFen)}<td>${esc(nameOf(tx.states, f.state))}</td><td>${esc(f.triageReason)}</td>${y(
        f.recoveredFen,
      )}</tr>`,
  );
  const { date, findingKind, channel, terminalId, diff, state, triageReason, recovered } = w(tx);
  return table(tx, [date, findingKind, channel, terminalId, diff, state, triageReason, recovered], rows);
}

function disputesTable(d: ReportData, tx: ReportText): string {
  const rows = d.disputes.map(
    (x) =>
      `<tr><td>${esc(x.caseNo)}</td><td>${esc(x.title)}</td><td>${esc(nameOf(tx.disputeStatuses, x.status))}</td>${y(
        x.claimedFen,
      )}${y(x.recoveredFen)}</tr>`,
  );
  const { caseNo, caseTitle, state, claimed, recovered } = w(tx);
  return table(tx, [caseNo, caseTitle, state, claimed, recovered], rows);
}

export function annualHtml(d: ReportData, year: number, tx: ReportText = reportText()): string {
  const F = tx.figures;
  const head = [
    w(tx).month,
    ...CHANNELS.flatMap((c) => [tx.channelTurnover(tx.channels[c]), F.feesFen, F.rate]),
    ...figureHeads(tx),
  ];
  const cells = (f: Figures, all: boolean) =>
    all
      ? `${y(f.turnoverFen)}${y(f.feesFen)}${rate(f)}${y(f.expectedFen)}${y(f.diffFen)}${y(f.recoveredFen)}`
      : `${y(f.turnoverFen)}${y(f.feesFen)}${rate(f)}`;
  const rows = d.months.map(
    (m) =>
      `<tr><td>${esc(m.month)}</td>${CHANNELS.map((c) => cells(m.byChannel[c], false)).join('')}${cells(m.total, true)}</tr>`,
  );
  const sum = (pick: (m: ReportData['months'][number]) => Figures) =>
    d.months.reduce((s, m) => addFigures(s, pick(m)), { ...ZERO_FIGURES });
  const total = `<tr class="total"><td>${esc(w(tx).total)}</td>${CHANNELS.map((c) =>
    cells(
      sum((m) => m.byChannel[c]),
      false,
    ),
  ).join('')}${cells(
    sum((m) => m.total),
    true,
  )}</tr>`;
  const title = tx.annualTitle(year);
  const meta = [
    tx.book(d.title.bookName),
    tx.period(d.title.from, d.title.to),
    tx.generated(d.title.generatedAt),
    w(tx).expectedNote,
  ];
  return page(
    tx,
    title,
    `<h1>${esc(title)}</h1><div class="meta">${esc(meta.join(tx.sep))}</div>
    ${table(tx, head, rows, total)}<h2>${esc(w(tx).terminals)}</h2>${terminalsTable(d, tx)}<h2>${esc(
      w(tx).disputes,
    )}</h2>${disputesTable(d, tx)}`,
  );
}

export function monthHtml(d: MonthReportData, tx: ReportText = reportText()): string {
  const m = d.months[0];
  const title = tx.monthTitle(d.period.month);
  const chanRows = CHANNELS.filter((c) => (m?.byChannel[c].txnCount ?? 0) > 0).map((c) => {
    const f = m?.byChannel[c] ?? ZERO_FIGURES;
    return `<tr><td>${esc(tx.channels[c])}</td>${int(f.txnCount)}${y(f.turnoverFen)}${y(f.feesFen)}${rate(f)}${y(
      f.expectedFen,
    )}${y(f.diffFen)}${y(f.recoveredFen)}</tr>`;
  });
  const t = m?.total ?? ZERO_FIGURES;
  const chanTotal = `<tr class="total"><td>${esc(w(tx).total)}</td>${int(t.txnCount)}${y(t.turnoverFen)}${y(t.feesFen)}${rate(t)}${y(
    t.expectedFen,
  )}${y(t.diffFen)}${y(t.recoveredFen)}</tr>`;
  const lines = settlementLines(d, tx).map(
    (l) => `<tr><td>${esc(l.item)}</td>${l.count ? int(l.count) : '<td></td>'}${y(l.fen)}</tr>`,
  );
  const { state, run } = monthStateText(d, tx);
  const words = w(tx);
  const h2 = (text: string) => `<h2>${esc(text)}</h2>`;
  const meta = [tx.book(d.title.bookName), state, run, tx.generated(d.title.generatedAt)];
  return page(
    tx,
    title,
    `<h1>${esc(title)}</h1><div class="meta">${esc(meta.join(tx.sep))}</div>
    ${h2(words.byChannel)}${table(tx, [words.channel, words.count, ...figureHeads(tx)], chanRows, chanTotal)}
    ${h2(words.terminals)}${terminalsTable(d, tx)}
    ${h2(words.settlement)}${table(tx, [words.item, words.count, words.amount], lines)}
    ${h2(words.outstanding)}${findingsTable(
      d.findings.filter((f) => SETTLEMENT_KINDS.has(f.kind)),
      tx,
    )}
    ${h2(words.findings)}${findingsTable(d.findings, tx)}
    ${h2(words.disputes)}${disputesTable(d, tx)}`,
  );
}
