import { useTranslation } from 'react-i18next';
import type { AuditView } from '../../../../shared/api/close';
import { formatStamp } from '../../format/number';
import { closeZhCN } from '../../i18n/areas/close.zh-CN';

type KnownAction = keyof typeof closeZhCN.actions;

function isKnown(key: string): key is KnownAction {
  return Object.prototype.hasOwnProperty.call(closeZhCN.actions, key);
}

function detailsText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** The newest entries of the book's audit log (close and reopen among them). */
export function AuditLog({ entries }: { entries: AuditView[] }) {
  const { t } = useTranslation();
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
          const key = e.action.replace('.', '_');
          return (
            <tr key={e.id} data-action={e.action}>
              <td>{formatStamp(e.at)}</td>
              <td>{isKnown(key) ? t(`close.actions.${key}`) : e.action}</td>
              <td>{detailsText(e.details)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
