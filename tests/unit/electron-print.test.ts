/**
 * The desktop printer (electron/main/print.ts) against a stand-in for Electron's API: what it hands
 * `webContents.printToPDF` (the same margins and footer template the Chromium printer gives Playwright),
 * the hidden, script-less window it prints in, and that the services a desktop app builds print
 * evidence packs and reports through it and open each saved PDF in the system viewer (its Print is the
 * OS print dialog). Electron never starts; the services, the book and the documents are real.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { evidenceFooter } from '../../electron/io/evidence/EvidenceDocument';
import { EMPTY_HEADER, EVIDENCE_MARGIN, pagePdfOptions } from '../../electron/io/print-pdf';
import { REPORT_MARGIN } from '../../electron/io/reports/print-report';
import { REPORT_FOOTER } from '../../electron/io/reports/report-html';
import {
  PRINT_PARTITION,
  createPdfPrinter,
  desktopPrinting,
  openPrintedPdf,
  printToPdfOptions,
} from '../../electron/main/print';
import { createServices } from '../../electron/services/create-services';
import { exampleMonth } from '../integration/support/dispute-month';

const fake = vi.hoisted(() => {
  const partitions: string[] = [];
  const sessionGuards: string[] = [];
  const opened: string[] = [];
  const openResult = { value: '' };
  const windows: {
    options: BrowserWindowConstructorOptions;
    loaded: { path: string; html: string }[];
    printed: PrintToPDFOptions[];
    guards: string[];
    destroyed: boolean;
  }[] = [];

  class BrowserWindow {
    readonly webContents;
    private readonly record: (typeof windows)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], printed: [], guards: [], destroyed: false };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (event: string) => record.guards.push(event),
        setWindowOpenHandler: () => record.guards.push('window-open'),
        printToPDF: (o: PrintToPDFOptions) => {
          record.printed.push(o);
          // What Chromium would hand back; the bytes name the window so the test can find them.
          return Promise.resolve(Buffer.from(`%PDF-1.4 window ${windows.indexOf(record)}`));
        },
      };
    }
    async loadFile(path: string) {
      // Read at load time, as Chromium does: the file must exist while the page loads.
      const { readFileSync: read } = await import('node:fs');
      this.record.loaded.push({ path, html: read(path, 'utf8') });
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const guard = (name: string) => () => sessionGuards.push(name);
  return {
    partitions,
    sessionGuards,
    opened,
    openResult,
    windows,
    module: {
      BrowserWindow,
      session: {
        fromPartition: (name: string) => {
          partitions.push(name);
          return {
            setPermissionRequestHandler: guard('permission-request'),
            setPermissionCheckHandler: guard('permission-check'),
            setDevicePermissionHandler: guard('device-permission'),
            webRequest: {
              onBeforeRequest: guard('before-request'),
              onHeadersReceived: guard('headers-received'),
            },
          };
        },
      },
      shell: {
        openPath: (path: string) => {
          opened.push(path);
          return Promise.resolve(openResult.value);
        },
      },
    },
  };
});

vi.mock('electron', () => fake.module);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let temp = '';

beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'feetrail-print-test-'));
  fake.partitions.length = 0;
  fake.sessionGuards.length = 0;
  fake.opened.length = 0;
  fake.windows.length = 0;
  fake.openResult.value = '';
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

describe('printToPDF options', () => {
  it('are the Chromium printer’s job: A4, margins in inches, the footer template, no header', () => {
    const footer = '<div>第 <span class="pageNumber"></span> 页</div>';
    const o = printToPdfOptions({ footer, margin: EVIDENCE_MARGIN });
    expect(o).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: EMPTY_HEADER,
      footerTemplate: footer,
      preferCSSPageSize: true,
    });
    expect(o.margins?.marginType).toBe('custom');
    // 14 mm top, 18 mm bottom, 12 mm each side, as Playwright's page.pdf() gets them.
    expect(o.margins?.top).toBeCloseTo(14 / 25.4, 6);
    expect(o.margins?.bottom).toBeCloseTo(18 / 25.4, 6);
    expect(o.margins?.left).toBeCloseTo(12 / 25.4, 6);
    expect(printToPdfOptions({ footer, margin: REPORT_MARGIN, landscape: true }).landscape).toBe(true);
  });

  it('say what the Chromium printer tells page.pdf(), in printToPDF’s units', () => {
    for (const job of [
      { footer: '<span>E</span>', margin: EVIDENCE_MARGIN },
      { footer: '<span>R</span>', margin: REPORT_MARGIN, landscape: true },
    ]) {
      const electron = printToPdfOptions(job);
      const { margin, format, ...rest } = pagePdfOptions(job);
      expect(format).toBe(electron.pageSize);
      expect(rest).toEqual({
        landscape: electron.landscape,
        printBackground: electron.printBackground,
        displayHeaderFooter: electron.displayHeaderFooter,
        headerTemplate: electron.headerTemplate,
        footerTemplate: electron.footerTemplate,
      });
      for (const side of ['top', 'bottom', 'left', 'right'] as const) {
        expect(Number.parseFloat(String(margin?.[side])) / 25.4).toBeCloseTo(
          electron.margins?.[side] ?? 0,
          9,
        );
        expect(String(margin?.[side])).toMatch(/mm$/);
      }
    }
  });
});

describe('the desktop printer', () => {
  it('touches nothing until the first print, then prints in a hidden script-less guarded window', async () => {
    const printer = createPdfPrinter(temp);
    expect(fake.partitions).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);

    const pdf = await printer.print('<p>申诉材料</p>', { footer: '<span>F</span>', margin: EVIDENCE_MARGIN });
    expect(pdf.toString('latin1')).toBe('%PDF-1.4 window 0');
    expect(fake.partitions).toEqual([PRINT_PARTITION]);
    expect(fake.sessionGuards).toContain('before-request');
    const [w] = fake.windows;
    expect(w?.options.show).toBe(false);
    expect(w?.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      partition: PRINT_PARTITION,
    });
    expect(w?.options.webPreferences?.preload).toBeUndefined();
    expect(w?.guards).toEqual(expect.arrayContaining(['will-navigate', 'window-open']));
    expect(w?.loaded.map((l) => l.html)).toEqual(['<p>申诉材料</p>']);
    expect(w?.printed[0]?.footerTemplate).toBe('<span>F</span>');
    // The window is gone and so is the page's file; the folder stays for the next print.
    expect(w?.destroyed).toBe(true);
    expect(existsSync(w?.loaded[0]?.path ?? '')).toBe(false);

    await printer.print('<p>二</p>', { footer: '', margin: EVIDENCE_MARGIN });
    expect(fake.partitions).toHaveLength(1);
    await printer.close();
    expect(readdirSync(temp)).toEqual([]);
  });

  it('reports a PDF the system viewer could not open', async () => {
    const log = vi.fn();
    fake.openResult.value = 'no application';
    openPrintedPdf('/x/申诉材料.pdf', log);
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith('could not open /x/申诉材料.pdf: no application'),
    );
    expect(fake.opened).toEqual(['/x/申诉材料.pdf']);
  });
});

describe('services built the desktop way', () => {
  it('print evidence packs and reports through printToPDF with the shared footers and open each PDF', async () => {
    const services = createServices({
      dataDir: join(temp, 'data'),
      door: 'desktop',
      appVersion: '0.0.0-test',
      migrationsDir: sourceMigrationsDir(),
      // As electron/main/index.ts passes them.
      ...desktopPrinting(join(temp, 'print'), { refusal: () => undefined, error: () => undefined }),
    });
    const { book, picked } = await exampleMonth(temp);
    try {
      const d = services.disputes.create(book, { findingIds: picked.map((f) => f.id) });
      const out = join(temp, 'out', '申诉材料.pdf');
      const html = services.evidence.html(book, d.case.id);
      const footer = evidenceFooter(services.evidence.model(book, d.case.id));
      const r = await services.evidence.writePdf(book, d.case.id, out);

      const [w] = fake.windows;
      expect(w?.printed).toEqual([printToPdfOptions({ footer, margin: EVIDENCE_MARGIN })]);
      // The footer names the case and the print date and numbers the pages, as on the CLI's pages.
      expect(footer).toContain(d.case.caseNo);
      expect(footer).toMatch(
        /第 <span class="pageNumber"><\/span> 页 \/ 共 <span class="totalPages"><\/span> 页/,
      );
      expect(w?.loaded[0]?.html === html).toBe(true);
      expect(readFileSync(out).toString('latin1')).toBe('%PDF-1.4 window 0');
      expect(r.sha256).toBe(sha(readFileSync(out)));
      await vi.waitFor(() => expect(fake.opened).toEqual([out]));

      const month = join(temp, 'out', '月结报告.pdf');
      await services.reports.writeMonth(book, '2026-08', 'pdf', month);
      await services.reports.writeAnnual(book, 2026, 'pdf', join(temp, 'out', 'annual.pdf'));
      await services.reports.writeAnnual(book, 2026, 'xlsx', join(temp, 'out', 'annual.xlsx'));
      expect(fake.windows.map((x) => x.printed[0])).toEqual([
        w?.printed[0],
        printToPdfOptions({ footer: REPORT_FOOTER, margin: REPORT_MARGIN, landscape: false }),
        printToPdfOptions({ footer: REPORT_FOOTER, margin: REPORT_MARGIN, landscape: true }),
      ]);
      // The .xlsx is not a print: only the PDFs open in the viewer.
      await vi.waitFor(() => expect(fake.opened).toEqual([out, month, join(temp, 'out', 'annual.pdf')]));
    } finally {
      book.close();
      services.close();
    }
  });
});
