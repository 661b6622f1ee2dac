/**
 * Prints an HTML document (an evidence pack, a report) to PDF with Chromium's own printer, in a hidden
 * window that runs no JavaScript, has no preload and sits in its own in-memory session whose only
 * allowed requests are the document's folder: hostile text in the HTML stays text, and nothing remote
 * is ever fetched. The CLI and host print the same HTML with Playwright (see docs/ELECTRON.md).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, session } from 'electron';
import type { AppLocation } from './app-url';
import { installContentsGuards, installSessionGuards } from './security';
import { printWindowOptions } from './window-options';

/** No `persist:` prefix: the session lives in memory and leaves nothing on disk. */
export const PRINT_PARTITION = 'feetrail-print';

export type PdfOptions = { landscape?: boolean };

export type PdfPrinter = {
  printHtmlToPdf(html: string, options?: PdfOptions): Promise<Buffer>;
  dispose(): void;
};

export function createPdfPrinter(tempRoot: string): PdfPrinter {
  const dir = join(tempRoot, `feetrail-print-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  const folder: AppLocation = { kind: 'file', indexHtml: join(dir, 'index.html') };
  installSessionGuards(session.fromPartition(PRINT_PARTITION), folder);

  return {
    async printHtmlToPdf(html, options = {}) {
      // A file rather than a data: URL: evidence packs with embedded images exceed data-URL limits.
      const file = join(dir, `${randomUUID()}.html`);
      writeFileSync(file, html, 'utf8');
      const window = new BrowserWindow(printWindowOptions(PRINT_PARTITION));
      installContentsGuards(window.webContents, { kind: 'file', indexHtml: file });
      try {
        await window.loadFile(file);
        return await window.webContents.printToPDF({
          pageSize: 'A4',
          landscape: options.landscape ?? false,
          printBackground: true,
          // The document's @page rules (margins, page numbers) decide the layout.
          preferCSSPageSize: true,
        });
      } finally {
        window.destroy();
        rmSync(file, { force: true });
      }
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
