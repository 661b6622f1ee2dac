/**
 * The figures behind the month-end report and the annual fee summary, gathered from the book once and
 * handed to the writers (xlsx, HTML → PDF). All amounts are integer fen.
 * expected fees = fees charged − the fee differences reconciliation found (its current fee findings);
 * a month without an up-to-date run says so (`reconciled: false`) instead of pretending all is well.
 */
import type { PeriodView } from '../../shared/api/close';
import type { ReconcileSummary } from '../../shared/domain/reconcile/summary';
import { CHANNELS } from '../../shared/domain/types';
import type { Channel } from '../../shared/domain/types';
import type { Book } from '../db/book';
import { bookNameOf } from '../db/book';
import { latestCoveringRun } from '../db/findings-repo';
import { getPeriod } from '../db/periods-repo';
import type { ReportDispute, ReportFinding } from '../db/report-repo';
import { findingGroups, posGroups, reportDisputes, reportFindings } from '../db/report-repo';
import { monthRange } from './period';

export type Figures = {
  turnoverFen: number;
  feesFen: number;
  expectedFen: number;
  diffFen: number;
  recoveredFen: number;
  txnCount: number;
};

export const ZERO_FIGURES: Figures = {
  turnoverFen: 0,
  feesFen: 0,
  expectedFen: 0,
  diffFen: 0,
  recoveredFen: 0,
  txnCount: 0,
};

export function addFigures(a: Figures, b: Partial<Figures>): Figures {
  return {
    turnoverFen: a.turnoverFen + (b.turnoverFen ?? 0),
    feesFen: a.feesFen + (b.feesFen ?? 0),
    expectedFen: a.expectedFen + (b.expectedFen ?? 0),
    diffFen: a.diffFen + (b.diffFen ?? 0),
    recoveredFen: a.recoveredFen + (b.recoveredFen ?? 0),
    txnCount: a.txnCount + (b.txnCount ?? 0),
  };
}

export type MonthFigures = {
  month: string;
  byChannel: Record<Channel, Figures>;
  total: Figures;
  reconciled: boolean;
  closed: boolean;
};

export type TerminalFigures = Figures & {
  month: string;
  terminalId: string;
  merchantNo: string;
  channel: Channel;
};

export type ReportData = {
  title: { bookName: string; from: string; to: string; generatedAt: string };
  months: MonthFigures[];
  terminals: TerminalFigures[];
  findings: ReportFinding[];
  disputes: ReportDispute[];
};

export type MonthReportData = ReportData & {
  period: PeriodView;
  summary: ReconcileSummary | null;
  runAt: string | null;
  stale: boolean;
};

function emptyByChannel(): Record<Channel, Figures> {
  return Object.fromEntries(CHANNELS.map((c) => [c, { ...ZERO_FIGURES }])) as Record<Channel, Figures>;
}

function channelOf(c: string | null): Channel | null {
  return (CHANNELS as readonly string[]).includes(c ?? '') ? (c as Channel) : null;
}

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7);) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}

/** Gathers the figures of `from..to` (whole months) per month, channel and terminal. */
export function gatherReport(book: Book, from: string, to: string, generatedAt: string): ReportData {
  const months = new Map<string, MonthFigures>();
  for (const m of monthsOf(from, to)) {
    const range = monthRange(m);
    const run = latestCoveringRun(book, range);
    months.set(m, {
      month: m,
      byChannel: emptyByChannel(),
      total: { ...ZERO_FIGURES },
      reconciled: run !== undefined && !run.stale,
      closed: getPeriod(book, m).state === 'closed',
    });
  }
  const terminals = new Map<string, TerminalFigures>();
  const terminalKey = (m: string, t: string | null, c: string) => `${m}|${t ?? ''}|${c}`;
  for (const g of posGroups(book, from, to)) {
    const mf = months.get(g.month);
    const ch = channelOf(g.channel);
    if (!mf || !ch) continue;
    // Expected starts as charged; the differences found are taken off below.
    const part = {
      turnoverFen: g.turnoverFen,
      feesFen: g.feesFen,
      expectedFen: g.feesFen,
      txnCount: g.txnCount,
    };
    mf.byChannel[ch] = addFigures(mf.byChannel[ch], part);
    mf.total = addFigures(mf.total, part);
    const k = terminalKey(g.month, g.terminalId, ch);
    const prev = terminals.get(k) ?? {
      ...ZERO_FIGURES,
      month: g.month,
      terminalId: g.terminalId ?? '',
      merchantNo: g.merchantNo ?? '',
      channel: ch,
    };
    terminals.set(k, { ...prev, ...addFigures(prev, part) });
  }
  for (const g of findingGroups(book, from, to)) {
    const mf = months.get(g.month);
    if (!mf) continue;
    const part = { expectedFen: -g.feeDeltaFen, diffFen: g.feeDeltaFen, recoveredFen: g.recoveredFen };
    mf.total = addFigures(mf.total, part);
    const ch = channelOf(g.channel);
    if (ch) mf.byChannel[ch] = addFigures(mf.byChannel[ch], part);
    const t = ch ? terminals.get(terminalKey(g.month, g.terminalId, ch)) : undefined;
    if (t) terminals.set(terminalKey(g.month, g.terminalId, t.channel), { ...t, ...addFigures(t, part) });
  }
  return {
    title: { bookName: bookNameOf(book.path), from, to, generatedAt },
    months: [...months.values()],
    terminals: [...terminals.values()],
    findings: reportFindings(book, from, to),
    disputes: reportDisputes(book, from, to),
  };
}

export function gatherMonthReport(book: Book, month: string, generatedAt: string): MonthReportData {
  const { from, to } = monthRange(month);
  const run = latestCoveringRun(book, { from, to });
  const exact = run && run.period.from === from && run.period.to === to;
  return {
    ...gatherReport(book, from, to, generatedAt),
    period: getPeriod(book, month),
    // A quarter's run covers the month but its summary is the quarter's: only an exact run's is shown.
    summary: exact ? run.summary : null,
    runAt: run?.ranAt ?? null,
    stale: run?.stale ?? false,
  };
}
