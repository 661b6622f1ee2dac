/**
 * Printing self-contained HTML (evidence packs, reports) to A4 PDFs. One document source, two printers
 * behind the same `HtmlPrinter` shape: Chromium through playwright-core here (the CLI, the browser host,
 * the tests, the benchmarks) and Electron's printToPDF in the desktop app (electron/main/print.ts). Both
 * receive the same margins and footer template, so the pages come out the same.
 *
 * The Chromium printer keeps one browser per printer (one printer per process: createServices owns it),
 * launched on the first print and reused. Every print gets a fresh context (no JavaScript, offline,
 * every request aborted; opened ahead, after the previous print), so prints share nothing. A browser
 * that went away (crash, killed) is launched again on the next print. `close()` ends it: the CLI closes
 * its services after each command, so the process exits promptly; Playwright also kills the browser if
 * the process exits first.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

type PDFOptions = NonNullable<Parameters<Page['pdf']>[0]>;

/** Page margins in millimetres. */
export type PdfMargin = { top: number; bottom: number; left: number; right: number };

export type PdfJob = {
  /** Chromium's footer template (page numbers via `pageNumber` / `totalPages`, case no., date…). */
  footer: string;
  margin: PdfMargin;
  landscape?: boolean;
};

export type HtmlPrinter = {
  print(html: string, job: PdfJob): Promise<Buffer>;
  /** Frees what the printer holds (the browser, temp files); a later print starts afresh. */
  close(): Promise<void>;
};

/** The footer template needs a header template too, or Chromium prints its own (title, date). */
export const EMPTY_HEADER = '<span></span>';

export const EVIDENCE_MARGIN: PdfMargin = { top: 14, bottom: 18, left: 12, right: 12 };

const mm = (value: number): string => `${value}mm`;

export function chromiumPath(): string {
  return process.env['FEETRAIL_CHROMIUM'] ?? '/usr/bin/chromium';
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Playwright's page.pdf() options for a job (Electron's printToPDF gets the same, in inches). */
export function pagePdfOptions(job: PdfJob): PDFOptions {
  return {
    format: 'A4',
    landscape: job.landscape ?? false,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: EMPTY_HEADER,
    footerTemplate: job.footer,
    margin: {
      top: mm(job.margin.top),
      bottom: mm(job.margin.bottom),
      left: mm(job.margin.left),
      right: mm(job.margin.right),
    },
  };
}

export type ChromiumPrinterOptions = {
  /** How the browser is started (tests wrap it to count launches); default: Chromium at chromiumPath(). */
  launch?: () => Promise<Browser>;
};

type Tab = { context: BrowserContext; page: Page };

/** A fresh, isolated context: no JavaScript, offline, every request aborted. */
async function openTab(b: Browser): Promise<Tab> {
  const context = await b.newContext({ javaScriptEnabled: false, offline: true });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  return { context, page };
}

export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): HtmlPrinter {
  const launch =
    options.launch ?? (() => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }));
  let browser: Promise<Browser> | null = null;
  /**
   * The next print's context, opened once a print is done: starting a context (a renderer process)
   * costs a noticeable part of a print, and this way it is off the user's wait. Never used twice.
   */
  let spare: { browser: Browser; tab: Promise<Tab> } | null = null;

  const current = (): Promise<Browser> => {
    if (browser !== null) return browser;
    const launching = launch();
    browser = launching;
    const forget = () => {
      if (browser === launching) browser = null;
    };
    void launching.then((b) => b.on('disconnected', forget), forget);
    return launching;
  };

  const takeTab = async (b: Browser): Promise<Tab> => {
    const ready = spare;
    spare = null;
    if (ready?.browser === b) {
      const tab = await ready.tab.catch(() => null);
      if (tab !== null && !tab.page.isClosed()) return tab;
    }
    return openTab(b);
  };

  const prepareSpare = (b: Browser): void => {
    if (spare !== null || !b.isConnected()) return;
    const tab = openTab(b);
    tab.catch(() => undefined); // a browser closed meanwhile: the next print opens its own
    spare = { browser: b, tab };
  };

  return {
    async print(html, job) {
      let b = await current();
      if (!b.isConnected()) {
        // Went away between its 'disconnected' event and now: start another.
        browser = null;
        b = await current();
      }
      const { context, page } = await takeTab(b);
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf(pagePdfOptions(job));
      } finally {
        await context.close().catch(() => undefined);
        prepareSpare(b);
      }
    },
    async close() {
      const closing = browser;
      browser = null;
      spare = null;
      // Closing the browser closes its contexts, the spare one included.
      const b = await closing?.catch(() => null);
      await b?.close();
    },
  };
}
