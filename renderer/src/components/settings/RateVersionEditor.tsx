import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REFUND_FEE_POLICIES } from '../../../../shared/domain/rate-card';
import { ROUNDING_MODES } from '../../../../shared/fen';
import type { Fen, RoundingMode } from '../../../../shared/fen';
import type { RefundFeePolicy } from '../../../../shared/domain/rate-card';
import { useLanguage } from '../../i18n/use-language';
import { emptyRule, freshRuleId } from '../../rates/rate-card-draft';
import type { RuleDraft, VersionDraft } from '../../rates/rate-card-draft';
import { issuesAt } from '../../rates/rate-card-issues';
import type { RateCardIssue } from '../../rates/rate-card-issues';
import { versionExample } from '../../rates/rule-example';
import { FieldIssues, TextField } from './RateField';
import { RateRuleEditor } from './RateRuleEditor';

type Props = {
  version: VersionDraft;
  index: number;
  issues: readonly RateCardIssue[];
  exampleFen: Fen | null;
  canRemove: boolean;
  onChange: (version: VersionDraft, changedPath: string) => void;
  onRemove: () => void;
};

/** One version of a card: from when it applies, how it rounds and refunds, and its ordered rules. */
export function RateVersionEditor({
  version,
  index,
  issues,
  exampleFen,
  canRemove,
  onChange,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const roundingId = useId();
  const refundId = useId();
  const path = `versions.${index}`;
  const headline = versionExample(version);

  const setRules = (rules: RuleDraft[], changedPath: string) => onChange({ ...version, rules }, changedPath);
  const moveRule = (from: number, delta: -1 | 1) => {
    const rules = [...version.rules];
    const [rule] = rules.splice(from, 1);
    if (rule === undefined) return;
    rules.splice(from + delta, 0, rule);
    setRules(rules, `${path}.rules`);
  };

  return (
    <fieldset className="rate-version" data-path={path}>
      <legend>{t('rates.version', { n: index + 1, from: version.effectiveFrom || '—' })}</legend>
      <FieldIssues issues={issuesAt(issues, path)} />
      <div className="rate-row">
        <TextField
          label={t('rates.effectiveFrom')}
          type="date"
          value={version.effectiveFrom}
          onChange={(effectiveFrom) => onChange({ ...version, effectiveFrom }, `${path}.effectiveFrom`)}
          issues={issuesAt(issues, `${path}.effectiveFrom`)}
          path={`${path}.effectiveFrom`}
        />
        <div className="rate-field">
          <label htmlFor={roundingId}>{t('rates.rounding')}</label>
          <select
            id={roundingId}
            value={version.rounding}
            onChange={(event) =>
              onChange({ ...version, rounding: event.target.value as RoundingMode }, `${path}.rounding`)
            }
          >
            {ROUNDING_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`rates.roundings.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="rate-field">
          <label htmlFor={refundId}>{t('rates.refundPolicy')}</label>
          <select
            id={refundId}
            value={version.refundFeePolicy}
            onChange={(event) =>
              onChange(
                { ...version, refundFeePolicy: event.target.value as RefundFeePolicy },
                `${path}.refundFeePolicy`,
              )
            }
          >
            {REFUND_FEE_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`rates.refundPolicies.${policy}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('rates.note')}
          value={version.note}
          onChange={(note) => onChange({ ...version, note }, `${path}.note`)}
          issues={issuesAt(issues, `${path}.note`)}
          path={`${path}.note`}
          className="wide"
        />
      </div>
      <p className="worked-example" data-testid="version-example">
        <span className="muted">{t('rates.versionExample')}</span>{' '}
        {headline === null ? (
          <span className="muted">{t('rates.exampleInvalid')}</span>
        ) : (
          <strong className="mono">{language === 'en' ? headline.en : headline.zh}</strong>
        )}
      </p>
      <h4>{t('rates.rulesTitle')}</h4>
      <FieldIssues issues={issuesAt(issues, `${path}.rules`)} />
      {version.rules.map((rule, ruleIndex) => (
        <RateRuleEditor
          // Index keys: rule ids are edited in place, so they cannot key the list.
          key={ruleIndex}
          version={version}
          index={ruleIndex}
          path={`${path}.rules.${ruleIndex}`}
          issues={issues}
          exampleFen={exampleFen}
          onChange={(next, changedPath) =>
            setRules(
              version.rules.map((r, i) => (i === ruleIndex ? next : r)),
              changedPath,
            )
          }
          onMove={(delta) => moveRule(ruleIndex, delta)}
          onRemove={() =>
            setRules(
              version.rules.filter((_, i) => i !== ruleIndex),
              `${path}.rules`,
            )
          }
        />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => setRules([...version.rules, emptyRule(freshRuleId(version.rules))], `${path}.rules`)}
        >
          {t('rates.addRule')}
        </button>
        {canRemove ? (
          <button type="button" className="button button-quiet" onClick={onRemove}>
            {t('rates.removeVersion')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
