/** The sheets both reports share: terminals, findings and disputes of the period. */
import type ExcelJS from 'exceljs';
import type { ReportDispute, ReportFinding } from '../../db/report-repo';
import type { Figures, ReportData, TerminalFigures } from '../../services/report-data';
import type { ReportText } from './report-text';
import { channelName, nameOf } from './report-text';
import { addTableSheet } from './xlsx-table';
import type { Column } from './xlsx-table';

function refNosText(json: string): string {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.map(String).join(' ') : '';
}

export function terminalColumns(tx: ReportText): Column<TerminalFigures>[] {
  const w = tx.words;
  return [
    { header: w.month, kind: 'text', value: (t) => t.month },
    { header: w.merchantNo, kind: 'text', value: (t) => t.merchantNo, imported: true },
    { header: w.terminalId, kind: 'text', value: (t) => t.terminalId, imported: true },
    { header: w.channel, kind: 'text', value: (t) => channelName(tx, t.channel) },
    ...figureColumns<TerminalFigures>(tx),
  ];
}

/** Count, turnover, fees charged, effective rate (a formula), expected fees, difference, recovered. */
export function figureColumns<R extends Figures>(tx: ReportText): Column<R>[] {
  const F = tx.figures;
  return [
    { header: tx.words.count, kind: 'int', value: (r) => r.txnCount },
    { header: F.turnoverFen, kind: 'money', value: (r) => r.turnoverFen },
    { header: F.feesFen, kind: 'money', value: (r) => r.feesFen },
    { header: F.rate, kind: 'rate', of: [F.feesFen, F.turnoverFen] },
    { header: F.expectedFen, kind: 'money', value: (r) => r.expectedFen },
    { header: F.diffFen, kind: 'money', value: (r) => r.diffFen },
    { header: F.recoveredFen, kind: 'money', value: (r) => r.recoveredFen },
  ];
}

export function findingColumns(tx: ReportText): Column<ReportFinding>[] {
  const w = tx.words;
  return [
    { header: w.date, kind: 'text', value: (f) => f.date },
    { header: w.findingKind, kind: 'text', value: (f) => nameOf(tx.kinds, f.kind) },
    { header: w.channel, kind: 'text', value: (f) => channelName(tx, f.channel) },
    { header: w.terminalId, kind: 'text', value: (f) => f.terminalId, imported: true },
    { header: w.refNo, kind: 'text', value: (f) => refNosText(f.refNos), imported: true },
    { header: w.diff, kind: 'money', value: (f) => f.deltaFen },
    { header: w.state, kind: 'text', value: (f) => nameOf(tx.states, f.state) },
    { header: w.triageReason, kind: 'text', value: (f) => f.triageReason, imported: true },
    { header: w.recovered, kind: 'money', value: (f) => f.recoveredFen },
    { header: w.message, kind: 'text', value: (f) => tx.findingMessage(f), imported: true },
  ];
}

export function disputeColumns(tx: ReportText): Column<ReportDispute>[] {
  const w = tx.words;
  return [
    { header: w.caseNo, kind: 'text', value: (d) => d.caseNo },
    { header: w.caseTitle, kind: 'text', value: (d) => d.title, imported: true },
    { header: w.state, kind: 'text', value: (d) => nameOf(tx.disputeStatuses, d.status) },
    { header: w.period, kind: 'text', value: (d) => `${d.periodFrom ?? ''} – ${d.periodTo ?? ''}` },
    { header: w.claimed, kind: 'money', value: (d) => d.claimedFen },
    { header: w.recovered, kind: 'money', value: (d) => d.recoveredFen },
    { header: w.openedAt, kind: 'text', value: (d) => d.createdAt },
  ];
}

export function addDetailSheets(wb: ExcelJS.Workbook, data: ReportData, tx: ReportText): void {
  const w = tx.words;
  const period = `${tx.range(data.title.from, data.title.to)}${tx.sep}${tx.book(data.title.bookName)}`;
  const sheet = <R>(name: string, title: string, columns: Column<R>[], rows: readonly R[]) =>
    addTableSheet(wb, { name, title, subtitle: period, totalLabel: w.total }, columns, rows);
  sheet(w.sheetTerminals, w.terminalFees, terminalColumns(tx), data.terminals);
  sheet(w.sheetFindings, w.findings, findingColumns(tx), data.findings);
  sheet(w.sheetDisputes, w.disputes, disputeColumns(tx), data.disputes);
}
