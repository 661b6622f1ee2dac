/**
 * Stored reconciliation results. A run replaces the open findings of its period; a finding the user
 * triaged (accepted, dismissed, to dispute…) keeps that decision when its fingerprint comes back, and is
 * kept (marked not current) when it does not.
 */
import type { z } from 'zod';
import type {
  FindingState,
  FindingView,
  ReconcileRunView,
  findingFilterSchema,
} from '../../shared/api/reconcile';
import type { Finding } from '../../shared/domain/reconcile/types';
import type { ReconcileSummary } from '../../shared/domain/reconcile/summary';
import type { Book } from './book';
import { appendAudit } from './audit-repo';
import { assertMonthsOpen, monthsOfFindings } from './periods-repo';

type FindingFilter = z.output<typeof findingFilterSchema>;

type FindingRow = Omit<FindingView, 'refNos' | 'details' | 'current'> & {
  refNosJson: string;
  detailsJson: string;
  current: number;
};

const FINDING_COLUMNS = `f.id, f.kind, f.severity, f.date, f.channel, f.terminal_id AS terminalId, f.merchant_no AS merchantNo,
  f.expected_fen AS expectedFen, f.actual_fen AS actualFen, f.delta_fen AS deltaFen, f.ref_nos_json AS refNosJson,
  f.message_zh AS zh, f.message_en AS en, f.details_json AS detailsJson, f.state, f.triage_reason AS triageReason,
  f.triaged_at AS triagedAt, f.recovered_fen AS recoveredFen, f.current,
  (SELECT count(*) FROM finding_txns x WHERE x.finding_id = f.id) AS txnCount,
  (SELECT count(*) FROM finding_bank_lines y WHERE y.finding_id = f.id) AS bankLineCount`;

function view(r: FindingRow): FindingView {
  const { refNosJson, detailsJson, current, ...rest } = r;
  return {
    ...rest,
    refNos: JSON.parse(refNosJson) as string[],
    details: JSON.parse(detailsJson) as Record<string, unknown>,
    current: current === 1,
  };
}

export function latestBatchId(book: Book): number | null {
  return (
    (book.db.prepare("SELECT max(id) FROM import_batches WHERE status = 'committed'").pluck().get() as
      number | null) ?? null
  );
}

/**
 * Settlement findings dated after a period (@from..@to) whose due rows include one of the period's rows:
 * the money for its last days is due after it. A run of the period makes them again, so it replaces
 * them, and its report lists them; those of the next period's rows are not the period's.
 */
const LATE_SETTLEMENT_OF_PERIOD = `(date > @to AND kind IN ('settlement_missing', 'settlement_mismatch')
  AND EXISTS (SELECT 1 FROM json_each(details_json, '$.dueTxnIds') AS due
    JOIN pos_transactions AS p ON p.id = due.value WHERE p.txn_date BETWEEN @from AND @to))`;

/** Ids of the current findings LATE_SETTLEMENT_OF_PERIOD describes. */
export function lateSettlementFindingIds(book: Book, period: { from: string; to: string }): Set<number> {
  const ids = book.db
    .prepare(`SELECT id FROM findings WHERE current = 1 AND ${LATE_SETTLEMENT_OF_PERIOD}`)
    .pluck()
    .all(period) as number[];
  return new Set(ids);
}

/** Store a run and its findings in one transaction. Returns the run id. */
export function saveRun(
  book: Book,
  period: { from: string; to: string },
  findings: readonly Finding[],
  summary: ReconcileSummary,
  at: string,
): number {
  const db = book.db;
  return db.transaction(() => {
    const runId = Number(
      db
        .prepare(
          'INSERT INTO reconcile_runs(period_from, period_to, ran_at, last_batch_id, summary_json) VALUES (?, ?, ?, ?, ?)',
        )
        .run(period.from, period.to, at, latestBatchId(book), JSON.stringify(summary)).lastInsertRowid,
    );
    // The findings this run stands for: dated in the period, made by an earlier run of the same period,
    // or settlements of the period's last days due after it (an earlier run of a longer period made them).
    const scope = `(date BETWEEN @from AND @to OR ${LATE_SETTLEMENT_OF_PERIOD}
      OR run_id IN (SELECT id FROM reconcile_runs WHERE period_from = @from AND period_to = @to AND id <> @runId))`;
    db.prepare(`DELETE FROM findings WHERE state = 'open' AND ${scope}`).run({ ...period, runId });
    db.prepare(`UPDATE findings SET current = 0 WHERE ${scope}`).run({ ...period, runId });

    const existing = db.prepare('SELECT id FROM findings WHERE fingerprint = ?').pluck();
    const insert = db.prepare(
      `INSERT INTO findings(run_id, fingerprint, kind, severity, date, channel, terminal_id, merchant_no, expected_fen,
         actual_fen, delta_fen, ref_nos_json, message_zh, message_en, details_json, state, current)
       VALUES (@runId, @fingerprint, @kind, @severity, @date, @channel, @terminalId, @merchantNo, @expectedFen,
         @actualFen, @deltaFen, @refNos, @zh, @en, @details, 'open', 1)`,
    );
    const update = db.prepare(
      `UPDATE findings SET run_id = @runId, kind = @kind, severity = @severity, date = @date, channel = @channel,
         terminal_id = @terminalId, merchant_no = @merchantNo, expected_fen = @expectedFen, actual_fen = @actualFen,
         delta_fen = @deltaFen, ref_nos_json = @refNos, message_zh = @zh, message_en = @en, details_json = @details,
         current = 1
       WHERE id = @id`,
    );
    const unlinkTxns = db.prepare('DELETE FROM finding_txns WHERE finding_id = ?');
    const unlinkLines = db.prepare('DELETE FROM finding_bank_lines WHERE finding_id = ?');
    const linkTxn = db.prepare('INSERT OR IGNORE INTO finding_txns(finding_id, txn_id) VALUES (?, ?)');
    const linkLine = db.prepare(
      'INSERT OR IGNORE INTO finding_bank_lines(finding_id, bank_line_id) VALUES (?, ?)',
    );
    for (const f of findings) {
      const params = {
        runId,
        fingerprint: f.fingerprint,
        kind: f.kind,
        severity: f.severity,
        date: f.date,
        channel: f.channel,
        terminalId: f.terminalId,
        merchantNo: f.merchantNo,
        expectedFen: f.expectedFen,
        actualFen: f.actualFen,
        deltaFen: f.deltaFen,
        refNos: JSON.stringify(f.refNos),
        zh: f.zh,
        en: f.en,
        details: JSON.stringify(f.details),
      };
      const id = existing.get(f.fingerprint) as number | undefined;
      let findingId: number;
      if (id === undefined) findingId = Number(insert.run(params).lastInsertRowid);
      else {
        update.run({ ...params, id });
        unlinkTxns.run(id);
        unlinkLines.run(id);
        findingId = id;
      }
      for (const t of f.txnIds) linkTxn.run(findingId, t);
      for (const l of f.bankLineIds) linkLine.run(findingId, l);
    }
    appendAudit(book, at, 'reconcile.run', { runId, ...period, findings: findings.length });
    return runId;
  })();
}

