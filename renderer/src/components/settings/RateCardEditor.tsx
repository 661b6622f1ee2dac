import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredRateCardView } from '../../../../shared/api/reconcile';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useFocusMonth } from '../../month/use-focus-month';
import { draftToJson, nextVersion } from '../../rates/rate-card-draft';
import type { CardDraft, VersionDraft } from '../../rates/rate-card-draft';
import { issueAdvice, issuePlace, issuesAt, rateCardIssues } from '../../rates/rate-card-issues';
import type { RateCardIssue } from '../../rates/rate-card-issues';
import { parseExampleAmount } from '../../rates/rule-example';
import { ErrorNotice } from '../ErrorNotice';
import { TextField } from './RateField';
import { RateVersionEditor } from './RateVersionEditor';

/** The label (`rates.<key>`) of each field a card's JSON can name in an issue. */
const FIELD_LABELS: Record<string, FieldLabel | undefined> = {
  name: 'cardName',
  merchantNo: 'merchantNo',
  terminalId: 'terminalId',
  effectiveFrom: 'effectiveFrom',
  rounding: 'rounding',
  refundFeePolicy: 'refundPolicy',
  note: 'note',
  id: 'ruleId',
  label: 'ruleLabel',
  channel: 'channel',
  cardKind: 'cardKind',
  txnType: 'txnType',
  amountMin: 'amountMin',
  amountMax: 'amountMax',
  ratePercent: 'ratePercent',
  cap: 'cap',
  min: 'min',
  fixed: 'fixed',
};
type FieldLabel =
  | 'cardName'
  | 'merchantNo'
  | 'terminalId'
  | 'effectiveFrom'
  | 'rounding'
  | 'refundPolicy'
  | 'note'
  | 'ruleId'
  | 'ruleLabel'
  | 'channel'
  | 'cardKind'
  | 'txnType'
  | 'amountMin'
  | 'amountMax'
  | 'ratePercent'
  | 'cap'
  | 'min'
  | 'fixed';

type Props = {
  initial: CardDraft;
  /** The stored card being edited (null: a new card). Saving under another name or scope replaces it. */
  originalId: number | null;
  onSaved: (saved: StoredRateCardView) => void;
  onCancel: () => void;
};

/** After an edit at `changedPath`, the issues that no longer apply: the field's own and those above or below it. */
function keepIssue(issue: RateCardIssue, changedPath: string): boolean {
  if (issue.path === changedPath || issue.path === '') return false;
  if (issue.path !== '' && changedPath.startsWith(`${issue.path}.`)) return false;
  return !issue.path.startsWith(`${changedPath}.`);
}

/**
 * Edits one rate card: name, scope, versions and their rules, with a live worked example under every
 * rule. The service validates on save (`rates:save`); its issues are shown at the inputs they name.
 */
export function RateCardEditor({ initial, originalId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { month } = useFocusMonth();
  const titleId = useId();
  const [draft, setDraft] = useState<CardDraft>(initial);
  const [exampleText, setExampleText] = useState('10,000.00');
  const [issues, setIssues] = useState<RateCardIssue[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const exampleFen = parseExampleAmount(exampleText);

  const edit = (next: CardDraft, changedPath: string) => {
    setDraft(next);
    setIssues((prev) => prev.filter((issue) => keepIssue(issue, changedPath)));
  };
  const setVersion = (index: number, version: VersionDraft, changedPath: string) =>
    edit({ ...draft, versions: draft.versions.map((v, i) => (i === index ? version : v)) }, changedPath);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const result = await api.invoke('rates:save', { card: draftToJson(draft) });
    if (!result.ok) {
      setSaving(false);
      const found = rateCardIssues(result.error);
      if (found !== null && found.length > 0) setIssues(found);
      else setError(result.error);
      return;
    }
    setIssues([]);
    if (originalId !== null && result.value.id !== originalId) {
      const removed = await api.invoke('rates:delete', { id: originalId });
      if (!removed.ok) {
        setSaving(false);
        setError(removed.error);
        return;
      }
    }
    setSaving(false);
    onSaved(result.value);
  };

  const place = (issue: RateCardIssue) => {
    const p = issuePlace(issue.path);
    const parts = [
      p.version !== null ? t('rates.issueVersion', { n: p.version }) : null,
      p.rule !== null ? t('rates.issueRule', { n: p.rule }) : null,
    ].filter((x): x is string => x !== null);
    const field = p.field === null ? null : FIELD_LABELS[p.field];
    if (field !== undefined && field !== null) parts.push(t(`rates.${field}`));
    return parts.length === 0 ? t('rates.issueCard') : parts.join(' · ');
  };

  return (
    <form
      className="card rate-card-editor"
      aria-labelledby={titleId}
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h3 id={titleId}>
        {originalId === null ? t('rates.newTitle') : t('rates.editTitle', { name: initial.name })}
      </h3>

      {issues.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="rate-issues">
          <strong>{t('rates.issuesTitle', { n: issues.length })}</strong>
          <ul>
            {issues.map((issue, index) => (
              <li key={index} data-path={issue.path}>
                {place(issue)}：{t(`rates.advice.${issueAdvice(issue)}`)}{' '}
                <span className="issue-detail">({issue.message})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error !== null ? <ErrorNotice error={error} /> : null}

      <div className="rate-row">
        <TextField
          label={t('rates.cardName')}
          value={draft.name}
          onChange={(name) => edit({ ...draft, name }, 'name')}
          issues={issuesAt(issues, 'name')}
          path="name"
          className="wide"
        />
        <TextField
          label={t('rates.merchantNo')}
          value={draft.merchantNo}
          onChange={(merchantNo) => edit({ ...draft, merchantNo }, 'scope.merchantNo')}
          issues={issuesAt(issues, 'scope.merchantNo')}
          path="scope.merchantNo"
          placeholder={t('rates.scopeAny')}
        />
        <TextField
          label={t('rates.terminalId')}
          value={draft.terminalId}
          onChange={(terminalId) => edit({ ...draft, terminalId }, 'scope.terminalId')}
          issues={issuesAt(issues, 'scope.terminalId')}
          path="scope.terminalId"
          placeholder={t('rates.scopeAny')}
        />
        <TextField
          label={t('rates.exampleAmount')}
          value={exampleText}
          onChange={setExampleText}
          issues={[]}
          path="example"
          inputMode="decimal"
          className="amount"
        />
      </div>
      <p className="field-hint">{t('rates.scopeHint')}</p>

      {draft.versions.map((version, index) => (
        <RateVersionEditor
          key={index}
          version={version}
          index={index}
          issues={issues}
          exampleFen={exampleFen}
          canRemove={draft.versions.length > 1}
          onChange={(next, changedPath) => setVersion(index, next, changedPath)}
          onRemove={() =>
            edit({ ...draft, versions: draft.versions.filter((_, i) => i !== index) }, 'versions')
          }
        />
      ))}

      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            edit(
              { ...draft, versions: [...draft.versions, nextVersion(draft.versions, `${month}-01`)] },
              'versions',
            )
          }
        >
          {t('rates.addVersion')}
        </button>
      </div>
      <p className="field-hint">{t('rates.replaceHint')}</p>
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving}
          data-testid="save-rate-card"
        >
          {saving ? t('common.working') : t('rates.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
