/**
 * A 参考号 used again for another transaction (a terminal's numbers wrap around; each month's export of
 * some back offices restarts them) is another row, never a silent duplicate; the same transaction
 * exported twice is still imported once.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { undoBatch } from '../../electron/db/import-repo';
import { ImportService } from '../../electron/services/import-service';
import { generateCleanMonth, writePosFixture } from '../fixtures/generator';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

describe('reused reference numbers', () => {
  const tempDir = useTempDir();

  it('two months whose exports restart the 参考号 both import whole, once, also after an undo', async () => {
    const dir = tempDir();
    const aug = generateCleanMonth({ seed: 5, count: 40, startDate: '2026-08-01' }).txns;
    const sep = generateCleanMonth({ seed: 6, count: 30, startDate: '2026-09-01' }).txns;
    const key = (t: (typeof aug)[number]) => `${t.terminalId}/${t.refNo}/${t.txnType}`;
    const shared = sep.filter((t) => aug.some((a) => key(a) === key(t)));
    expect(shared.length).toBeGreaterThan(5); // the generator restarts its numbers each month
    await writePosFixture(join(dir, 'aug.xlsx'), aug);
    await writePosFixture(join(dir, 'sep.xlsx'), sep);
    const book = newBook(dir);
    const imports = new ImportService();
    const a = await imports.importFile(book, join(dir, 'aug.xlsx'), 'aug.xlsx');
    const s = await imports.importFile(book, join(dir, 'sep.xlsx'), 'sep.xlsx');
    expect([a.added, s.added]).toEqual([aug.length, sep.length]);
    // Said once for the file, at its first such row, counting them all.
    expect(s.issues.filter((i) => i.code === 'ref_reused')).toMatchObject([
      { severity: 'warning', params: { detail: String(shared.length) } },
    ]);
    const rows = () => book.db.prepare('SELECT count(*) FROM pos_transactions').pluck().get();
    expect(rows()).toBe(aug.length + sep.length);
    // Each file again, and the September rows again after August is undone: nothing added.
    expect((await imports.importFile(book, join(dir, 'aug.xlsx'), 'aug.xlsx')).added).toBe(0);
    undoBatch(book, a.batchId ?? 0, '2026-10-01 10:00:00');
    expect(rows()).toBe(sep.length);
    // Another export of September (a title row more: another file, so every row is looked up).
    await writePosFixture(join(dir, 'sep-again.xlsx'), sep, { titleRows: true });
    const again = await imports.importFile(book, join(dir, 'sep-again.xlsx'), 'sep-again.xlsx');
    expect(again.added).toBe(0);
    book.close();
  });

  it('within one export: another day’s transaction under the same 参考号 is kept, a repeated row is not', async () => {
    const dir = tempDir();
    const [t0, t1] = generateCleanMonth({ seed: 8, count: 20, startDate: '2026-08-01' }).txns.filter(
      (t) => t.txnType === 'sale' && t.status === 'success',
    );
    if (!t0 || !t1) throw new Error('the generator gave too few sales');
    const reused = { ...t1, refNo: t0.refNo, terminalId: t0.terminalId, txnTime: '2026-08-29 10:00:00' };
    await writePosFixture(join(dir, 'pos.xlsx'), [t0, reused, t0]);
    const book = newBook(dir);
    const r = await new ImportService().importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
    expect([r.added, r.duplicates]).toEqual([2, 1]);
    expect(r.issues.map((i) => i.code).sort()).toEqual(['duplicate_in_file', 'ref_reused']);
    book.close();
  });
});