type RunRow = {
  runId: number;
  from: string;
  to: string;
  ranAt: string;
  lastBatchId: number | null;
  summaryJson: string;
};

function runView(book: Book, r: RunRow): ReconcileRunView {
  const latest = latestBatchId(book);
  return {
    runId: r.runId,
    period: { from: r.from, to: r.to },
    ranAt: r.ranAt,
    summary: JSON.parse(r.summaryJson) as ReconcileSummary,
    stale: latest !== null && (r.lastBatchId === null || latest > r.lastBatchId),
  };
}

const RUN_COLUMNS = `id AS runId, period_from AS "from", period_to AS "to", ran_at AS ranAt, last_batch_id AS lastBatchId,
  summary_json AS summaryJson`;

export function getRun(book: Book, runId: number): ReconcileRunView | undefined {
  const r = book.db.prepare(`SELECT ${RUN_COLUMNS} FROM reconcile_runs WHERE id = ?`).get(runId) as
    RunRow | undefined;
  return r ? runView(book, r) : undefined;
}

export function latestRun(book: Book, period: { from: string; to: string }): ReconcileRunView | undefined {
  const r = book.db
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM reconcile_runs WHERE period_from = ? AND period_to = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(period.from, period.to) as RunRow | undefined;
  return r ? runView(book, r) : undefined;
}

/** The newest run that covers the whole of `period` (e.g. a month inside a quarter's run). */
export function latestCoveringRun(
  book: Book,
  period: { from: string; to: string },
): ReconcileRunView | undefined {
  const r = book.db
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM reconcile_runs WHERE period_from <= ? AND period_to >= ? ORDER BY id DESC LIMIT 1`,
    )
    .get(period.from, period.to) as RunRow | undefined;
  return r ? runView(book, r) : undefined;
}

export function listFindings(book: Book, f: Partial<FindingFilter>): FindingView[] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.from) {
    parts.push('f.date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    parts.push('f.date <= ?');
    params.push(f.to);
  }
  if (f.kind) {
    parts.push('f.kind = ?');
    params.push(f.kind);
  }
  if (f.state) {
    parts.push('f.state = ?');
    params.push(f.state);
  }
  if (!f.includeStale) parts.push('f.current = 1');
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const rows = book.db
    .prepare(`SELECT ${FINDING_COLUMNS} FROM findings f ${where} ORDER BY f.date, f.id`)
    .all(...params) as FindingRow[];
  return rows.map(view);
}

export function getFinding(book: Book, id: number): FindingView | undefined {
  const r = book.db.prepare(`SELECT ${FINDING_COLUMNS} FROM findings f WHERE f.id = ?`).get(id) as
    FindingRow | undefined;
  return r ? view(r) : undefined;
}

export function findingTxnIds(book: Book, id: number): number[] {
  return book.db
    .prepare('SELECT txn_id FROM finding_txns WHERE finding_id = ? ORDER BY txn_id')
    .pluck()
    .all(id) as number[];
}

export function findingBankLineIds(book: Book, id: number): number[] {
  return book.db
    .prepare('SELECT bank_line_id FROM finding_bank_lines WHERE finding_id = ? ORDER BY bank_line_id')
    .pluck()
    .all(id) as number[];
}

/** Set the triage state of findings; returns how many changed. */
export function triageFindings(
  book: Book,
  ids: readonly number[],
  state: FindingState,
  reason: string | null,
  at: string,
): number {
  const db = book.db;
  assertMonthsOpen(book, monthsOfFindings(book, ids), 'triage');
  return db.transaction(() => {
    const stmt = db.prepare(
      `UPDATE findings SET state = ?, triage_reason = ?, triaged_at = ? WHERE id = ? AND state NOT IN ('disputed', 'resolved', 'rejected')`,
    );
    let changed = 0;
    for (const id of ids) changed += stmt.run(state, reason, state === 'open' ? null : at, id).changes;
    appendAudit(book, at, 'findings.triaged', { ids, state, reason, changed });
    return changed;
  })();
}
