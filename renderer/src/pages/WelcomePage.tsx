import { useTranslation } from 'react-i18next';
import { CreateBookForm } from '../components/CreateBookForm';
import { OpenBookButtons } from '../components/OpenBookButtons';
import { RecentBooks } from '../components/RecentBooks';

/** Shown while no book is open: what FeeTrail does, and how to start. */
export function WelcomePage() {
  const { t } = useTranslation();
  return (
    <article className="page welcome">
      <header className="page-header">
        <h1>{t('welcome.title')}</h1>
      </header>
      <p className="lead">{t('welcome.intro')}</p>
      <div className="welcome-grid">
        <section className="card">
          <h2>{t('welcome.startTitle')}</h2>
          <p>{t('welcome.startBody')}</p>
          <CreateBookForm />
          <OpenBookButtons />
        </section>
        <section className="card">
          <RecentBooks />
        </section>
      </div>
      <section className="card steps">
        <h2>{t('welcome.stepsTitle')}</h2>
        <ol>
          <li>{t('welcome.step1')}</li>
          <li>{t('welcome.step2')}</li>
          <li>{t('welcome.step3')}</li>
          <li>{t('welcome.step4')}</li>
        </ol>
      </section>
    </article>
  );
}
