import { useState } from 'react';
import type { ReportFormat } from '../../../shared/api/close';
import type { AppError } from '../../../shared/result';
import { useApi } from '../api/use-api';

export type ReportRequest = { kind: 'month'; month: string } | { kind: 'annual'; year: number };

export type ExportState =
  | { status: 'idle' }
  | { status: 'working'; key: string }
  | { status: 'done'; name: string }
  | { status: 'error'; error: AppError };

function suggestedName(r: ReportRequest, format: ReportFormat): string {
  return r.kind === 'month' ? `月结报告-${r.month}.${format}` : `年度手续费汇总-${r.year}.${format}`;
}

/**
 * Writes a report: the desktop app asks where to save it first (the service writes there); the browser
 * lets the service write it and then downloads it.
 */
export function useReportExport() {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  async function exportReport(r: ReportRequest, format: ReportFormat): Promise<void> {
    setState({ status: 'working', key: `${r.kind}-${format}` });
    const name = suggestedName(r, format);
    const target = await api.saveFile({
      filter: format === 'pdf' ? 'pdf' : 'spreadsheets',
      suggestedName: name,
    });
    if (!target.ok) return setState({ status: 'error', error: target.error });
    if (target.value.kind === 'cancelled') return setState({ status: 'idle' });
    const where = target.value.kind === 'target' ? { target: target.value.file.fileId } : {};
    const result =
      r.kind === 'month'
        ? await api.invoke('reports:month', { month: r.month, format, ...where })
        : await api.invoke('reports:annual', { year: r.year, format, ...where });
    if (!result.ok) return setState({ status: 'error', error: result.error });
    if (target.value.kind === 'download') api.download(result.value.file);
    setState({ status: 'done', name: result.value.file.name });
  }

  return { state, exportReport };
}
