import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../shared/import/raw';
import { formatCount } from '../../format/number';
import { issueText } from '../../import/labels';
import { useLanguage } from '../../i18n/use-language';

/** Every problem with where it is: file, sheet, row and column, as in the spreadsheet. */
export function IssueList({ issues, total }: { issues: readonly ImportIssue[]; total: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (total === 0) return null;
  return (
    <section className="issues">
      <h3>{t('import.issuesTitle', { n: formatCount(total) })}</h3>
      <ul>
        {issues.map((issue, index) => (
          <li
            key={index}
            className={issue.severity === 'error' ? 'issue issue-error' : 'issue issue-warning'}
          >
            {issue.row > 0 ? (
              <span className="issue-where">
                {t('import.issueWhere', { sheet: issue.sheet, row: String(issue.row) })}
                {issue.columnLetter !== undefined
                  ? ` · ${t('import.issueColumn', { letter: issue.columnLetter, header: issue.header ?? '' })}`
                  : ''}
              </span>
            ) : null}
            <span className="issue-text">{issueText(issue, language)}</span>
          </li>
        ))}
      </ul>
      {total > issues.length ? (
        <p className="muted">{t('import.moreIssues', { n: formatCount(total - issues.length) })}</p>
      ) : null}
    </section>
  );
}
