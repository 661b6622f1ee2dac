import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/db/audit-repo';
import { getFinding, triageFindings } from '../../electron/db/findings-repo';
import { DisputeService } from '../../electron/services/dispute-service';
import { allocateRecovered } from '../../shared/domain/dispute-status';
import { isFeeTrailError } from '../../shared/result';
import { NOW, exampleMonth } from './support/dispute-month';
import { useTempDir } from './support/temp';

const disputes = new DisputeService(() => NOW);

function errorCode(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return isFeeTrailError(e) ? e.code : 'other';
  }
}

describe('dispute cases', () => {
  const tempDir = useTempDir();

  it('a case opened from the overcharged and cap findings claims their total and locks them', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    expect(picked.map((f) => f.kind).sort()).toEqual(['cap_not_applied', 'fee_overcharged']);
    const d = disputes.create(book, { findingIds: picked.map((f) => f.id) });
    expect(d.case.caseNo).toBe('FT-20260905-001');
    expect(d.case.status).toBe('draft');
    expect(d.case.acquirer).toBe('拉卡拉支付股份有限公司');
    expect(d.case.merchantNo).toBe('822290058120123');
    expect(d.case.claimedFen).toBe(120 + 4268);
    expect(d.case.findingsTotalFen).toBe(4388);
    expect(d.case.periodFrom! <= d.case.periodTo!).toBe(true);
    expect(d.case.terminals.length).toBeGreaterThan(0);
    expect(d.findings.every((f) => f.state === 'disputed')).toBe(true);
    expect(d.events.map((e) => e.type)).toEqual(['created']);
    // Locked: triage leaves them alone, and a second case cannot claim them.
    expect(triageFindings(book, [picked[0]!.id], 'dismissed', 'x', NOW)).toBe(0);
    expect(errorCode(() => disputes.create(book, { findingIds: [picked[0]!.id] }))).toBe('invalid_input');
    book.close();
  });

  it('an edited claim needs a reason', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    const d = disputes.create(book, { findingIds: picked.map((f) => f.id) });
    expect(errorCode(() => disputes.update(book, { id: d.case.id, fields: { claimedFen: 5000 } }))).toBe(
      'invalid_input',
    );
    const u = disputes.update(book, {
      id: d.case.id,
      fields: { claimedFen: 5000, claimedReason: '含利息', merchantName: '小店' },
    });
    expect(u.case.claimedFen).toBe(5000);
    expect(u.case.merchantName).toBe('小店');
    expect(u.events.at(-1)?.type).toBe('edited');
    book.close();
  });

  it('status flow with a contact log: resolving hands the money recovered to the findings', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    const id = disputes.create(book, { findingIds: picked.map((f) => f.id) }).case.id;
    expect(errorCode(() => disputes.setStatus(book, { id, status: 'resolved' }))).toBe('invalid_input');
    disputes.contact(book, {
      id,
      channel: 'hotline',
      note: '致电 95016，客服受理',
      ticketNo: 'T-1',
      person: '王女士',
      at: '2026-09-06 09:30',
    });
    disputes.setStatus(book, { id, status: 'submitted', note: '商户后台提交申诉' });
    disputes.setStatus(book, { id, status: 'under_review' });
    const done = disputes.setStatus(book, { id, status: 'resolved', recoveredFen: 4300 });
    expect(done.case.status).toBe('resolved');
    expect(done.case.recoveredFen).toBe(4300);
    const states = done.findings.map((f) => [f.kind, f.state, f.recoveredFen]);
    expect(states).toContainEqual(['cap_not_applied', 'resolved', 4268]);
    expect(states).toContainEqual(['fee_overcharged', 'resolved', 32]);
    const contact = done.events.find((e) => e.type === 'contact');
    expect(contact).toMatchObject({
      channel: 'hotline',
      ticketNo: 'T-1',
      person: '王女士',
      at: '2026-09-06 09:30:00',
    });
    expect(done.events.filter((e) => e.type === 'status').map((e) => e.toStatus)).toEqual([
      'submitted',
      'under_review',
      'resolved',
    ]);
    expect(errorCode(() => disputes.setStatus(book, { id, status: 'withdrawn' }))).toBe('invalid_input');
    expect(listAudit(book).some((a) => a.action === 'dispute.status')).toBe(true);
    book.close();
  });

  it('a rejected case can be escalated again; a withdrawn one returns its findings to the to-dispute pile', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    const id = disputes.create(book, { findingIds: picked.map((f) => f.id) }).case.id;
    disputes.setStatus(book, { id, status: 'submitted' });
    const rejected = disputes.setStatus(book, { id, status: 'rejected' });
    expect(rejected.findings.every((f) => f.state === 'rejected')).toBe(true);
    disputes.contact(book, { id, channel: 'regulator', note: '12363 投诉' });
    expect(
      disputes.setStatus(book, { id, status: 'submitted' }).findings.every((f) => f.state === 'disputed'),
    ).toBe(true);
    disputes.setStatus(book, { id, status: 'withdrawn' });
    expect(picked.map((f) => getFinding(book, f.id)?.state)).toEqual(['to_dispute', 'to_dispute']);
    // Withdrawn cases no longer hold their findings.
    expect(disputes.create(book, { findingIds: [picked[0]!.id] }).case.caseNo).toBe('FT-20260905-002');
    book.close();
  });

  it('money recovered is shared largest claim first, integers only', () => {
    const shares = allocateRecovered(
      [
        { id: 1, claimFen: 120 },
        { id: 2, claimFen: 4268 },
      ],
      5000,
    );
    expect([...shares.entries()].sort()).toEqual([
      [1, 120],
      [2, 4880],
    ]);
    expect(allocateRecovered([{ id: 1, claimFen: 10 }], 0).get(1)).toBe(0);
  });
});
