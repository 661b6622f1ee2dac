/**
 * Dispute cases: open one from findings, edit it, move it through its statuses and log every contact.
 * Each change is one transaction that also writes the case timeline and the audit log; resolving a case
 * hands the money recovered down to its findings.
 */
import type { z } from 'zod';
import type { DisputeDetail, DisputeFields, disputeCalls } from '../../shared/api/disputes';
import { DEFAULT_ACQUIRER } from '../../shared/api/disputes';
import type { FindingState, FindingView } from '../../shared/api/reconcile';
import type { DisputeStatus } from '../../shared/domain/dispute-status';
import { allocateRecovered, canMove } from '../../shared/domain/dispute-status';
import { fen, formatFen } from '../../shared/money';
import { FeeTrailError } from '../../shared/result';
import { appendAudit } from '../db/audit-repo';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import type { DisputeUpdate } from '../db/disputes-repo';
import {
  activeCaseOfFinding,
  addEvent,
  disputeFindingIds,
  getDispute,
  insertDispute,
  listEvents,
  setFindingsState,
  updateDispute,
} from '../db/disputes-repo';
import { findingTxnIds, getFinding } from '../db/findings-repo';
import { txnsByIds } from '../db/ledger-repo';

type Input<K extends keyof typeof disputeCalls> = z.output<(typeof disputeCalls)[K]['input']>;

/** Findings a case may claim: not already in a case, not dismissed. */
const CLAIMABLE: readonly FindingState[] = ['open', 'accepted', 'to_dispute', 'rejected'];

/** What the findings' states become when a case reaches a status. */
const FINDING_STATE_OF: Partial<Record<DisputeStatus, FindingState>> = {
  submitted: 'disputed',
  resolved: 'resolved',
  rejected: 'rejected',
  withdrawn: 'to_dispute',
};

const KIND_TITLE: Record<string, string> = {
  fee_overcharged: '多收手续费',
  cap_not_applied: '未执行封顶',
  wrong_rate_class: '费率类别错误',
  fee_on_failed: '失败交易收费',
  void_fee_not_reversed: '撤销未退手续费',
  rate_raised: '费率上调',
  per_txn_surcharge: '每笔附加费',
  settlement_mismatch: '结算金额不符',
  settlement_missing: '结算未到账',
  unexpected_deduction: '不明扣款',
};

function claimOf(f: FindingView): number {
  return Math.max(0, f.deltaFen);
}

function checkClaim(fields: DisputeFields, totalFen: number): void {
  if (fields.claimedFen === undefined || fields.claimedFen === totalFen) return;
  if (!fields.claimedReason)
    throw new FeeTrailError(
      'invalid_input',
      `The claim ${formatFen(fen(fields.claimedFen))} differs from the findings' total ${formatFen(fen(totalFen))}: give a reason.`,
      { field: 'claimedReason' },
    );
}

/** A contact's date as the timeline stores it: `YYYY-MM-DD HH:mm:ss` (a date alone is midnight). */
function contactTime(at: string | undefined, now: string): string {
  if (at === undefined) return now;
  if (at.length === 10) return `${at} 00:00:00`;
  return at.length === 16 ? `${at}:00` : at;
}

export class DisputeService {
  constructor(private readonly now: () => string = localNow) {}

  detail(book: Book, id: number): DisputeDetail {
    const c = getDispute(book, id);
    if (!c) throw new FeeTrailError('not_found', `No dispute case ${id}.`);
    const findings = disputeFindingIds(book, id).flatMap((f) => getFinding(book, f) ?? []);
    return { case: c, findings, events: listEvents(book, id) };
  }

  create(book: Book, input: Input<'disputes:create'>): DisputeDetail {
    const at = this.now();
    const ids = [...new Set(input.findingIds)];
    const findings = ids.map((i) => {
      const f = getFinding(book, i);
      if (!f) throw new FeeTrailError('not_found', `No finding ${i}.`);
      const open = activeCaseOfFinding(book, i);
      if (open)
        throw new FeeTrailError('invalid_input', `Finding ${i} is already in case ${open}.`, {
          caseNo: open,
        });
      if (!CLAIMABLE.includes(f.state))
        throw new FeeTrailError('invalid_input', `Finding ${i} is ${f.state} and cannot be disputed.`);
      return f;
    });
    const total = findings.reduce((s, f) => s + claimOf(f), 0);
    const fields = input.fields ?? {};
    checkClaim(fields, total);
    const txns = txnsByIds(
      book,
      findings.flatMap((f) => findingTxnIds(book, f.id)),
    );
    const terminals = [
      ...new Set(
        [...findings.map((f) => f.terminalId), ...txns.map((t) => t.terminalId)].flatMap((t) => t ?? []),
      ),
    ].sort();
    const merchantNo =
      findings.find((f) => f.merchantNo)?.merchantNo ?? txns.find((t) => t.merchantNo)?.merchantNo ?? null;
    const dates = findings.map((f) => f.date).sort();
    const kinds = [...new Set(findings.map((f) => KIND_TITLE[f.kind] ?? f.kind))];
    const period = dates[0]?.slice(0, 7) ?? '';
    return book.db.transaction(() => {
      const id = insertDispute(
        book,
        {
          title: fields.title ?? `${period} ${kinds.join('、')}申诉`.trim(),
          acquirer: fields.acquirer ?? DEFAULT_ACQUIRER,
          merchantName: fields.merchantName ?? null,
          merchantNo: fields.merchantNo ?? merchantNo,
          terminals: fields.terminals ?? terminals,
          periodFrom: dates[0] ?? null,
          periodTo: dates.at(-1) ?? null,
          claimedFen: fen(fields.claimedFen ?? total),
          claimedReason: fields.claimedReason ?? null,
          remedy: fields.remedy ?? '退还多收手续费，并按合同费率更正后续交易的收费。',
          deadline: fields.deadline ?? null,
        },
        ids,
        at,
      );
      setFindingsState(book, ids, 'disputed', at);
      addEvent(book, id, { type: 'created', at, toStatus: 'draft', note: `${ids.length}` });
      appendAudit(book, at, 'dispute.created', {
        id,
        findingIds: ids,
        claimedFen: fields.claimedFen ?? total,
      });
      return this.detail(book, id);
    })();
  }

