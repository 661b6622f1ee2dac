import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/db/audit-repo';
import type { Book } from '../../electron/db/book';
import { listFindings, triageFindings } from '../../electron/db/findings-repo';
import { listBatches } from '../../electron/db/import-repo';
import { createServiceDispatcher } from '../../electron/services/handlers';
import { CloseService } from '../../electron/services/close-service';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import { generatePosTxns, writePosFixture } from '../fixtures/generator';
import { SAMPLES, bookCounts, newBook, servicesIn } from './support/book';
import { useTempDir } from './support/temp';

const imports = new ImportService();
const reconciler = new ReconcileService(() => '2026-09-05 10:00:00');
const closer = new CloseService(() => '2026-09-06 09:00:00');
const EXAMPLE = join(SAMPLES, 'example-2026-08');

async function exampleMonth(dir: string): Promise<Book> {
  const book = newBook(dir);
  await imports.importFile(book, join(EXAMPLE, 'pos_export.xlsx'), 'pos_export.xlsx');
  await imports.importFile(book, join(EXAMPLE, 'bank_icbc_corp.xlsx'), 'bank_icbc_corp.xlsx');
  reconciler.run(book, { month: '2026-08' });
  return book;
}

function triageAll(book: Book): void {
  const ids = listFindings(book, { from: '2026-08-01', to: '2026-08-31' }).map((f) => f.id);
  triageFindings(book, ids, 'accepted', null, '2026-09-05 11:00:00');
}

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    if (typeof p === 'function') p();
    else await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('month close', () => {
  const tempDir = useTempDir();

  it('lists what keeps the example month open: untriaged findings, then nothing', async () => {
    const book = await exampleMonth(tempDir());
    const before = closer.checklist(book, '2026-08');
    expect(before.items.map((i) => [i.id, i.ok])).toEqual([
      ['pos_days', true],
      ['bank_coverage', true],
      ['reconciled', true],
      ['triaged', false],
    ]);
    expect(before.canClose).toBe(false);
    const refused = await rejection(() => closer.close(book, '2026-08'));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toContain('triaged');
    triageAll(book);
    expect(closer.checklist(book, '2026-08').canClose).toBe(true);
    book.db.close();
  });

  it('a closed month refuses an import touching it and the book stays unchanged; reopening with a reason lets it in; both are audited', async () => {
    const dir = tempDir();
    const book = await exampleMonth(dir);
    triageAll(book);
    const closed = closer.close(book, '2026-08');
    expect(closed.period.state).toBe('closed');
    expect(closed.period.closedAt).toBe('2026-09-06 09:00:00');

    // A late export: the last two days of August and the first of September.
    const late = join(dir, 'late.xlsx');
    await writePosFixture(late, generatePosTxns({ seed: 7, count: 30, startDate: '2026-08-30', days: 3 }));
    const counts = bookCounts(book);
    const refused = await rejection(imports.importFile(book, late, 'late.xlsx'));
    expect(refused.code).toBe('month_closed');
    expect(refused.message).toContain('2026-08 已月结，不能导入涉及该月的数据；如需修改请先反月结。');
    expect(bookCounts(book)).toEqual(counts);

    // Triage and a new run of the month are refused too (undo: see the test through the contract).
    const ids = listFindings(book, { from: '2026-08-01', to: '2026-08-31' }).map((f) => f.id);
    expect((await rejection(() => triageFindings(book, ids, 'open', null, 'x'))).code).toBe('month_closed');
    expect((await rejection(() => reconciler.run(book, { month: '2026-08' }))).code).toBe('month_closed');
    expect(
      (await rejection(() => reconciler.run(book, { from: '2026-08-15', to: '2026-09-15' }))).message,
    ).toContain('2026-08');
    expect(bookCounts(book)).toEqual(counts);

    const reopened = closer.reopen(book, '2026-08', '银行补发了 8 月 30 日的流水');
    expect(reopened).toMatchObject({ state: 'open', reopenReason: '银行补发了 8 月 30 日的流水' });
    const result = await imports.importFile(book, late, 'late.xlsx');
    expect(result.added).toBe(30);

    const audit = listAudit(book).map((a) => ({ action: a.action, details: a.details }));
    expect(audit).toContainEqual({ action: 'period.closed', details: { month: '2026-08', noTradeDays: [] } });
    expect(audit).toContainEqual({
      action: 'period.reopened',
      details: { month: '2026-08', reason: '银行补发了 8 月 30 日的流水' },
    });
    book.db.close();
  });

  it('days without POS rows must be confirmed as no-trade days before the month closes', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    // Rows on 2026-07-01 … 2026-07-10 only; no bank statement at all.
    const pos = join(dir, 'pos.xlsx');
    await writePosFixture(pos, generatePosTxns({ seed: 3, count: 40, startDate: '2026-07-01', days: 10 }));
    await imports.importFile(book, pos, 'pos.xlsx');
    const list = closer.checklist(book, '2026-07');
    const days = list.items.find((i) => i.id === 'pos_days');
    expect(days).toMatchObject({ ok: false });
    expect(days?.id === 'pos_days' ? days.unconfirmedDays : []).toHaveLength(21);
    const confirmAll = Array.from({ length: 21 }, (_, i) => `2026-07-${String(i + 11).padStart(2, '0')}`);
    const confirmed = closer.checklist(book, '2026-07', confirmAll);
    expect(confirmed.items.find((i) => i.id === 'pos_days')?.ok).toBe(true);
    expect(confirmed.items.find((i) => i.id === 'bank_coverage')?.ok).toBe(false);
    expect((await rejection(() => closer.close(book, '2026-07', confirmAll))).message).toContain(
      'bank_coverage',
    );
    book.db.close();
  });

  it('through the contract: checklist, close, undo refused, reopen needs a reason, audit list', async () => {
    const dir = tempDir();
    const book = await exampleMonth(dir);
    triageAll(book);
    const batchId = listBatches(book).find((b) => b.fileName === 'pos_export.xlsx')?.id ?? 0;
    book.db.close();
    const s = servicesIn(dir);
    try {
      s.books.openAt(join(dir, 'shop.feetrail'));
      const call = createServiceDispatcher(s);
      const list = await call('close:checklist', { month: '2026-08' });
      expect(list).toMatchObject({ ok: true, value: { canClose: true } });
      expect(await call('close:close', { month: '2026-08' })).toMatchObject({
        ok: true,
        value: { period: { state: 'closed' } },
      });
      const undo = await call('imports:undo', { batchId });
      expect(undo).toMatchObject({
        ok: false,
        error: { code: 'month_closed', details: { month: '2026-08' } },
      });
      expect(await call('close:reopen', { month: '2026-08', reason: ' ' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await call('close:reopen', { month: '2026-08', reason: '补录' })).toMatchObject({
        ok: true,
        value: { state: 'open', reopenReason: '补录' },
      });
      const periods = await call('close:periods', {});
      expect(periods).toMatchObject({ ok: true, value: [{ month: '2026-08', state: 'open' }] });
      const audit = await call('audit:list', {});
      const actions = audit.ok ? (audit.value as { action: string }[]).map((a) => a.action) : [];
      expect(actions.slice(0, 2)).toEqual(['period.reopened', 'period.closed']);
    } finally {
      s.close();
    }
  });
});
