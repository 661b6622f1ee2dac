/** The settlement days an evidence pack prints: each due date with the money due and what paid it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Book } from '../../electron/db/book';
import { listFindings } from '../../electron/db/findings-repo';
import { listBatches } from '../../electron/db/import-repo';
import { txnsBetween } from '../../electron/db/ledger-repo';
import { chromiumPath, createChromiumPrinter } from '../../electron/io/print-pdf';
import { gatherEvidence } from '../../electron/services/evidence-data';
import { DisputeService } from '../../electron/services/dispute-service';
import { EvidenceService } from '../../electron/services/evidence-service';
import { ImportService } from '../../electron/services/import-service';
import {
  ReconcileService,
  reconcileSettings,
  setReconcileSettings,
} from '../../electron/services/reconcile-service';
import { addDays, weekday } from '../../shared/domain/local-date';
import { settlementAmount } from '../../shared/domain/reconcile';
import type { SettlementCycle } from '../../shared/domain/reconcile';
import type { EvidenceModel, EvidenceSettlementDay } from '../../shared/domain/evidence';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { fen, formatFen, sumFen } from '../../shared/money';
import { ACQUIRER_NAME, generatePosTxns, writeBankFixture, writePosFixture } from '../fixtures/generator';
import { newBook } from './support/book';
import { NOW, exampleMonth } from './support/dispute-month';
import { useTempDir } from './support/temp';

const run = promisify(execFile);
const imports = new ImportService({}, undefined, undefined, 'inline');
const disputes = new DisputeService(() => NOW);

/** A bank credit to write: on `date`, from `counterparty` (null: the statement names no payer). */
type Credit = { date: string; amountFen: number; counterparty?: string | null; summary?: string };

type Shop = {
  book: Book;
  model: EvidenceModel;
  /** Each trading day's settlement (Σ 结算金额), in fen. */
  owed: (day: string) => number;
  /** The bank line imported for each credit written, in the order written: its id and sheet row. */
  lines: { id: number; row: number }[];
  bankSha: string;
};

/**
 * A shop's POS export for `days` days from `from` (no voids, refunds or failures: a day's settlement is
 * its rows' 结算金额) with one sale overcharged on each of `caseDays`, a bank statement with the credits
 * `pay` returns, reconciled month by month under `cycle`, and the evidence pack of a case made of the
 * overcharge findings.
 */
async function shop(
  dir: string,
  opts: {
    cycle: SettlementCycle;
    from: string;
    days: number;
    caseDays: string[];
    pay: (owed: (day: string) => number) => Credit[];
  },
): Promise<Shop> {
  const book = newBook(dir);
  setReconcileSettings(book, { ...reconcileSettings(book), settlementCycle: opts.cycle });
  const txns: PosTxn[] = generatePosTxns({
    seed: 11,
    count: opts.days * 12,
    startDate: opts.from,
    days: opts.days,
    terminals: ['A0000001'],
    voidRate: 0,
    refundRate: 0,
    failRate: 0,
  });
  for (const day of opts.caseDays) {
    const i = txns.findIndex((t) => t.txnTime.startsWith(day) && t.channel === 'card');
    const t = txns[i]!;
    txns[i] = { ...t, feeFen: fen(t.feeFen! + 123), settleFen: fen(t.settleFen! - 123) };
  }
  const owed = (day: string) =>
    txns.filter((t) => t.txnTime.startsWith(day)).reduce((s, t) => s + t.settleFen!, 0);
  const credits = opts.pay(owed);
  let balance = 1_000_000;
  const bank: BankLine[] = credits.map((c, i) => {
    balance += c.amountFen;
    return {
      txnTime: `${c.date} 08:${String(10 + i).padStart(2, '0')}:00`,
      creditFen: fen(c.amountFen),
      debitFen: fen(0),
      balanceFen: fen(balance),
      counterparty: c.counterparty === undefined ? ACQUIRER_NAME : c.counterparty,
      counterpartyAccount: null,
      summary: c.summary ?? 'POS结算',
      currency: 'CNY',
    };
  });
  // An electricity bill a week after the last credit: the statement covers every settlement's window.
  const last = credits
    .map((c) => c.date)
    .sort()
    .at(-1)!;
  bank.push({
    txnTime: `${addDays(last, 7)} 16:00:00`,
    creditFen: fen(0),
    debitFen: fen(5000),
    balanceFen: fen(balance - 5000),
    counterparty: '国网某供电公司',
    counterpartyAccount: '3100012345678901',
    summary: '电费',
    currency: 'CNY',
  });
  await writePosFixture(join(dir, 'pos.xlsx'), txns);
  const written = await writeBankFixture(join(dir, 'bank.xlsx'), bank, { kind: 'split' });
  await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
  await imports.importFile(book, join(dir, 'bank.xlsx'), 'bank.xlsx');
  const months = [...new Set([opts.from, addDays(opts.from, opts.days - 1)].map((d) => d.slice(0, 7)))];
  for (const month of months) new ReconcileService(() => NOW).run(book, { month });
  const picked = listFindings(book, {}).filter((f) => f.txnCount > 0 && opts.caseDays.includes(f.date));
  expect(picked.map((f) => f.date).sort()).toEqual([...opts.caseDays].sort());
  const d = disputes.create(book, { findingIds: picked.map((f) => f.id) });
  const ids = book.db.prepare('SELECT id FROM bank_lines ORDER BY txn_time, id').pluck().all() as number[];
  return {
    book,
    model: gatherEvidence(book, disputes, d.case.id, 'zh', NOW),
    owed,
    lines: credits.map((_, i) => ({ id: ids[i]!, row: written.firstDataRow + i })),
    bankSha: listBatches(book).find((b) => b.kind === 'bank')!.sha256,
  };
}

