import { describe, expect, it } from 'vitest';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { listFindings } from '../../electron/db/findings-repo';
import { createServices } from '../../electron/services/create-services';
import { createServiceDispatcher } from '../../electron/services/handlers';
import { previousMonth } from '../../electron/services/sample-book';
import { useTempDir } from './support/temp';

describe('open a sample book', () => {
  const tempDir = useTempDir();

  it('previous month is computed on the calendar, across a year boundary', () => {
    expect(previousMonth('2027-01-15 09:00:00')).toBe('2026-12');
    expect(previousMonth('2026-03-31')).toBe('2026-02');
  });

  it('creates a book with last month imported through the real import path and reconciled, showing the planted findings', async () => {
    const dir = tempDir();
    const s = createServices({
      dataDir: dir,
      door: 'web',
      appVersion: 't',
      migrationsDir: sourceMigrationsDir(),
    });
    const dispatch = createServiceDispatcher(s);
    const r = (await dispatch('book:createSample', {})) as {
      ok: true;
      value: { name: string; counts: { posTransactions: number; bankLines: number; importBatches: number } };
    };
    expect(r.ok).toBe(true);
    expect(r.value.name).toBe('示例账本');
    expect(r.value.counts.importBatches).toBe(2);
    expect(r.value.counts.posTransactions).toBeGreaterThan(800);
    expect(r.value.counts.bankLines).toBeGreaterThan(20);
    const kinds = listFindings(s.books.require(), {}).map((f) => [f.kind, f.deltaFen]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['fee_overcharged', 150],
        ['unexpected_deduction', 9900],
      ]),
    );
    const again = (await dispatch('book:createSample', {})) as { ok: true; value: { name: string } };
    expect(again.value.name).toBe('示例账本 2');
    s.close();
  });
});
