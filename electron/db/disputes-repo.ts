/**
 * Dispute cases, the findings they claim and their timeline. A case owns its findings: they move to
 * `disputed` when the case opens and follow it to `resolved` / `rejected`, or back to `to_dispute`
 * when it is withdrawn.
 */
import type { DisputeCase, DisputeEvent, DisputeEventType } from '../../shared/api/disputes';
import type { FindingState } from '../../shared/api/reconcile';
import type { ContactChannel, DisputeStatus } from '../../shared/domain/dispute-status';
import type { Fen } from '../../shared/money';
import type { Book } from './book';

export type NewDispute = Omit<
  DisputeCase,
  | 'id'
  | 'caseNo'
  | 'status'
  | 'recoveredFen'
  | 'findingCount'
  | 'findingsTotalFen'
  | 'createdAt'
  | 'updatedAt'
>;

export type NewEvent = {
  type: DisputeEventType;
  at: string;
  channel?: ContactChannel | null;
  ticketNo?: string | null;
  person?: string | null;
  fromStatus?: DisputeStatus | null;
  toStatus?: DisputeStatus | null;
  note?: string | null;
  documentName?: string | null;
  documentSha256?: string | null;
};

type CaseRow = Omit<DisputeCase, 'terminals'> & { terminalsJson: string };

const CASE_COLUMNS = `d.id, d.case_no AS caseNo, d.title, d.acquirer, d.merchant_name AS merchantName,
  d.merchant_no AS merchantNo, d.terminals_json AS terminalsJson, d.period_from AS periodFrom, d.period_to AS periodTo,
  d.claimed_fen AS claimedFen, d.claimed_reason AS claimedReason, d.remedy, d.deadline, d.status,
  d.recovered_fen AS recoveredFen, d.created_at AS createdAt, d.updated_at AS updatedAt,
  (SELECT count(*) FROM dispute_findings x WHERE x.dispute_id = d.id) AS findingCount,
  (SELECT coalesce(sum(max(f.delta_fen, 0)), 0) FROM dispute_findings x JOIN findings f ON f.id = x.finding_id
     WHERE x.dispute_id = d.id) AS findingsTotalFen`;

function caseView(r: CaseRow): DisputeCase {
  const { terminalsJson, ...rest } = r;
  return { ...rest, terminals: JSON.parse(terminalsJson) as string[] };
}

export function listDisputes(book: Book, status?: DisputeStatus): DisputeCase[] {
  const rows = (
    status
      ? book.db
          .prepare(`SELECT ${CASE_COLUMNS} FROM disputes d WHERE d.status = ? ORDER BY d.id DESC`)
          .all(status)
      : book.db.prepare(`SELECT ${CASE_COLUMNS} FROM disputes d ORDER BY d.id DESC`).all()
  ) as CaseRow[];
  return rows.map(caseView);
}

export function getDispute(book: Book, id: number): DisputeCase | undefined {
  const r = book.db.prepare(`SELECT ${CASE_COLUMNS} FROM disputes d WHERE d.id = ?`).get(id) as
    CaseRow | undefined;
  return r ? caseView(r) : undefined;
}

/** Case numbers read `FT-20260905-001`: the day opened and a running number within it. */
export function nextCaseNo(book: Book, at: string): string {
  const day = at.slice(0, 10).replaceAll('-', '');
  const prefix = `FT-${day}-`;
  const taken = book.db
    .prepare('SELECT count(*) FROM disputes WHERE case_no LIKE ?')
    .pluck()
    .get(`${prefix}%`) as number;
  return `${prefix}${String(taken + 1).padStart(3, '0')}`;
}

export function insertDispute(book: Book, d: NewDispute, findingIds: readonly number[], at: string): number {
  const id = Number(
    book.db
      .prepare(
        `INSERT INTO disputes(case_no, title, acquirer, merchant_name, merchant_no, terminals_json, period_from,
           period_to, claimed_fen, claimed_reason, remedy, deadline, status, recovered_fen, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 0, ?, ?)`,
      )
      .run(
        nextCaseNo(book, at),
        d.title,
        d.acquirer,
        d.merchantName,
        d.merchantNo,
        JSON.stringify(d.terminals),
        d.periodFrom,
        d.periodTo,
        d.claimedFen,
        d.claimedReason,
        d.remedy,
        d.deadline,
        at,
        at,
      ).lastInsertRowid,
  );
  const link = book.db.prepare('INSERT INTO dispute_findings(dispute_id, finding_id) VALUES (?, ?)');
  for (const f of findingIds) link.run(id, f);
  return id;
}