/** The printed entry that holds `dueDate`. */
function entryOf(m: EvidenceModel, dueDate: string): EvidenceSettlementDay {
  const e = m.settlement.find((s) => s.dueDates.includes(dueDate));
  if (!e) throw new Error(`no settlement entry for ${dueDate}: ${JSON.stringify(m.settlement)}`);
  return e;
}

/** The settlement findings reconciliation stored (mismatch, missing, unmatched credit). */
function settlementFindings(book: Book): string[] {
  return listFindings(book, {})
    .filter((f) => f.kind.startsWith('settlement') || f.kind === 'unmatched_acquirer_credit')
    .map((f) => `${f.kind} ${f.date}`);
}

/** D+1 over 3–14 August 2026: each trading day paid the next day, except as `except` says. */
function august(
  dir: string,
  caseDays: string[],
  except: (owed: (day: string) => number) => Record<string, Credit[]>,
): Promise<Shop> {
  const pay = (owed: (day: string) => number): Credit[] => {
    const out: Credit[] = [];
    const odd = except(owed);
    for (let day = '2026-08-03'; day <= '2026-08-14'; day = addDays(day, 1))
      out.push(...(odd[day] ?? [{ date: addDays(day, 1), amountFen: owed(day) }]));
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  };
  return shop(dir, { cycle: 'D+1', from: '2026-08-03', days: 12, caseDays, pay });
}

/** The entry of `dueDate`, with reconciliation's word that it was paid: `owedFen` due, all received. */
function paidInFull(s: Shop, dueDate: string, owedFen: number): EvidenceSettlementDay {
  expect(settlementFindings(s.book)).toEqual([]);
  const e = entryOf(s.model, dueDate);
  expect(e.expectedFen).toBe(owedFen);
  expect(e.receivedFen).toBe(owedFen);
  return e;
}

describe('evidence settlement days', () => {
  const tempDir = useTempDir();

  it('under T+1 a Monday is held against Friday’s, Saturday’s and Sunday’s money, not Friday’s alone', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    setReconcileSettings(book, { ...reconcileSettings(book), settlementCycle: 'T+1' });
    const d = disputes.create(book, { findingIds: picked.map((f) => f.id) });
    const days = gatherEvidence(book, disputes, d.case.id, 'zh', NOW).settlement;
    // August 2026 has no public holiday: every Monday pays the three days before it.
    const mondays = days.filter((s) => s.dueDates.some((date) => weekday(date) === 1));
    expect(mondays.length).toBeGreaterThan(0);
    for (const m of mondays) {
      expect(m.dueDates).toHaveLength(1);
      const monday = m.dueDates[0]!;
      const paid = txnsBetween(book, addDays(monday, -3), addDays(monday, -1));
      const friday = txnsBetween(book, addDays(monday, -3), addDays(monday, -3));
      expect(m.expectedFen).toBe(sumFen(paid.map((t) => settlementAmount(t))));
      expect(m.expectedFen).toBeGreaterThan(sumFen(friday.map((t) => settlementAmount(t))));
      // The example bank pays each day on the next (D+1): the weekend's and Monday's credits paid it.
      expect(m.receivedFen).toBe(m.expectedFen);
      for (const l of m.lines) expect(l.txnTime.slice(0, 10) >= addDays(monday, -2)).toBe(true);
    }
    const first = days.map((s) => s.dueDates[0]!);
    expect(first).toEqual([...new Set(first)].sort());
    book.close();
  });
});

