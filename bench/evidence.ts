/**
 * Printing an evidence pack of 200 disputed transactions (target: under 3 s): a generated month of
 * 2,000 POS rows with 200 overcharged fees, reconciled, one case from every finding. Timed separately:
 * gathering the document model + rendering the HTML; the first print, which launches Chromium; and a
 * warm print, the pack as the user gets it in the running app (host, desktop), whose printer stays up.
 * The target applies to the warm print; the first print is reported beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBook } from '../electron/db/book';
import { listFindings } from '../electron/db/findings-repo';
import { sourceMigrationsDir } from '../electron/db/migrations-dir';
import { renderEvidenceHtml } from '../electron/io/evidence/EvidenceDocument';
import { createChromiumPrinter } from '../electron/io/print-pdf';
import { DisputeService } from '../electron/services/dispute-service';
import { EvidenceService } from '../electron/services/evidence-service';
import { ImportService } from '../electron/services/import-service';
import { ReconcileService } from '../electron/services/reconcile-service';
import { fen } from '../shared/money';
import {
  generateBankLines,
  generatePosTxns,
  writeBankFixture,
  writePosFixture,
} from '../tests/fixtures/generator';
import { median } from './measure';

const NOW = () => '2026-09-05 12:00:00';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

export async function benchEvidence(): Promise<{ name: string; medianMs: number; note?: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'feetrail-bench-evidence-'));
  try {
    const txns = generatePosTxns({
      seed: 7,
      count: 2000,
      startDate: '2026-08-01',
      days: 31,
      voidRate: 0,
      refundRate: 0,
      failRate: 0,
    });
    let bumped = 0;
    for (let i = 0; i < txns.length && bumped < 200; i += 7) {
      const t = txns[i]!;
      if (t.txnType !== 'sale' || t.feeFen === null) continue;
      txns[i] = {
        ...t,
        feeFen: fen(t.feeFen + 3 + (bumped % 50)),
        settleFen: t.settleFen === null ? null : fen(t.settleFen - 3 - (bumped % 50)),
      };
      bumped++;
    }
    const lines = generateBankLines({ seed: 7, posTxns: txns, startDate: '2026-08-01', days: 31 });
    await writePosFixture(join(dir, 'pos.xlsx'), txns, { titleRows: true, footer: true });
    await writeBankFixture(join(dir, 'bank.xlsx'), lines, { kind: 'split' });
    const book = createBook(join(dir, 'bench.feetrail'), {
      migrationsDir: sourceMigrationsDir(),
      appVersion: 'bench',
    });
    const imports = new ImportService();
    await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
    await imports.importFile(book, join(dir, 'bank.xlsx'), 'bank.xlsx');
    new ReconcileService(NOW).run(book, { month: '2026-08' });
    const disputes = new DisputeService(NOW);
    const printer = createChromiumPrinter();
    const evidence = new EvidenceService(disputes, printer, NOW);
    const ids = listFindings(book, {})
      .filter((f) => f.deltaFen > 0 && f.txnCount > 0)
      .map((f) => f.id);
    const id = disputes.create(book, { findingIds: ids }).case.id;
    const html: number[] = [];
    const first: number[] = [];
    const warm: number[] = [];
    let count = 0;
    try {
      for (let i = 0; i < RUNS; i++) {
        let t0 = performance.now();
        const model = evidence.model(book, id);
        renderEvidenceHtml(model);
        count = model.txns.length;
        html.push(performance.now() - t0);
        // A cold start each round: the browser is closed, so this print launches it again.
        await printer.close();
        t0 = performance.now();
        await evidence.writePdf(book, id, join(dir, `first-${i}.pdf`));
        first.push(performance.now() - t0);
        t0 = performance.now();
        await evidence.writePdf(book, id, join(dir, `warm-${i}.pdf`));
        warm.push(performance.now() - t0);
      }
    } finally {
      await printer.close();
      book.close();
    }
    return [
      { name: `evidence: model + HTML, ${count} txns`, medianMs: median(html) },
      {
        name: `evidence: print PDF, ${count} txns, warm (browser already up, as in the running app)`,
        medianMs: median(warm),
        note: 'target < 3000 ms',
      },
      {
        name: `evidence: print PDF, ${count} txns, first print (launches Chromium)`,
        medianMs: median(first),
        note: 'once per app/host run, or per CLI command',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  void benchEvidence().then((rows) => console.log(JSON.stringify(rows, null, 2)));
}
