/**
 * Exporting the annual fee summary of a year of 100,000 transactions (target: under 2 s for the .xlsx).
 * The book is filled through the import repository's batch writer (the import itself is benchmarked
 * elsewhere) plus 500 fee findings, so the summary has differences to subtract. The lead's
 * bench/index.ts calls `benchReports()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBook } from '../electron/db/book';
import { saveRun } from '../electron/db/findings-repo';
import { openBatchWriter, runImportTransaction } from '../electron/db/import-repo';
import { sourceMigrationsDir } from '../electron/db/migrations-dir';
import { createChromiumPrinter } from '../electron/io/print-pdf';
import { ReportService } from '../electron/services/report-service';
import { summarise } from '../shared/domain/reconcile/summary';
import type { Finding } from '../shared/domain/reconcile/types';
import { fen } from '../shared/money';
import { generatePosTxns } from '../tests/fixtures/generator';

const ROWS = 100_000;
const RUNS = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    await work();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round(median(ms));
}

export async function benchReports(): Promise<{ name: string; medianMs: number; note?: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'feetrail-bench-reports-'));
  try {
    const book = createBook(join(dir, 'year.feetrail'), {
      migrationsDir: sourceMigrationsDir(),
      appVersion: 'bench',
    });
    const txns = generatePosTxns({ seed: 2025, count: ROWS, startDate: '2025-01-01', days: 365 });
    await runImportTransaction(book, () => {
      const w = openBatchWriter(book, {
        kind: 'pos',
        fileName: 'year.xlsx',
        fileSize: 0,
        sha256: 'bench',
        format: 'xlsx',
        encoding: null,
        sheet: 'Sheet1',
        headerRow: 1,
        mappingJson: '{}',
        templateId: null,
        importedAt: '2026-01-05 09:00:00',
      });
      txns.forEach((t, i) => w.addPos(t, `bench-${i}`, { sheet: 'Sheet1', row: i + 2, cells: [] }));
      w.finish();
      return Promise.resolve();
    });
    const findings: Finding[] = txns.slice(0, 500).map((t, i) => ({
      kind: 'fee_overcharged',
      severity: 'medium',
      fingerprint: `bench-finding-${i}`,
      txnIds: [],
      refNos: t.refNo ? [t.refNo] : [],
      bankLineIds: [],
      expectedFen: fen(100),
      actualFen: fen(112),
      deltaFen: fen(12),
      date: t.txnTime.slice(0, 10),
      channel: t.channel,
      terminalId: t.terminalId,
      merchantNo: t.merchantNo,
      zh: '多收手续费',
      en: 'Fee overcharged',
      details: {},
    }));
    const summary = summarise({ from: '2025-01-01', to: '2025-12-31' }, [], [], emptySettlement(), []);
    saveRun(book, { from: '2025-01-01', to: '2025-12-31' }, findings, summary, '2026-01-05 10:00:00');

    const printer = createChromiumPrinter();
    const reports = new ReportService(printer);
    let xlsxMs: number, firstPdfMs: number, pdfMs: number;
    try {
      xlsxMs = await timed(RUNS, () => reports.annualReport(book, 2025, 'xlsx'));
      firstPdfMs = await timed(1, () => reports.annualReport(book, 2025, 'pdf'));
      pdfMs = await timed(RUNS, () => reports.annualReport(book, 2025, 'pdf'));
    } finally {
      await printer.close();
      book.close();
    }
    return [
      {
        name: `annual fee summary .xlsx, ${ROWS} transactions over a year`,
        medianMs: xlsxMs,
        note: 'target < 2 s',
      },
      {
        name: `annual fee summary PDF, ${ROWS} transactions over a year, warm printer`,
        medianMs: pdfMs,
        note: `the first PDF, which launches Chromium: ${firstPdfMs} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function emptySettlement(): Parameters<typeof summarise>[3] {
  return {
    findings: [],
    matched: [],
    dueFen: fen(0),
    receivedFen: fen(0),
    pending: [],
    matchedLineIds: new Set<number>(),
    byAmountOnly: [],
    mismatched: [],
  };
}
