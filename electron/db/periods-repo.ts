/**
 * Month close in the book: the `periods` rows and the lock every write that would change a closed month
 * goes through. The lock lives here, below the services, so every door (app, host, CLI, tests) meets it.
 */
import type { PeriodView } from '../../shared/api/close';
import { FeeTrailError } from '../../shared/result';
import { appendAudit } from './audit-repo';
import type { Book } from './book';

type PeriodRow = {
  month: string;
  state: 'open' | 'closed';
  noTradeDaysJson: string;
  closedAt: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
};

const COLUMNS = `month, state, no_trade_days_json AS noTradeDaysJson, closed_at AS closedAt,
  reopened_at AS reopenedAt, reopen_reason AS reopenReason`;

function view(r: PeriodRow): PeriodView {
  const { noTradeDaysJson, ...rest } = r;
  const parsed: unknown = JSON.parse(noTradeDaysJson);
  const days = Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string') : [];
  return { ...rest, noTradeDays: days };
}

/** The month's close state; a month never closed is open. */
export function getPeriod(book: Book, month: string): PeriodView {
  const r = book.db.prepare(`SELECT ${COLUMNS} FROM periods WHERE month = ?`).get(month) as
    PeriodRow | undefined;
  return r
    ? view(r)
    : { month, state: 'open', noTradeDays: [], closedAt: null, reopenedAt: null, reopenReason: null };
}

export function listPeriods(book: Book): PeriodView[] {
  const rows = book.db.prepare(`SELECT ${COLUMNS} FROM periods ORDER BY month DESC`).all() as PeriodRow[];
  return rows.map(view);
}

export type LockedAction = 'import' | 'undo' | 'triage' | 'reconcile';

const REFUSAL: Record<LockedAction, { zh: string; en: string }> = {
  import: { zh: '不能导入涉及该月的数据', en: 'an import with rows in it is refused' },
  undo: { zh: '不能撤销涉及该月的导入', en: 'undoing an import with rows in it is refused' },
  triage: { zh: '不能更改该月差异的处理状态', en: 'its findings cannot be triaged' },
  reconcile: { zh: '不能重新对账该月', en: 'it cannot be reconciled again' },
};

/**
 * Throws `month_closed` naming the first closed month among `months` (`YYYY-MM`), e.g.
 * "2026-08 已月结，不能导入涉及该月的数据；如需修改请先反月结。".
 */
export function assertMonthsOpen(book: Book, months: Iterable<string>, action: LockedAction): void {
  const wanted = [...new Set(months)].sort();
  if (wanted.length === 0) return;
  const closed = book.db
    .prepare(
      `SELECT month FROM periods WHERE state = 'closed' AND month IN (${wanted.map(() => '?').join(',')}) ORDER BY month`,
    )
    .pluck()
    .all(...wanted) as string[];
  const first = closed[0];
  if (first === undefined) return;
  const r = REFUSAL[action];
  throw new FeeTrailError(
    'month_closed',
    `${first} 已月结，${r.zh}；如需修改请先反月结。(${first} is closed: ${r.en}; reopen it first.)`,
    { month: first, months: closed, action },
  );
}

/** Months (`YYYY-MM`) of the POS rows and bank lines a batch currently owns. */
export function monthsOfBatch(book: Book, batchId: number): string[] {
  return book.db
    .prepare(
      `SELECT DISTINCT substr(txn_date, 1, 7) FROM pos_transactions WHERE batch_id = ?
       UNION SELECT DISTINCT substr(txn_date, 1, 7) FROM bank_lines WHERE batch_id = ?`,
    )
    .pluck()
    .all(batchId, batchId) as string[];
}

/** Months (`YYYY-MM`) the given findings are dated in. */
export function monthsOfFindings(book: Book, ids: readonly number[]): string[] {
  const out = new Set<string>();
  const stmt = book.db.prepare('SELECT substr(date, 1, 7) FROM findings WHERE id = ?').pluck();
  for (const id of ids) {
    const m = stmt.get(id) as string | undefined;
    if (m !== undefined) out.add(m);
  }
  return [...out];
}

/** Months (`YYYY-MM`) from `from` to `to` inclusive (both `YYYY-MM-DD`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return out;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

export function closePeriod(book: Book, month: string, noTradeDays: readonly string[], at: string): void {
  book.db.transaction(() => {
    book.db
      .prepare(
        `INSERT INTO periods(month, state, no_trade_days_json, closed_at) VALUES (?, 'closed', ?, ?)
         ON CONFLICT(month) DO UPDATE SET state = 'closed', no_trade_days_json = excluded.no_trade_days_json,
           closed_at = excluded.closed_at`,
      )
      .run(month, JSON.stringify([...noTradeDays].sort()), at);
    appendAudit(book, at, 'period.closed', { month, noTradeDays: [...noTradeDays].sort() });
  })();
}

export function reopenPeriod(book: Book, month: string, reason: string, at: string): void {
  book.db.transaction(() => {
    book.db
      .prepare(`UPDATE periods SET state = 'open', reopened_at = ?, reopen_reason = ? WHERE month = ?`)
      .run(at, reason, month);
    appendAudit(book, at, 'period.reopened', { month, reason });
  })();
}
