/** The sheets both reports share: terminals, findings and disputes of the period. */
import type ExcelJS from 'exceljs';
import type { ReportDispute, ReportFinding } from '../../db/report-repo';
import type { ReportData, TerminalFigures } from '../../services/report-data';
import { DISPUTE_STATUS_ZH, FIGURE_HEADERS, KIND_ZH, STATE_ZH, channelZh } from './report-text';
import { addTableSheet } from './xlsx-table';
import type { Column } from './xlsx-table';

function refNosText(json: string): string {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String).join(' ') : '';
}

export const TERMINAL_COLUMNS: Column<TerminalFigures>[] = [
  { header: '月份', kind: 'text', value: (t) => t.month },
  { header: '商户号', kind: 'text', value: (t) => t.merchantNo, imported: true },
  { header: '终端号', kind: 'text', value: (t) => t.terminalId, imported: true },
  { header: '渠道', kind: 'text', value: (t) => channelZh(t.channel) },
  { header: '笔数', kind: 'int', value: (t) => t.txnCount },
  { header: FIGURE_HEADERS.turnoverFen, kind: 'money', value: (t) => t.turnoverFen },
  { header: FIGURE_HEADERS.feesFen, kind: 'money', value: (t) => t.feesFen },
  { header: FIGURE_HEADERS.rate, kind: 'rate', of: [FIGURE_HEADERS.feesFen, FIGURE_HEADERS.turnoverFen] },
  { header: FIGURE_HEADERS.expectedFen, kind: 'money', value: (t) => t.expectedFen },
  { header: FIGURE_HEADERS.diffFen, kind: 'money', value: (t) => t.diffFen },
  { header: FIGURE_HEADERS.recoveredFen, kind: 'money', value: (t) => t.recoveredFen },
];

export const FINDING_COLUMNS: Column<ReportFinding>[] = [
  { header: '日期', kind: 'text', value: (f) => f.date },
  { header: '差异类型', kind: 'text', value: (f) => KIND_ZH[f.kind] ?? f.kind },
  { header: '渠道', kind: 'text', value: (f) => channelZh(f.channel) },
  { header: '终端号', kind: 'text', value: (f) => f.terminalId, imported: true },
  { header: '参考号', kind: 'text', value: (f) => refNosText(f.refNos), imported: true },
  { header: '差额', kind: 'money', value: (f) => f.deltaFen },
  { header: '状态', kind: 'text', value: (f) => STATE_ZH[f.state] ?? f.state },
  { header: '处理说明', kind: 'text', value: (f) => f.triageReason, imported: true },
  { header: '已追回', kind: 'money', value: (f) => f.recoveredFen },
  { header: '说明', kind: 'text', value: (f) => f.zh, imported: true },
];

export const DISPUTE_COLUMNS: Column<ReportDispute>[] = [
  { header: '案件号', kind: 'text', value: (d) => d.caseNo },
  { header: '标题', kind: 'text', value: (d) => d.title, imported: true },
  { header: '状态', kind: 'text', value: (d) => DISPUTE_STATUS_ZH[d.status] ?? d.status },
  { header: '期间', kind: 'text', value: (d) => `${d.periodFrom ?? ''} – ${d.periodTo ?? ''}` },
  { header: '申诉金额', kind: 'money', value: (d) => d.claimedFen },
  { header: '已追回', kind: 'money', value: (d) => d.recoveredFen },
  { header: '立案时间', kind: 'text', value: (d) => d.createdAt },
];

export function addDetailSheets(wb: ExcelJS.Workbook, data: ReportData): void {
  const period = `${data.title.from} 至 ${data.title.to}\u3000账本：${data.title.bookName}`;
  addTableSheet(wb, '终端', '终端手续费', period, TERMINAL_COLUMNS, data.terminals);
  addTableSheet(wb, '差异', '对账差异及处理状态', period, FINDING_COLUMNS, data.findings);
  addTableSheet(wb, '申诉', '申诉案件', period, DISPUTE_COLUMNS, data.disputes);
}
