/** The settlement days an evidence pack prints: each due date with all the money due on it. */
import { describe, expect, it } from 'vitest';
import { txnsBetween } from '../../electron/db/ledger-repo';
import { gatherEvidence } from '../../electron/services/evidence-data';
import { DisputeService } from '../../electron/services/dispute-service';
import { reconcileSettings, setReconcileSettings } from '../../electron/services/reconcile-service';
import { addDays, weekday } from '../../shared/domain/local-date';
import { settlementAmount } from '../../shared/domain/reconcile';
import { sumFen } from '../../shared/money';
import { NOW, exampleMonth } from './support/dispute-month';
import { useTempDir } from './support/temp';

describe('evidence settlement days', () => {
  const tempDir = useTempDir();

  it('under T+1 a Monday is held against Friday’s, Saturday’s and Sunday’s money, not Friday’s alone', async () => {
    const { book, picked } = await exampleMonth(tempDir());
    setReconcileSettings(book, { ...reconcileSettings(book), settlementCycle: 'T+1' });
    const disputes = new DisputeService(() => NOW);
    const d = disputes.create(book, { findingIds: picked.map((f) => f.id) });
    const days = gatherEvidence(book, disputes, d.case.id, 'zh', NOW).settlement;
    // August 2026 has no public holiday: every Monday pays the three days before it.
    const mondays = days.filter((s) => weekday(s.dueDate) === 1);
    expect(mondays.length).toBeGreaterThan(0);
    for (const m of mondays) {
      const paid = txnsBetween(book, addDays(m.dueDate, -3), addDays(m.dueDate, -1));
      const friday = txnsBetween(book, addDays(m.dueDate, -3), addDays(m.dueDate, -3));
      expect(m.expectedFen).toBe(sumFen(paid.map((t) => settlementAmount(t))));
      expect(m.expectedFen).toBeGreaterThan(sumFen(friday.map((t) => settlementAmount(t))));
    }
    expect(days.map((s) => s.dueDate)).toEqual([...new Set(days.map((s) => s.dueDate))].sort());
    book.close();
  });
});
