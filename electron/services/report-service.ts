/**
 * Writing the month-end report (月结报告) and the annual fee summary (年度手续费汇总) as .xlsx or PDF.
 * The figures are gathered once (report-data.ts) and handed to the writers in electron/io/reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReportFormat, ReportLang } from '../../shared/api/close';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import { annualWorkbook } from '../io/reports/annual-xlsx';
import { monthWorkbook } from '../io/reports/month-xlsx';
import type { HtmlPrinter } from '../io/print-pdf';
import { createChromiumPrinter } from '../io/print-pdf';
import { reportJob } from '../io/reports/print-report';
import { annualHtml, monthHtml, reportFooter } from '../io/reports/report-html';
import { reportText } from '../io/reports/report-text';
import { gatherMonthReport, gatherReport } from './report-data';

export function formatOfPath(path: string): ReportFormat | null {
  const p = path.toLowerCase();
  return p.endsWith('.pdf') ? 'pdf' : p.endsWith('.xlsx') ? 'xlsx' : null;
}

export class ReportService {
  constructor(
    /** Default: a Chromium printer of its own (launched on the first PDF); createServices passes its one. */
    private readonly printer: HtmlPrinter = createChromiumPrinter(),
    private readonly now: () => string = localNow,
    /** Told of every PDF written to a file (the desktop app opens it in the system viewer to print). */
    private readonly onPdfWritten: (path: string) => void = () => undefined,
  ) {}

  async monthReport(book: Book, month: string, format: ReportFormat, lang?: ReportLang): Promise<Buffer> {
    const data = gatherMonthReport(book, month, this.now());
    const tx = reportText(lang);
    return format === 'xlsx'
      ? monthWorkbook(data, tx)
      : this.printer.print(monthHtml(data, tx), { ...reportJob(false), footer: reportFooter(tx) });
  }

  async annualReport(book: Book, year: number, format: ReportFormat, lang?: ReportLang): Promise<Buffer> {
    const data = gatherReport(book, `${year}-01-01`, `${year}-12-31`, this.now());
    const tx = reportText(lang);
    return format === 'xlsx'
      ? annualWorkbook(data, year, tx)
      : this.printer.print(annualHtml(data, year, tx), { ...reportJob(true), footer: reportFooter(tx) });
  }

  /** Writes the month-end report to `out`, in Chinese unless `lang` says otherwise. */
  async writeMonth(
    book: Book,
    month: string,
    format: ReportFormat,
    out: string,
    lang?: ReportLang,
  ): Promise<string> {
    return this.write(out, format, await this.monthReport(book, month, format, lang));
  }

  /** Writes the annual fee summary to `out`, in Chinese unless `lang` says otherwise. */
  async writeAnnual(
    book: Book,
    year: number,
    format: ReportFormat,
    out: string,
    lang?: ReportLang,
  ): Promise<string> {
    return this.write(out, format, await this.annualReport(book, year, format, lang));
  }

  private write(out: string, format: ReportFormat, data: Buffer): string {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data);
    if (format === 'pdf') this.onPdfWritten(out);
    return out;
  }
}
