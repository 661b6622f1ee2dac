/**
 * The node-side printer: Chromium through playwright-core prints the evidence HTML to an A4 PDF (the
 * CLI, the browser host and the tests; the desktop app passes Electron's printToPDF instead). The page
 * runs no JavaScript and may fetch nothing: the document is self-contained.
 */
import { chromium } from 'playwright-core';

/** Prints a self-contained HTML document; `footer` is Chromium's footer template (page numbers…). */
export type PrintPdf = (html: string, footer: string) => Promise<Buffer>;

export function chromiumPath(): string {
  return process.env['FEETRAIL_CHROMIUM'] ?? '/usr/bin/chromium';
}

export const PDF_MARGIN = { top: '14mm', bottom: '18mm', left: '12mm', right: '12mm' };

export const printPdfWithChromium: PrintPdf = async (html, footer) => {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      margin: PDF_MARGIN,
    });
  } finally {
    await browser.close();
  }
};
