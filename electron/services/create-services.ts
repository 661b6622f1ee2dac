/**
 * Builds the application services once per entry point (desktop main, browser host, CLI, tests).
 * No globals: every door owns the object this returns and closes it on exit.
 */
import type { AppInfo, Door } from '../../shared/api/contract';
import type { BookOpenOptions } from '../db/book';
import { BookService } from './book-service';
import { ChartsService } from './charts-service';
import { CloseService } from './close-service';
import { ConfigStore } from './config-store';
import { DisputeService } from './dispute-service';
import { EvidenceService } from './evidence-service';
import { FileRegistry } from './file-registry';
import { ImportJobs } from './import-jobs';
import { ImportService } from './import-service';
import { autoBackup } from './backup-service';
import { localNow } from '../db/book';
import { ReconcileService } from './reconcile-service';
import { ReportService } from './report-service';
import { defaultBookPathOf } from './paths';
import type { HtmlPrinter } from '../io/print-pdf';
import { createChromiumPrinter } from '../io/print-pdf';

export type ServicesOptions = {
  dataDir: string;
  door: Door;
  appVersion: string;
  migrationsDir: string;
  /** better-sqlite3's nativeBinding: the Electron-ABI build in the desktop app. */
  nativeBinding?: string;
  /** Keep the recent-books list (true for the UI doors, false for the CLI). Default true. */
  rememberRecent?: boolean;
  /**
   * Prints evidence packs and reports to PDF: by default one Chromium (via Playwright) for the life of
   * the services; the desktop app passes Electron's printToPDF. Closed with the services either way.
   */
  printer?: HtmlPrinter;
  /** Told of every PDF written for the user (the desktop app opens it in the system viewer to print). */
  onPdfWritten?: (path: string) => void;
};

export type Services = {
  readonly options: ServicesOptions;
  readonly config: ConfigStore;
  readonly files: FileRegistry;
  readonly books: BookService;
  readonly imports: ImportService;
  readonly importJobs: ImportJobs;
  readonly reconcile: ReconcileService;
  readonly disputes: DisputeService;
  readonly evidence: EvidenceService;
  readonly charts: ChartsService;
  readonly monthClose: CloseService;
  readonly reports: ReportService;
  appInfo(): AppInfo;
  close(): void;
};

export function createServices(options: ServicesOptions): Services {
  const config = new ConfigStore(options.dataDir);
  const files = new FileRegistry();
  const openOptions: BookOpenOptions = {
    migrationsDir: options.migrationsDir,
    appVersion: options.appVersion,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const books = new BookService(options.dataDir, config, openOptions, options.rememberRecent ?? true);
  const imports = new ImportService({}, localNow, (book) => autoBackup(book));
  const importJobs = new ImportJobs(books, imports);
  const disputes = new DisputeService();
  const printer = options.printer ?? createChromiumPrinter();
  return {
    options,
    config,
    files,
    books,
    imports,
    importJobs,
    reconcile: new ReconcileService(),
    disputes,
    evidence: new EvidenceService(disputes, printer, localNow, options.onPdfWritten),
    charts: new ChartsService(),
    monthClose: new CloseService(),
    reports: new ReportService(printer, localNow, options.onPdfWritten),
    appInfo: () => ({
      name: 'FeeTrail',
      version: options.appVersion,
      door: options.door,
      dataDir: options.dataDir,
      defaultBookPath: defaultBookPathOf(options.dataDir),
      platform: process.platform,
    }),
    close: () => {
      books.closeCurrent();
      printer
        .close()
        .catch((error: unknown) => console.error('[feetrail] closing the PDF printer failed', error));
    },
  };
}
