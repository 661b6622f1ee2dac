import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findingTxnIds } from '../../electron/db/findings-repo';
import { listBatches } from '../../electron/db/import-repo';
import { EVIDENCE_MARGIN, chromiumPath, createChromiumPrinter } from '../../electron/io/print-pdf';
import { DisputeService } from '../../electron/services/dispute-service';
import { EvidenceService } from '../../electron/services/evidence-service';
import { fen, formatFen } from '../../shared/money';
import { NOW, exampleMonth } from './support/dispute-month';
import { useTempDir } from './support/temp';

const run = promisify(execFile);
/** Every browser the printers of this file started, in order. */
const launched: Browser[] = [];
const launch = async () => {
  const b = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  launched.push(b);
  return b;
};
const printer = createChromiumPrinter({ launch });
const disputes = new DisputeService(() => NOW);
const evidence = new EvidenceService(disputes, printer, () => NOW);
afterAll(() => printer.close());
const HOSTILE_NAME = '<script>alert(1)</script>';
const HOSTILE_CELL = '=HYPERLINK("http://evil.example","点我")';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function unzip(path: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('the evidence pack', () => {
  const tempDir = useTempDir();

  it('prints every disputed ref no., fee, the claim and every source SHA-256; the bundle verifies', async () => {
    const dir = tempDir();
    const { book, picked } = await exampleMonth(dir);
    const d = disputes.create(book, {
      findingIds: picked.map((f) => f.id),
      fields: { merchantName: HOSTILE_NAME },
    });
    disputes.contact(book, { id: d.case.id, channel: 'hotline', note: '致电 95016', ticketNo: 'TK-778' });
    // Hostile text as if it had come from an imported file: a bank summary and an original cell.
    book.db.prepare("UPDATE bank_lines SET summary = ? WHERE counterparty LIKE '%拉卡拉%'").run(HOSTILE_NAME);
    const txnId = findingTxnIds(book, picked[0]!.id)[0]!;
    const src = book.db
      .prepare('SELECT source_row_id FROM pos_transactions WHERE id = ?')
      .pluck()
      .get(txnId) as number;
    book.db
      .prepare('UPDATE source_rows SET cells_json = ? WHERE id = ?')
      .run(JSON.stringify([HOSTILE_CELL, '@SUM(A1)', 1]), src);

    const html = evidence.html(book, d.case.id);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const pdfPath = join(dir, 'pack.pdf');
    const r = await evidence.writePdf(book, d.case.id, pdfPath);
    expect(r.txnCount).toBe(2);
    const { stdout: text } = await run('pdftotext', ['-layout', pdfPath, '-']);
    const flat = text.replace(/\s+/g, ' ');
    for (const f of picked) {
      for (const ref of f.refNos) expect(flat).toContain(ref);
      expect(flat).toContain(formatFen(fen(f.expectedFen!)));
      expect(flat).toContain(formatFen(fen(f.actualFen!)));
    }
    expect(flat).toContain(formatFen(fen(4388)));
    for (const b of listBatches(book)) expect(flat).toContain(b.sha256);
    expect(flat).toContain(d.case.caseNo);
    expect(flat).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    expect(flat).toContain('2026-09-05');
    expect(flat).toContain('TK-778');
    expect(flat).toContain(HOSTILE_NAME);

    const zipPath = join(dir, 'bundle.zip');
    const z = await evidence.writeBundle(book, d.case.id, zipPath);
    // Both prints (the pack, the bundle's copy) went through one browser.
    expect(launched.filter((b) => b.isConnected())).toHaveLength(1);
    expect(z.sha256).toBe(sha(readFileSync(zipPath)));
    const files = await unzip(zipPath);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      caseNo: string;
      files: { name: string; sha256: string; size: number }[];
    };
    expect(manifest.caseNo).toBe(d.case.caseNo);
    expect([...files.keys()].filter((n) => n !== 'manifest.json').sort()).toEqual(
      manifest.files.map((f) => f.name).sort(),
    );
    for (const f of manifest.files) {
      expect(sha(files.get(f.name)!)).toBe(f.sha256);
      expect(files.get(f.name)!.length).toBe(f.size);
    }
    // The source copies are the very files imported.
    for (const b of listBatches(book)) expect(manifest.files.some((f) => f.sha256 === b.sha256)).toBe(true);

    const xlsxName = manifest.files.find((f) => f.name.endsWith('.xlsx'))!.name;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get(xlsxName)! as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cap = picked.find((f) => f.kind === 'cap_not_applied')!;
    const capRow = ws.getRows(2, 2)!.find((row) => row.getCell(5).value === cap.refNos[0])!;
    expect(capRow.getCell(10).formula).toBe(
      `MIN(ROUND(G${capRow.number}*H${capRow.number}/100,2),I${capRow.number})`,
    );
    expect(capRow.getCell(12).formula).toBe(`K${capRow.number}-J${capRow.number}`);
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(typeof c.value === 'string' ? c.value : '')));
    expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true);
    expect(cells.every((c) => !/^[=+\-@]/.test(c))).toBe(true);

    const events = disputes.detail(book, d.case.id).events.filter((e) => e.type === 'document');
    expect(events.map((e) => [e.documentName, e.documentSha256])).toEqual([
      ['pack.pdf', r.sha256],
      ['bundle.zip', z.sha256],
    ]);
    book.close();
  });

  it('keeps one browser for many prints, starts another if it went away, and closes it', async () => {
    const own = createChromiumPrinter({ launch });
    const job = {
      footer: '<span style="font-size:8px">FT <span class="pageNumber"></span></span>',
      margin: EVIDENCE_MARGIN,
    };
    const before = launched.length;
    const [a, b] = await Promise.all([own.print('<p>一</p>', job), own.print('<p>二</p>', job)]);
    await own.print('<p>三</p>', job);
    expect(launched.length - before).toBe(1);
    for (const pdf of [a, b]) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = launched.at(-1)!;
    // Each print's context is closed after it; one unused context waits for the next print.
    await vi.waitFor(() => expect(first.contexts()).toHaveLength(1));
    const waiting = first.contexts()[0]!;
    await own.print('<p>三½</p>', job);
    expect(first.contexts()).not.toContain(waiting);

    // The browser crashed or was killed: the next print starts a new one and succeeds.
    await first.close();
    const again = await own.print('<p>四</p>', job);
    expect(again.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(launched.length - before).toBe(2);
    const second = launched.at(-1)!;
    expect(second.isConnected()).toBe(true);

    await own.close();
    expect(second.isConnected()).toBe(false);
    // Closed is not broken: a later print launches afresh.
    await own.print('<p>五</p>', job);
    expect(launched.length - before).toBe(3);
    await own.close();
  });
});
