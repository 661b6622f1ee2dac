/**
 * The case timeline says what happened in the reader's words, in the pack sent to the acquirer as on
 * screen: a case opened from 2 findings, an edit of the merchant name and the reply date, a resolution
 * with ¥30.00 recovered. The service stores these as notes of its own ("2", "merchantName, deadline",
 * "recovered 3000"); printed as stored they put English field keys and fen into a Chinese letter.
 */
import { describe, expect, it } from 'vitest';
import { DisputeService } from '../../electron/services/dispute-service';
import { EvidenceService } from '../../electron/services/evidence-service';
import { readEventNote } from '../../shared/domain/dispute-event-note';
import { fen } from '../../shared/money';
import { NOW, exampleMonth } from './support/dispute-month';
import { useTempDir } from './support/temp';

const tempDir = useTempDir();
const noPrinter = {
  print: () => Promise.reject(new Error('not printed here')),
  close: () => Promise.resolve(),
};

/** The text of appendix F (the timeline), tags dropped. */
function timelineText(html: string, title: string): string {
  const at = html.lastIndexOf(title);
  expect(at, title).toBeGreaterThan(0);
  return html
    .slice(at)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('the case timeline in the evidence pack', () => {
  it('words the service’s own notes in the pack’s language: findings, fields edited, money recovered', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    const disputes = new DisputeService(() => NOW);
    const created = disputes.create(book, { findingIds: picked.map((f) => f.id) });
    const id = created.case.id;
    disputes.update(book, { id, fields: { merchantName: '张记便利店', deadline: '2026-09-30' } });
    disputes.setStatus(book, { id, status: 'submitted', note: '已通过热线提交' });
    disputes.setStatus(book, { id, status: 'resolved', recoveredFen: fen(3000) });
    const evidence = new EvidenceService(disputes, noPrinter, () => NOW);

    const zh = timelineText(evidence.html(book, id, 'zh'), '附件六 案件时间线及联系记录');
    expect(zh).toContain('立案 → 草稿 2 项差异');
    expect(zh).toContain('修改 商户名称、答复期限');
    expect(zh).toContain('状态变更 → 已提交 已通过热线提交');
    expect(zh).toContain('状态变更 → 已解决 追回 ¥30.00');
    expect(zh).not.toMatch(/merchantName|deadline|recovered/);

    const en = timelineText(evidence.html(book, id, 'en'), 'F. Case timeline and contact log');
    expect(en).toContain('2 findings');
    expect(en).toContain('merchant name, reply by');
    expect(en).toContain('recovered ¥30.00');
    expect(en).not.toMatch(/merchantName|recovered 3000/);
    book.close();
  });
});

describe('readEventNote', () => {
  it('reads the service’s notes by the event’s type and leaves the user’s words as they are', () => {
    expect(readEventNote({ type: 'created', note: '8' })).toEqual({ kind: 'findings', count: 8 });
    expect(readEventNote({ type: 'edited', note: 'merchantName, deadline' })).toEqual({
      kind: 'fields',
      fields: ['merchantName', 'deadline'],
    });
    expect(readEventNote({ type: 'status', note: 'recovered 9588' })).toEqual({
      kind: 'recovered',
      fen: 9588,
    });
    // The same words typed by the user, on another kind of event, stay the user's.
    expect(readEventNote({ type: 'contact', note: 'recovered 9588' })).toEqual({
      kind: 'text',
      text: 'recovered 9588',
    });
    expect(readEventNote({ type: 'edited', note: '改了标题' })).toEqual({ kind: 'text', text: '改了标题' });
    expect(readEventNote({ type: 'status', note: '  ' })).toEqual({ kind: 'none' });
  });
});
