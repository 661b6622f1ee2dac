/**
 * Writing the month-end report (月结报告) and the annual fee summary (年度手续费汇总) as .xlsx or PDF.
 * The figures are gathered once (report-data.ts) and handed to the writers in electron/io/reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReportFormat } from '../../shared/api/close';
import type { Book } from '../db/book';
import { localNow } from '../db/book';
import { annualWorkbook } from '../io/reports/annual-xlsx';
import { monthWorkbook } from '../io/reports/month-xlsx';
import type { ReportPrinter } from '../io/reports/print-report';
import { printReportWithChromium } from '../io/reports/print-report';
import { REPORT_FOOTER, annualHtml, monthHtml } from '../io/reports/report-html';
import { gatherMonthReport, gatherReport } from './report-data';

export function formatOfPath(path: string): ReportFormat | null {
  const p = path.toLowerCase();
  return p.endsWith('.pdf') ? 'pdf' : p.endsWith('.xlsx') ? 'xlsx' : null;
}

export class ReportService {
  constructor(
    private readonly print: ReportPrinter = printReportWithChromium,
    private readonly now: () => string = localNow,
  ) {}

  async monthReport(book: Book, month: string, format: ReportFormat): Promise<Buffer> {
    const data = gatherMonthReport(book, month, this.now());
    return format === 'xlsx'
      ? monthWorkbook(data)
      : this.print(monthHtml(data), { landscape: false, footer: REPORT_FOOTER });
  }

  async annualReport(book: Book, year: number, format: ReportFormat): Promise<Buffer> {
    const data = gatherReport(book, `${year}-01-01`, `${year}-12-31`, this.now());
    return format === 'xlsx'
      ? annualWorkbook(data, year)
      : this.print(annualHtml(data, year), { landscape: true, footer: REPORT_FOOTER });
  }

  async writeMonth(book: Book, month: string, format: ReportFormat, out: string): Promise<string> {
    return write(out, await this.monthReport(book, month, format));
  }

  async writeAnnual(book: Book, year: number, format: ReportFormat, out: string): Promise<string> {
    return write(out, await this.annualReport(book, year, format));
  }
}

function write(out: string, data: Buffer): string {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, data);
  return out;
}
