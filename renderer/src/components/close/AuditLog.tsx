import { useTranslation } from 'react-i18next';
import type { AuditView } from '../../../../shared/api/close';
import { auditLine } from '../../close/audit-text';
import { formatStamp } from '../../format/number';
import { useLanguage } from '../../i18n/use-language';

/** The newest entries of the book's audit log (close and reopen among them), in the reader's words. */
export function AuditLog({ entries }: { entries: AuditView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (entries.length === 0) return <p className="muted">{t('close.auditEmpty')}</p>;
  return (
    <table className="data-table" data-testid="audit-log">
      <thead>
        <tr>
          <th scope="col">{t('close.auditAt')}</th>
          <th scope="col">{t('close.auditAction')}</th>
          <th scope="col">{t('close.auditDetails')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const line = auditLine(t, language, e.action, e.details);
          return (
            <tr key={e.id} data-action={e.action}>
              <td className="mono">{formatStamp(e.at)}</td>
              <td className="nowrap">{line.action}</td>
              <td>{line.details}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
