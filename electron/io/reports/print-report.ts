/**
 * How a report is printed: the month-end report in portrait, the annual summary in landscape, both with
 * the report footer and these margins, through the same `HtmlPrinter` as the evidence pack (Chromium via
 * Playwright in the CLI, host and tests; Electron's printToPDF in the desktop app).
 */
import type { PdfJob, PdfMargin } from '../print-pdf';
import { REPORT_FOOTER } from './report-html';

export const REPORT_MARGIN: PdfMargin = { top: 12, bottom: 14, left: 10, right: 10 };

export function reportJob(landscape: boolean): PdfJob {
  return { footer: REPORT_FOOTER, margin: REPORT_MARGIN, landscape };
}
