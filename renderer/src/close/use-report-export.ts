import { useState } from 'react';
import type { ReportFormat, ReportLang } from '../../../shared/api/close';
import type { AppError } from '../../../shared/result';
import { useApi } from '../api/use-api';

export type ReportRequest = { kind: 'month'; month: string } | { kind: 'annual'; year: number };

export type ExportState =
  | { status: 'idle' }
  | { status: 'working'; key: string }
  | { status: 'done'; name: string }
  | { status: 'error'; error: AppError };

/** The name the service gives the file too (electron/io/reports/report-text.ts monthFile / annualFile). */
function suggestedName(r: ReportRequest, format: ReportFormat, lang: ReportLang): string {
  if (lang === 'en')
    return r.kind === 'month'
      ? `month-end-report-${r.month}.${format}`
      : `annual-fee-summary-${r.year}.${format}`;
  return r.kind === 'month' ? `月结报告-${r.month}.${format}` : `年度手续费汇总-${r.year}.${format}`;
}

/**
 * Writes a report: the desktop app asks where to save it first (the service writes there); the browser
 * lets the service write it and then downloads it.
 */
export function useReportExport() {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  /** Writes report `r` as `format`, in `lang` (Chinese unless told). */
  async function exportReport(
    r: ReportRequest,
    format: ReportFormat,
    lang: ReportLang = 'zh-CN',
  ): Promise<void> {
    setState({ status: 'working', key: `${r.kind}-${format}` });
    const name = suggestedName(r, format, lang);
    const target = await api.saveFile({
      filter: format === 'pdf' ? 'pdf' : 'spreadsheets',
      suggestedName: name,
    });
    if (!target.ok) return setState({ status: 'error', error: target.error });
    if (target.value.kind === 'cancelled') return setState({ status: 'idle' });
    const where = target.value.kind === 'target' ? { target: target.value.file.fileId } : {};
    const result =
      r.kind === 'month'
        ? await api.invoke('reports:month', { month: r.month, format, lang, ...where })
        : await api.invoke('reports:annual', { year: r.year, format, lang, ...where });
    if (!result.ok) return setState({ status: 'error', error: result.error });
    if (target.value.kind === 'download') api.download(result.value.file);
    setState({ status: 'done', name: result.value.file.name });
  }

  return { state, exportReport };
}
