import { useTranslation } from 'react-i18next';

const KNOWN = [
  'no_header',
  'empty_file',
  'kind_uncertain',
  'encoding_uncertain',
  'encoding_mixed',
  'mapping_invalid',
  'mapping_ambiguous',
  'rows_invalid',
] as const;

/** Why the file cannot be imported as it stands, each with what to do about it. */
export function ImportBlockers({ blockers }: { blockers: readonly string[] }) {
  const { t } = useTranslation();
  if (blockers.length === 0) return null;
  return (
    <div className="notice notice-warning" data-testid="import-blockers">
      <strong>{t('import.blockersTitle')}</strong>
      <ul>
        {blockers.map((code) => {
          const known = KNOWN.find((k) => k === code);
          return (
            <li key={code}>
              {known === undefined ? t('import.blockers.other', { code }) : t(`import.blockers.${known}`)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
