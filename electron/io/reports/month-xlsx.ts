/**
 * 月结报告 as .xlsx: overview, channels, the settlement reconciliation (余额调节表) with its unmatched
 * items, then terminals, findings and disputes (shared with the annual summary).
 */
import ExcelJS from 'exceljs';
import { CHANNELS } from '../../../shared/domain/types';
import type { Channel } from '../../../shared/domain/types';
import type { Figures, MonthReportData } from '../../services/report-data';
import { FIGURE_HEADERS, SETTLEMENT_KINDS, channelZh } from './report-text';
import { addDetailSheets, FINDING_COLUMNS } from './xlsx-details';
import { addTableSheet } from './xlsx-table';
import type { Column } from './xlsx-table';

type ChannelRow = Figures & { channel: Channel };
type Line = { item: string; count: number; fen: number };

const CHANNEL_COLUMNS: Column<ChannelRow>[] = [
  { header: '渠道', kind: 'text', value: (r) => channelZh(r.channel) },
  { header: '笔数', kind: 'int', value: (r) => r.txnCount },
  { header: FIGURE_HEADERS.turnoverFen, kind: 'money', value: (r) => r.turnoverFen },
  { header: FIGURE_HEADERS.feesFen, kind: 'money', value: (r) => r.feesFen },
  { header: FIGURE_HEADERS.rate, kind: 'rate', of: [FIGURE_HEADERS.feesFen, FIGURE_HEADERS.turnoverFen] },
  { header: FIGURE_HEADERS.expectedFen, kind: 'money', value: (r) => r.expectedFen },
  { header: FIGURE_HEADERS.diffFen, kind: 'money', value: (r) => r.diffFen },
  { header: FIGURE_HEADERS.recoveredFen, kind: 'money', value: (r) => r.recoveredFen },
];

const LINE_COLUMNS: Column<Line>[] = [
  { header: '项目', kind: 'text', value: (l) => l.item },
  { header: '笔数', kind: 'int', value: (l) => l.count, total: false },
  { header: '金额', kind: 'money', value: (l) => l.fen, total: false },
];

/** The settlement reconciliation lines of the month's run (empty when the month has no exact run). */
export function settlementLines(d: MonthReportData): Line[] {
  const s = d.summary;
  if (!s) return [];
  return [
    { item: '应到结算（POS 结算金额）', count: s.saleCount, fen: s.settlementsDueFen },
    { item: '实到结算（银行入账）', count: 0, fen: s.settlementsReceivedFen },
    { item: '差额（应到 − 实到）', count: 0, fen: s.settlementsDueFen - s.settlementsReceivedFen },
    { item: '其中：结算未到账', count: s.unmatchedDue.count, fen: s.unmatchedDue.fen },
    { item: '其中：银行流水尚未覆盖（待到账）', count: s.pendingDue.count, fen: s.pendingDue.fen },
    { item: '无法匹配的收单入账', count: s.unmatchedCredits.count, fen: s.unmatchedCredits.fen },
    { item: '不明扣款', count: s.deductions.count, fen: s.deductions.fen },
  ];
}

export async function monthWorkbook(d: MonthReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FeeTrail';
  wb.calcProperties = { fullCalcOnLoad: true };
  const month = d.months[0];
  const state = `${d.period.state === 'closed' ? `已月结（${d.period.closedAt ?? ''}）` : '未月结'}\u3000${
    d.runAt ? `对账：${d.runAt}${d.stale ? '（之后有新导入，结果可能过期）' : ''}` : '未对账'
  }`;
  const subtitle = `账本：${d.title.bookName}\u3000期间：${d.title.from} 至 ${d.title.to}\u3000${state}\u3000生成：${d.title.generatedAt}`;
  const rows: ChannelRow[] = CHANNELS.map((c) => ({
    channel: c,
    ...(month?.byChannel[c] as Figures),
  })).filter((r) => r.txnCount > 0 || r.diffFen !== 0 || r.recoveredFen !== 0);
  addTableSheet(wb, '渠道', `${d.period.month} 月结报告：营业额与手续费`, subtitle, CHANNEL_COLUMNS, rows);
  addTableSheet(
    wb,
    '余额调节表',
    `${d.period.month} 结算余额调节表`,
    subtitle,
    LINE_COLUMNS,
    settlementLines(d),
  );
  addTableSheet(
    wb,
    '未达账项',
    `${d.period.month} 未达账项（结算差异）`,
    subtitle,
    FINDING_COLUMNS,
    d.findings.filter((f) => SETTLEMENT_KINDS.has(f.kind)),
  );
  addDetailSheets(wb, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
