import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';

/** Where files come in. The import flow (preview, mapping, commit) lands with the `imports:*` calls. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('import.title')}>
      <p className="lead">{t('import.intro')}</p>
      <div className="card-grid">
        <section className="card">
          <h2>{t('import.posTitle')}</h2>
          <p>{t('import.posBody')}</p>
        </section>
        <section className="card">
          <h2>{t('import.bankTitle')}</h2>
          <p>{t('import.bankBody')}</p>
        </section>
      </div>
      <p className="notice">{t('import.notYet')}</p>
    </Page>
  );
}
