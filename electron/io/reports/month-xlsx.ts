/**
 * 月结报告 as .xlsx: overview, channels, the settlement reconciliation (余额调节表) with its unmatched
 * items, then terminals, findings and disputes (shared with the annual summary).
 */
import ExcelJS from 'exceljs';
import { CHANNELS } from '../../../shared/domain/types';
import type { Channel } from '../../../shared/domain/types';
import type { Figures, MonthReportData } from '../../services/report-data';
import type { ReportText } from './report-text';
import { SETTLEMENT_KINDS, channelName, reportText } from './report-text';
import { addDetailSheets, figureColumns, findingColumns } from './xlsx-details';
import { addTableSheet } from './xlsx-table';
import type { Column } from './xlsx-table';

type ChannelRow = Figures & { channel: Channel };
type Line = { item: string; count: number; fen: number };

function channelColumns(tx: ReportText): Column<ChannelRow>[] {
  return [
    { header: tx.words.channel, kind: 'text', value: (r) => channelName(tx, r.channel) },
    ...figureColumns<ChannelRow>(tx),
  ];
}

function lineColumns(tx: ReportText): Column<Line>[] {
  const w = tx.words;
  return [
    { header: w.item, kind: 'text', value: (l) => l.item },
    { header: w.count, kind: 'int', value: (l) => l.count, total: false },
    { header: w.amount, kind: 'money', value: (l) => l.fen, total: false },
  ];
}

/** The settlement reconciliation lines of the month's run (empty when the month has no exact run). */
export function settlementLines(d: MonthReportData, tx: ReportText): Line[] {
  const s = d.summary;
  if (!s) return [];
  const [due, received, diff, missing, pending, credits, deductions] = tx.settlementItems;
  return [
    { item: due, count: s.saleCount, fen: s.settlementsDueFen },
    { item: received, count: 0, fen: s.settlementsReceivedFen },
    { item: diff, count: 0, fen: s.settlementsDueFen - s.settlementsReceivedFen },
    { item: missing, count: s.unmatchedDue.count, fen: s.unmatchedDue.fen },
    { item: pending, count: s.pendingDue.count, fen: s.pendingDue.fen },
    { item: credits, count: s.unmatchedCredits.count, fen: s.unmatchedCredits.fen },
    { item: deductions, count: s.deductions.count, fen: s.deductions.fen },
  ];
}

/** The month's state as the reports print it: closed or not, and when it was reconciled. */
export function monthStateText(d: MonthReportData, tx: ReportText): { state: string; run: string } {
  const w = tx.words;
  return {
    state: d.period.state === 'closed' ? tx.closedAt(d.period.closedAt ?? '') : w.notClosed,
    run: d.runAt ? `${tx.runAt(d.runAt)}${d.stale ? w.stale : ''}` : w.runNone,
  };
}

export async function monthWorkbook(d: MonthReportData, tx: ReportText = reportText()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FeeTrail';
  wb.calcProperties = { fullCalcOnLoad: true };
  const month = d.months[0];
  const w = tx.words;
  const { state, run } = monthStateText(d, tx);
  const subtitle = [
    tx.book(d.title.bookName),
    tx.period(d.title.from, d.title.to),
    state,
    run,
    tx.generated(d.title.generatedAt),
  ].join(tx.sep);
  const rows: ChannelRow[] = CHANNELS.map((c) => ({
    channel: c,
    ...(month?.byChannel[c] as Figures),
  })).filter((r) => r.txnCount > 0 || r.diffFen !== 0 || r.recoveredFen !== 0);
  const m = d.period.month;
  const sheet = <R>(name: string, title: string, columns: Column<R>[], list: readonly R[]) =>
    addTableSheet(wb, { name, title, subtitle, totalLabel: w.total }, columns, list);
  sheet(w.sheetChannels, tx.channelsTitle(m), channelColumns(tx), rows);
  sheet(w.sheetSettlement, tx.settlementTitle(m), lineColumns(tx), settlementLines(d, tx));
  sheet(
    w.sheetOutstanding,
    tx.outstandingTitle(m),
    findingColumns(tx),
    d.findings.filter((f) => SETTLEMENT_KINDS.has(f.kind)),
  );
  addDetailSheets(wb, d, tx);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