  update(book: Book, input: Input<'disputes:update'>): DisputeDetail {
    const at = this.now();
    const current = this.detail(book, input.id);
    const fields = input.fields;
    const claim = fields.claimedFen ?? current.case.claimedFen;
    checkClaim(
      { claimedFen: claim, claimedReason: fields.claimedReason ?? current.case.claimedReason },
      current.case.findingsTotalFen,
    );
    const changed = Object.keys(fields).filter(
      (k) =>
        JSON.stringify(fields[k as keyof DisputeFields]) !==
        JSON.stringify(current.case[k as keyof DisputeFields]),
    );
    if (changed.length === 0) return current;
    return book.db.transaction(() => {
      const { claimedFen, ...rest } = fields;
      const u: DisputeUpdate = {
        ...rest,
        ...(claimedFen !== undefined ? { claimedFen: fen(claimedFen) } : {}),
      };
      updateDispute(book, input.id, u, at);
      addEvent(book, input.id, { type: 'edited', at, note: changed.join(', ') });
      appendAudit(book, at, 'dispute.edited', { id: input.id, fields: changed });
      return this.detail(book, input.id);
    })();
  }

  setStatus(book: Book, input: Input<'disputes:setStatus'>): DisputeDetail {
    const at = this.now();
    const current = this.detail(book, input.id);
    const from = current.case.status;
    if (!canMove(from, input.status))
      throw new FeeTrailError('invalid_input', `A ${from} case cannot become ${input.status}.`, {
        from,
        to: input.status,
      });
    if (input.recoveredFen !== undefined && input.status !== 'resolved')
      throw new FeeTrailError('invalid_input', 'Money recovered is recorded when the case is resolved.');
    const recovered = input.status === 'resolved' ? (input.recoveredFen ?? current.case.claimedFen) : 0;
    return book.db.transaction(() => {
      updateDispute(book, input.id, { status: input.status, recoveredFen: fen(recovered) }, at);
      const state = FINDING_STATE_OF[input.status];
      const ids = current.findings.map((f) => f.id);
      if (state) {
        const shares =
          input.status === 'resolved'
            ? allocateRecovered(
                current.findings.map((f) => ({ id: f.id, claimFen: claimOf(f) })),
                recovered,
              )
            : undefined;
        setFindingsState(book, ids, state, at, shares);
      }
      addEvent(book, input.id, {
        type: 'status',
        at,
        fromStatus: from,
        toStatus: input.status,
        note: input.note ?? (input.status === 'resolved' ? `recovered ${recovered}` : null),
      });
      appendAudit(book, at, 'dispute.status', {
        id: input.id,
        from,
        to: input.status,
        recoveredFen: recovered,
      });
      return this.detail(book, input.id);
    })();
  }

  contact(book: Book, input: Input<'disputes:contact'>): DisputeDetail {
    const now = this.now();
    this.detail(book, input.id);
    const at = contactTime(input.at, now);
    return book.db.transaction(() => {
      addEvent(book, input.id, {
        type: 'contact',
        at,
        channel: input.channel,
        ticketNo: input.ticketNo ?? null,
        person: input.person ?? null,
        note: input.note,
      });
      updateDispute(book, input.id, {}, now);
      appendAudit(book, now, 'dispute.contact', {
        id: input.id,
        channel: input.channel,
        ticketNo: input.ticketNo ?? null,
      });
      return this.detail(book, input.id);
    })();
  }

  /** Record a document generated for the case (name and SHA-256) on its timeline. */
  recordDocument(book: Book, id: number, name: string, sha256: string): void {
    const at = this.now();
    book.db.transaction(() => {
      addEvent(book, id, { type: 'document', at, documentName: name, documentSha256: sha256 });
      appendAudit(book, at, 'dispute.document', { id, name, sha256 });
    })();
  }
}
