import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportLang } from '../../../shared/api/close';
import { useBook } from '../book/use-book';
import { useReportExport } from '../close/use-report-export';
import type { ReportRequest } from '../close/use-report-export';
import { ErrorNotice } from '../components/ErrorNotice';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';
import { routeHref } from '../routing/routes';
import { formatMonth } from '../format/month';
import { useLanguage } from '../i18n/use-language';
import { useFocusMonth } from '../month/use-focus-month';

const REPORT_LANGS: readonly ReportLang[] = ['zh-CN', 'en'];

/** 报表: the month-end report of the month in focus and the annual fee summary, as PDF or Excel. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { month } = useFocusMonth();
  const { current } = useBook();
  const [year, setYear] = useState(() => Number(month.slice(0, 4)));
  // The UI's language until the user picks another for the reports.
  const [chosenLang, setChosenLang] = useState<ReportLang | null>(null);
  const reportLang = chosenLang ?? language;
  const { state, exportReport } = useReportExport();
  if (current === null) return null;
  if (current.counts.posTransactions === 0) {
    return (
      <Page title={t('reports.title')}>
        <EmptyState
          action={
            <a className="button button-primary" href={routeHref('import')}>
              {t('overview.goImport')}
            </a>
          }
        >
          {t('close.reportsEmptyBody')}
        </EmptyState>
      </Page>
    );
  }

  const busy = state.status === 'working';
  const buttons = (r: ReportRequest, testId: string) =>
    (['pdf', 'xlsx'] as ReportFormat[]).map((format) => (
      <button
        key={format}
        type="button"
        className="button"
        data-testid={`${testId}-${format}`}
        disabled={busy}
        onClick={() => void exportReport(r, format, reportLang)}
      >
        {state.status === 'working' && state.key === `${r.kind}-${format}`
          ? t('close.reports.working')
          : t(format === 'pdf' ? 'close.reports.exportPdf' : 'close.reports.exportXlsx')}
      </button>
    ));

  return (
    <Page title={t('reports.title')}>
      {state.status === 'error' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'done' ? (
        <div className="notice notice-success" role="status" data-testid="report-done">
          {t('close.reports.done', { name: state.name })}
        </div>
      ) : null}
      <div className="form form-row">
        <label htmlFor="report-lang">{t('reports.languageLabel')}</label>
        <select
          id="report-lang"
          data-testid="report-lang"
          value={reportLang}
          aria-describedby="report-lang-hint"
          onChange={(e) => setChosenLang(e.target.value === 'en' ? 'en' : 'zh-CN')}
        >
          {REPORT_LANGS.map((lang) => (
            <option key={lang} value={lang}>
              {t(`reports.languages.${lang}`)}
            </option>
          ))}
        </select>
        <span id="report-lang-hint" className="field-hint">
          {t('reports.languageHint')}
        </span>
      </div>
      <section className="card" aria-labelledby="month-report-title">
        <h2 id="month-report-title">
          {t('close.reports.monthTitle')} · {formatMonth(month, language)}
        </h2>
        <p className="muted">{t('close.reports.monthHint', { month: formatMonth(month, language) })}</p>
        <div className="button-row">{buttons({ kind: 'month', month }, 'month-report')}</div>
      </section>
      <section className="card" aria-labelledby="annual-report-title">
        <h2 id="annual-report-title">{t('close.reports.annualTitle')}</h2>
        <p className="muted">{t('close.reports.annualHint')}</p>
        <div className="form form-row">
          <label htmlFor="report-year">{t('close.reports.year')}</label>
          <input
            id="report-year"
            type="number"
            min={2000}
            max={2100}
            value={year}
            data-testid="report-year"
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </div>
        <div className="button-row">{buttons({ kind: 'annual', year }, 'annual-report')}</div>
      </section>
    </Page>
  );
}