export type DisputeUpdate = Partial<
  Pick<
    DisputeCase,
    | 'title'
    | 'acquirer'
    | 'merchantName'
    | 'merchantNo'
    | 'terminals'
    | 'claimedFen'
    | 'claimedReason'
    | 'remedy'
    | 'deadline'
    | 'status'
    | 'recoveredFen'
  >
>;

const UPDATE_COLUMNS: Record<keyof DisputeUpdate, string> = {
  title: 'title',
  acquirer: 'acquirer',
  merchantName: 'merchant_name',
  merchantNo: 'merchant_no',
  terminals: 'terminals_json',
  claimedFen: 'claimed_fen',
  claimedReason: 'claimed_reason',
  remedy: 'remedy',
  deadline: 'deadline',
  status: 'status',
  recoveredFen: 'recovered_fen',
};

export function updateDispute(book: Book, id: number, u: DisputeUpdate, at: string): void {
  const sets: string[] = ['updated_at = ?'];
  const params: unknown[] = [at];
  for (const [key, column] of Object.entries(UPDATE_COLUMNS) as [keyof DisputeUpdate, string][]) {
    const value = u[key];
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(key === 'terminals' ? JSON.stringify(value) : value);
  }
  book.db.prepare(`UPDATE disputes SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
}

export function disputeFindingIds(book: Book, id: number): number[] {
  return book.db
    .prepare('SELECT finding_id FROM dispute_findings WHERE dispute_id = ? ORDER BY finding_id')
    .pluck()
    .all(id) as number[];
}

/** The open case (not resolved, rejected or withdrawn) that already claims a finding, if any. */
export function activeCaseOfFinding(book: Book, findingId: number): string | undefined {
  return book.db
    .prepare(
      `SELECT d.case_no FROM dispute_findings x JOIN disputes d ON d.id = x.dispute_id
       WHERE x.finding_id = ? AND d.status NOT IN ('resolved', 'withdrawn') LIMIT 1`,
    )
    .pluck()
    .get(findingId) as string | undefined;
}

/** Move findings to a state; `recovered` (fen per finding) sets the money recovered on each. */
export function setFindingsState(
  book: Book,
  ids: readonly number[],
  state: FindingState,
  at: string,
  recovered?: ReadonlyMap<number, Fen | number>,
): void {
  const stmt = book.db.prepare(
    'UPDATE findings SET state = ?, triaged_at = ?, recovered_fen = ? WHERE id = ?',
  );
  for (const id of ids) stmt.run(state, at, recovered?.get(id) ?? 0, id);
}

export function addEvent(book: Book, disputeId: number, e: NewEvent): void {
  book.db
    .prepare(
      `INSERT INTO dispute_events(dispute_id, at, type, channel, ticket_no, person, from_status, to_status, note,
         document_name, document_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      disputeId,
      e.at,
      e.type,
      e.channel ?? null,
      e.ticketNo ?? null,
      e.person ?? null,
      e.fromStatus ?? null,
      e.toStatus ?? null,
      e.note ?? null,
      e.documentName ?? null,
      e.documentSha256 ?? null,
    );
}

/** The timeline, oldest first (a contact logged with an earlier date sorts where it happened). */
export function listEvents(book: Book, disputeId: number): DisputeEvent[] {
  return book.db
    .prepare(
      `SELECT id, at, type, channel, ticket_no AS ticketNo, person, from_status AS fromStatus, to_status AS toStatus,
         note, document_name AS documentName, document_sha256 AS documentSha256
       FROM dispute_events WHERE dispute_id = ? ORDER BY at, id`,
    )
    .all(disputeId) as DisputeEvent[];
}
