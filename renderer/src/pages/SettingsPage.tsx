import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/use-api-query';
import { useBook } from '../book/use-book';
import { ErrorNotice } from '../components/ErrorNotice';
import { Page } from '../components/Page';
import { BookReconcileSettings } from '../components/settings/BookReconcileSettings';
import { LANGUAGES } from '../i18n/catalogue';
import { useLanguage } from '../i18n/use-language';

/** Language, the open book's file, and where FeeTrail keeps its data. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const { current } = useBook();
  const info = useApiQuery('app:info', {});
  const languageTitleId = useId();

  return (
    <Page title={t('settings.title')}>
      <section className="card" aria-labelledby={languageTitleId}>
        <h2 id={languageTitleId}>{t('settings.languageTitle')}</h2>
        <fieldset className="radio-group">
          <legend className="visually-hidden">{t('settings.languageTitle')}</legend>
          {LANGUAGES.map((lng) => (
            <label key={lng} lang={lng}>
              <input
                type="radio"
                name="language"
                value={lng}
                checked={language === lng}
                onChange={() => void setLanguage(lng)}
              />{' '}
              {t(`language.${lng}`)}
            </label>
          ))}
        </fieldset>
        <p className="field-hint">{t('settings.languageHint')}</p>
      </section>

      <section className="card">
        <h2>{t('settings.bookTitle')}</h2>
        {current === null ? (
          <p className="muted">{t('settings.noBook')}</p>
        ) : (
          <dl className="facts">
            <dt>{t('book.nameLabel')}</dt>
            <dd>{current.name}</dd>
            <dt>{t('book.location')}</dt>
            <dd className="path-text">{current.path}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{current.schemaVersion}</dd>
          </dl>
        )}
      </section>

      <BookReconcileSettings />

      <section className="card">
        <h2>{t('settings.aboutTitle')}</h2>
        {info.status === 'error' ? <ErrorNotice error={info.error} onRetry={info.reload} /> : null}
        {info.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
        {info.status === 'ok' ? (
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.value.version}</dd>
            <dt>{t('settings.door')}</dt>
            <dd>{t(`settings.doors.${info.value.door}`)}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd className="path-text">{info.value.dataDir}</dd>
            <dt>{t('settings.defaultBook')}</dt>
            <dd className="path-text">{info.value.defaultBookPath}</dd>
          </dl>
        ) : null}
      </section>
    </Page>
  );
}
