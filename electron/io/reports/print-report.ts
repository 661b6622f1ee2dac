/**
 * Prints a report's self-contained HTML to an A4 PDF with Chromium through playwright-core (CLI, host,
 * tests). Separate from electron/io/print-pdf.ts (the evidence printer) because reports need landscape
 * pages; the desktop app can inject Electron's printToPDF instead (same `ReportPrinter` shape).
 * The page runs no JavaScript and may fetch nothing.
 */
import { chromium } from 'playwright-core';

export type ReportPrinter = (
  html: string,
  options: { landscape: boolean; footer: string },
) => Promise<Buffer>;

export const REPORT_MARGIN = { top: '12mm', bottom: '14mm', left: '10mm', right: '10mm' };

export const printReportWithChromium: ReportPrinter = async (html, options) => {
  const browser = await chromium.launch({
    executablePath: process.env['FEETRAIL_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      landscape: options.landscape,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: options.footer,
      margin: REPORT_MARGIN,
    });
  } finally {
    await browser.close();
  }
};
