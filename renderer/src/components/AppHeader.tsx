import { useTranslation } from 'react-i18next';
import { BookSwitcher } from './BookSwitcher';
import { LanguageSwitch } from './LanguageSwitch';
import { MonthSwitcher } from './MonthSwitcher';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      {/* A button, not href="#main": the hash is the router's. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <div className="brand">
        <span className="brand-name">{t('app.brand')}</span>
        <span className="brand-sub">{t('app.brandSub')}</span>
      </div>
      <BookSwitcher />
      <MonthSwitcher />
      <div className="header-spacer" />
      <LanguageSwitch />
    </header>
  );
}
