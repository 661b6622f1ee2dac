/**
 * The printable HTML of both reports (A4, repeated table headers, right-aligned amounts, 合计 rows).
 * Plain template strings: every value goes through `esc`, imported text included.
 */
import { CHANNELS } from '../../../shared/domain/types';
import { formatFen, type Fen } from '../../../shared/money';
import type { Figures, MonthReportData, ReportData } from '../../services/report-data';
import { addFigures, ZERO_FIGURES } from '../../services/report-data';
import { settlementLines } from './month-xlsx';
import { CHANNEL_ZH, DISPUTE_STATUS_ZH, KIND_ZH, SETTLEMENT_KINDS, STATE_ZH, channelZh } from './report-text';

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

export const REPORT_FOOTER = `<div style="font-size:8px;width:100%;text-align:center;color:#555">
  第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页</div>`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${CSS}</style></head><body>${body}</body></html>`;
}

function table(head: string[], rows: string[], total?: string): string {
  if (rows.length === 0) return '<p class="empty">（无）</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join(
    '',
  )}${total ?? ''}</tbody></table>`;
}

function terminalsTable(d: ReportData): string {
  const byKey = new Map<string, Figures & { terminalId: string; channel: string }>();
  for (const t of d.terminals) {
    const k = `${t.terminalId}|${t.channel}`;
    const prev = byKey.get(k) ?? { ...ZERO_FIGURES, terminalId: t.terminalId, channel: t.channel };
    byKey.set(k, { ...prev, ...addFigures(prev, t) });
  }
  const rows = [...byKey.values()].map(
    (t) =>
      `<tr><td>${esc(t.terminalId)}</td><td>${esc(channelZh(t.channel))}</td>${int(t.txnCount)}${y(t.turnoverFen)}${y(
        t.feesFen,
      )}${rate(t)}${y(t.expectedFen)}${y(t.diffFen)}${y(t.recoveredFen)}</tr>`,
  );
  return table(
    ['终端号', '渠道', '笔数', '营业额', '实收手续费', '实际费率', '应收手续费', '差额', '已追回'],
    rows,
  );
}

function findingsTable(findings: ReportData['findings']): string {
  const rows = findings.map(
    (f) =>
      `<tr><td>${esc(f.date)}</td><td>${esc(KIND_ZH[f.kind] ?? f.kind)}</td><td>${esc(channelZh(f.channel))}</td><td>${esc(
        f.terminalId,
      )}</td>${y(f.deltaFen)}<td>${esc(STATE_ZH[f.state] ?? f.state)}</td><td>${esc(f.triageReason)}</td>${y(
        f.recoveredFen,
      )}</tr>`,
  );
  return table(['日期', '差异类型', '渠道', '终端号', '差额', '状态', '处理说明', '已追回'], rows);
}

function disputesTable(d: ReportData): string {
  const rows = d.disputes.map(
    (x) =>
      `<tr><td>${esc(x.caseNo)}</td><td>${esc(x.title)}</td><td>${esc(DISPUTE_STATUS_ZH[x.status] ?? x.status)}</td>${y(
        x.claimedFen,
      )}${y(x.recoveredFen)}</tr>`,
  );
  return table(['案件号', '标题', '状态', '申诉金额', '已追回'], rows);
}

export function annualHtml(d: ReportData, year: number): string {
  const head = ['月份', ...CHANNELS.flatMap((c) => [`${CHANNEL_ZH[c]}营业额`, '手续费', '费率'])];
  head.push('营业额合计', '实收手续费', '实际费率', '应收手续费', '差额', '已追回');
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
  const total = `<tr class="total"><td>合计</td>${CHANNELS.map((c) =>
    cells(
      sum((m) => m.byChannel[c]),
      false,
    ),
  ).join('')}${cells(
    sum((m) => m.total),
    true,
  )}</tr>`;
  const title = `${year} 年度手续费汇总`;
  return page(
    title,
    `<h1>${esc(title)}</h1><div class="meta">账本：${esc(d.title.bookName)}\u3000期间：${esc(d.title.from)} 至 ${esc(
      d.title.to,
    )}\u3000生成：${esc(d.title.generatedAt)}\u3000应收手续费 = 实收 − 对账发现的手续费差额</div>
    ${table(head, rows, total)}<h2>终端</h2>${terminalsTable(d)}<h2>申诉案件</h2>${disputesTable(d)}`,
  );
}

export function monthHtml(d: MonthReportData): string {
  const m = d.months[0];
  const title = `${d.period.month} 月结报告`;
  const chanRows = CHANNELS.filter((c) => (m?.byChannel[c].txnCount ?? 0) > 0).map((c) => {
    const f = m?.byChannel[c] ?? ZERO_FIGURES;
    return `<tr><td>${esc(CHANNEL_ZH[c])}</td>${int(f.txnCount)}${y(f.turnoverFen)}${y(f.feesFen)}${rate(f)}${y(
      f.expectedFen,
    )}${y(f.diffFen)}${y(f.recoveredFen)}</tr>`;
  });
  const t = m?.total ?? ZERO_FIGURES;
  const chanTotal = `<tr class="total"><td>合计</td>${int(t.txnCount)}${y(t.turnoverFen)}${y(t.feesFen)}${rate(t)}${y(
    t.expectedFen,
  )}${y(t.diffFen)}${y(t.recoveredFen)}</tr>`;
  const lines = settlementLines(d).map(
    (l) => `<tr><td>${esc(l.item)}</td>${l.count ? int(l.count) : '<td></td>'}${y(l.fen)}</tr>`,
  );
  const state = d.period.state === 'closed' ? `已月结（${d.period.closedAt ?? ''}）` : '未月结';
  const run = d.runAt
    ? `对账时间：${d.runAt}${d.stale ? '（之后有新导入，结果可能过期）' : ''}`
    : '本月尚未对账';
  return page(
    title,
    `<h1>${esc(title)}</h1><div class="meta">账本：${esc(d.title.bookName)}\u3000${esc(state)}\u3000${esc(run)}\u3000生成：${esc(
      d.title.generatedAt,
    )}</div>
    <h2>营业额与手续费（按渠道）</h2>${table(
      ['渠道', '笔数', '营业额', '实收手续费', '实际费率', '应收手续费', '差额', '已追回'],
      chanRows,
      chanTotal,
    )}
    <h2>终端</h2>${terminalsTable(d)}
    <h2>结算余额调节表</h2>${table(['项目', '笔数', '金额'], lines)}
    <h2>未达账项</h2>${findingsTable(d.findings.filter((f) => SETTLEMENT_KINDS.has(f.kind)))}
    <h2>对账差异及处理状态</h2>${findingsTable(d.findings)}
    <h2>申诉案件</h2>${disputesTable(d)}`,
  );
}
