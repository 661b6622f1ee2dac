import { useCallback, useState } from 'react';
import type { EvidenceReply } from '../../../shared/api/contract';
import type { AppError } from '../../../shared/result';
import { useApi } from './use-api';

/**
 * Prints a case's evidence pack: the desktop app asks where to save (the service writes there), the
 * browser gets a file from the host and downloads it.
 */
export function useEvidenceDownload() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<EvidenceReply | null>(null);
  const print = useCallback(
    async (id: number, caseNo: string, format: 'pdf' | 'zip', language: 'zh' | 'en') => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        const stem = language === 'en' ? `evidence-${caseNo}` : `申诉材料-${caseNo}`;
        const where = await api.saveFile({ filter: format, suggestedName: `${stem}.${format}` });
        if (!where.ok) return setError(where.error);
        if (where.value.kind === 'cancelled') return;
        const target = where.value.kind === 'target' ? { target: where.value.file.fileId } : {};
        const r = await api.invoke('disputes:evidence', { id, format, language, ...target });
        if (!r.ok) return setError(r.error);
        api.download(r.value.file);
        setDone(r.value);
      } finally {
        setBusy(false);
      }
    },
    [api],
  );
  return { print, busy, error, done };
}
