/**
 * The desktop app's printer: evidence packs and reports printed by Electron's own Chromium
 * (`webContents.printToPDF`) in a hidden window that runs no JavaScript, has no preload and sits in its
 * own in-memory session whose only allowed requests are the document's folder: hostile text in the HTML
 * stays text, and nothing remote is ever fetched. It takes the same `PdfJob` (margins, footer template)
 * as the Chromium printer the CLI, host and tests use (electron/io/print-pdf.ts), so the pages, page
 * numbers and footers come out the same (see docs/ELECTRON.md).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { BrowserWindow, session, shell } from 'electron';
import type { HtmlPrinter, PdfJob } from '../io/print-pdf';
import { EMPTY_HEADER } from '../io/print-pdf';
import type { AppLocation } from './app-url';
import type { GuardLog } from './security';
import { installContentsGuards, installSessionGuards } from './security';
import { printWindowOptions } from './window-options';

/** No `persist:` prefix: the session lives in memory and leaves nothing on disk. */
export const PRINT_PARTITION = 'feetrail-print';

const MM_PER_INCH = 25.4;

/** printToPDF's options for a job: A4, the job's margins (inches) and footer, as the Chromium printer. */
export function printToPdfOptions(job: PdfJob): PrintToPDFOptions {
  const inches = (mm: number) => mm / MM_PER_INCH;
  return {
    pageSize: 'A4',
    landscape: job.landscape ?? false,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: EMPTY_HEADER,
    footerTemplate: job.footer,
    margins: {
      marginType: 'custom',
      top: inches(job.margin.top),
      bottom: inches(job.margin.bottom),
      left: inches(job.margin.left),
      right: inches(job.margin.right),
    },
    // A document's own @page size (the evidence pack says A4) wins, as it does in Playwright's page.pdf().
    preferCSSPageSize: true,
  };
}

/**
 * Nothing is created until the first print (the temp folder, the print session's guards), so an app
 * that never prints never touches either. `close()` removes the temp folder.
 */
export function createPdfPrinter(tempRoot: string, log?: GuardLog): HtmlPrinter {
  let dir: string | null = null;
  const folder = (): string => {
    if (dir !== null) return dir;
    const created = join(tempRoot, `feetrail-print-${randomUUID()}`);
    mkdirSync(created, { recursive: true });
    const location: AppLocation = { kind: 'file', indexHtml: join(created, 'index.html') };
    installSessionGuards(session.fromPartition(PRINT_PARTITION), location, log);
    dir = created;
    return created;
  };

  return {
    async print(html, job) {
      // A file rather than a data: URL: evidence packs with embedded images exceed data-URL limits.
      const file = join(folder(), `${randomUUID()}.html`);
      writeFileSync(file, html, 'utf8');
      const window = new BrowserWindow(printWindowOptions(PRINT_PARTITION));
      installContentsGuards(window.webContents, { kind: 'file', indexHtml: file }, log);
      try {
        await window.loadFile(file);
        return await window.webContents.printToPDF(printToPdfOptions(job));
      } finally {
        window.destroy();
        rmSync(file, { force: true });
      }
    },
    close() {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
      dir = null;
      return Promise.resolve();
    },
  };
}

/**
 * The system print dialog, without a new IPC call: every PDF the services write for the user on the
 * desktop (evidence pack, report) opens in the system's PDF viewer, whose Print command is the
 * platform's own print dialog (printers, copies, duplex).
 */
export function openPrintedPdf(path: string, log: (message: string) => void): void {
  shell
    .openPath(path)
    .then((failure) => {
      if (failure !== '') log(`could not open ${path}: ${failure}`);
    })
    .catch((error: unknown) => log(`could not open ${path}: ${String(error)}`));
}

/**
 * What the desktop app hands `createServices`: evidence packs and reports print through printToPDF,
 * and each PDF saved for the user opens in the system viewer (whose Print is the OS print dialog).
 */
export function desktopPrinting(
  tempRoot: string,
  log: { refusal: GuardLog; error: (message: string) => void },
): { printer: HtmlPrinter; onPdfWritten: (path: string) => void } {
  return {
    printer: createPdfPrinter(tempRoot, log.refusal),
    onPdfWritten: (path) => openPrintedPdf(path, log.error),
  };
}
