import { useTranslation } from 'react-i18next';

/** The browser page was opened without the host's access link: say how to get it. */
export function NoTokenScreen() {
  const { t } = useTranslation();
  return (
    <main className="no-token" role="alert">
      <h1>{t('web.noTokenTitle')}</h1>
      <p>{t('web.noTokenBody')}</p>
    </main>
  );
}