describe('evidence settlement days hold what reconciliation matched', () => {
  const tempDir = useTempDir();
  const printer = createChromiumPrinter({
    launch: () =>
      chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] }),
  });
  afterAll(() => printer.close());

  it('a due paid to the fen by a payer the settings do not name prints as received, marked as matched by amount', async () => {
    const dir = tempDir();
    // Wednesday 5 August's money, due on the 6th, comes from a payer the statement does not name.
    const s = await august(dir, ['2026-08-05'], (owed) => ({
      '2026-08-05': [
        { date: '2026-08-06', amountFen: owed('2026-08-05'), counterparty: null, summary: '跨行代付' },
      ],
    }));
    const e = paidInFull(s, '2026-08-06', s.owed('2026-08-05'));
    expect(e.dueDates).toEqual(['2026-08-06']);
    const credit = s.lines[2]!; // the third credit written: 5 August's
    expect(e.lines.map((l) => [l.lineId, l.byAmountOnly])).toEqual([[credit.id, true]]);
    expect(e.lines[0]!.source).toMatchObject({ fileName: 'bank.xlsx', sha256: s.bankSha, row: credit.row });

    const evidence = new EvidenceService(disputes, printer, () => NOW);
    const pdf = join(dir, 'pack.pdf');
    await evidence.writePdf(s.book, s.model.case.id, pdf);
    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    const flat = stdout.replace(/\s+/g, ' ');
    const due = formatFen(fen(e.expectedFen));
    expect(flat).toContain(`应结算金额 ${due} · 实到金额 ${due} · 差额 ${formatFen(fen(0))}`);
    expect(flat).toContain('跨行代付');
    expect(flat).toContain('按金额匹配');
    expect(evidence.html(s.book, s.model.case.id, 'en')).toContain('Matched by amount only');
    s.book.close();
  });

  it('a credit one day late prints under its due date, not as a shortfall', async () => {
    // 5 August's money, due on the 6th, arrives on the 7th with the 6th's.
    const s = await august(tempDir(), ['2026-08-05'], (owed) => ({
      '2026-08-05': [{ date: '2026-08-07', amountFen: owed('2026-08-05') }],
    }));
    const e = paidInFull(s, '2026-08-06', s.owed('2026-08-05'));
    expect(e.dueDates).toEqual(['2026-08-06']);
    const late = s.lines.find((l) => l.id === e.lines[0]?.lineId);
    expect(e.lines).toHaveLength(1);
    expect(e.lines[0]!.txnTime.slice(0, 10)).toBe('2026-08-07');
    expect(e.lines[0]!.creditFen).toBe(s.owed('2026-08-05'));
    expect(e.lines[0]!.byAmountOnly).toBe(false);
    expect(e.lines[0]!.source.row).toBe(late!.row);
    s.book.close();
  });

  it('under T+1 one credit paying Friday to Sunday holds the 调休 Saturday’s due and Monday’s together', async () => {
    // Saturday 10 October 2026 is a make-up working day: the calendar dates Friday the 9th's money on
    // it, Saturday's and Sunday's on Monday the 12th. The acquirer pays all three on Monday.
    const s = await shop(tempDir(), {
      cycle: 'T+1',
      from: '2026-10-08',
      days: 9,
      caseDays: ['2026-10-09'],
      pay: (owed) => [
        { date: '2026-10-09', amountFen: owed('2026-10-08') },
        { date: '2026-10-12', amountFen: owed('2026-10-09') + owed('2026-10-10') + owed('2026-10-11') },
        { date: '2026-10-13', amountFen: owed('2026-10-12') },
        { date: '2026-10-14', amountFen: owed('2026-10-13') },
        { date: '2026-10-15', amountFen: owed('2026-10-14') },
        { date: '2026-10-16', amountFen: owed('2026-10-15') },
        { date: '2026-10-19', amountFen: owed('2026-10-16') },
      ],
    });
    const friToSun = s.owed('2026-10-09') + s.owed('2026-10-10') + s.owed('2026-10-11');
    const e = paidInFull(s, '2026-10-10', friToSun);
    expect(e.dueDates).toEqual(['2026-10-10', '2026-10-12']);
    expect(e.lines.map((l) => [l.lineId, l.creditFen])).toEqual([[s.lines[1]!.id, friToSun]]);
    expect(e.lines[0]!.source.row).toBe(s.lines[1]!.row);
    expect(s.model.settlement).toHaveLength(1);
    s.book.close();
  });

  it('a settlement paid short still prints its shortfall, and a missing one all of it', async () => {
    // 5 August's money arrives a day late and ¥1.00 short; 10 August's never arrives.
    const s = await august(tempDir(), ['2026-08-05', '2026-08-10'], (owed) => ({
      '2026-08-05': [{ date: '2026-08-07', amountFen: owed('2026-08-05') - 100 }],
      '2026-08-10': [],
    }));
    expect(settlementFindings(s.book)).toEqual([
      'settlement_mismatch 2026-08-06',
      'settlement_missing 2026-08-11',
    ]);
    const short = entryOf(s.model, '2026-08-06');
    expect(short.expectedFen).toBe(s.owed('2026-08-05'));
    expect(short.receivedFen).toBe(s.owed('2026-08-05') - 100);
    expect(short.lines.map((l) => l.creditFen)).toEqual([s.owed('2026-08-05') - 100]);
    const missing = entryOf(s.model, '2026-08-11');
    expect(missing.expectedFen).toBe(s.owed('2026-08-10'));
    expect(missing.receivedFen).toBe(0);
    expect(missing.lines).toEqual([]);
    expect(missing.pending).toBe(false);
    s.book.close();
  });
});
