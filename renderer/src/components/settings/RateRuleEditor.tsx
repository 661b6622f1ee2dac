import { useTranslation } from 'react-i18next';
import { CARD_KINDS, CHANNELS, TXN_TYPES } from '../../../../shared/domain/types';
import type { Fen } from '../../../../shared/fen';
import { useLanguage } from '../../i18n/use-language';
import type { RuleDraft, VersionDraft } from '../../rates/rate-card-draft';
import { issuesAt } from '../../rates/rate-card-issues';
import type { RateCardIssue } from '../../rates/rate-card-issues';
import { ruleExample } from '../../rates/rule-example';
import { ChoiceField, FieldIssues, TextField } from './RateField';

/** Draft fields whose JSON name differs (docs/RATE-CARD.md). */
const JSON_KEYS: Partial<Record<keyof RuleDraft, string>> = {
  channels: 'channel',
  cardKinds: 'cardKind',
  txnTypes: 'txnType',
};

type Props = {
  version: VersionDraft;
  index: number;
  /** "versions.0.rules.2" */
  path: string;
  issues: readonly RateCardIssue[];
  exampleFen: Fen | null;
  /** The rule as edited, and the JSON path of the field that changed (its issues are then cleared). */
  onChange: (rule: RuleDraft, changedPath: string) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** One pricing rule: what it matches, what it charges, and what it charges for a worked example. */
export function RateRuleEditor({
  version,
  index,
  path,
  issues,
  exampleFen,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rule = version.rules[index];
  if (rule === undefined) return null;
  const at = (field: string) => issuesAt(issues, `${path}.${field}`);
  const set =
    <K extends keyof RuleDraft>(field: K) =>
    (value: RuleDraft[K]) =>
      onChange({ ...rule, [field]: value }, `${path}.${JSON_KEYS[field] ?? field}`);
  const example = exampleFen === null ? null : ruleExample(version, index, exampleFen);

  return (
    <fieldset className="rate-rule" data-rule-id={rule.id} data-path={path}>
      <legend>
        {t('rates.rule', { n: index + 1 })}
        {rule.label !== '' ? ` · ${rule.label}` : ''}
      </legend>
      <FieldIssues issues={issuesAt(issues, path)} />
      <div className="rate-row">
        <TextField
          label={t('rates.ruleId')}
          value={rule.id}
          onChange={set('id')}
          issues={at('id')}
          path={`${path}.id`}
          className="narrow"
        />
        <TextField
          label={t('rates.ruleLabel')}
          value={rule.label}
          onChange={set('label')}
          issues={at('label')}
          path={`${path}.label`}
          className="wide"
        />
      </div>
      <div className="rate-row">
        <ChoiceField
          legend={t('rates.channel')}
          options={CHANNELS}
          value={rule.channels}
          onChange={set('channels')}
          label={(c) => t(`ledger.channels.${c}`)}
          anyLabel={t('rates.any')}
          issues={at('channel')}
        />
        <ChoiceField
          legend={t('rates.cardKind')}
          options={CARD_KINDS}
          value={rule.cardKinds}
          onChange={set('cardKinds')}
          label={(k) => t(`ledger.cardKinds.${k}`)}
          anyLabel={t('rates.any')}
          issues={at('cardKind')}
        />
        <ChoiceField
          legend={t('rates.txnType')}
          options={TXN_TYPES}
          value={rule.txnTypes}
          onChange={set('txnTypes')}
          label={(k) => t(`ledger.txnTypes.${k}`)}
          atLeastOne
          issues={at('txnType')}
        />
      </div>
      <div className="rate-row">
        <TextField
          label={t('rates.amountMin')}
          value={rule.amountMin}
          onChange={set('amountMin')}
          issues={at('amountMin')}
          path={`${path}.amountMin`}
          inputMode="decimal"
          className="amount"
        />
        <TextField
          label={t('rates.amountMax')}
          value={rule.amountMax}
          onChange={set('amountMax')}
          issues={at('amountMax')}
          path={`${path}.amountMax`}
          inputMode="decimal"
          className="amount"
        />
        <TextField
          label={t('rates.ratePercent')}
          value={rule.ratePercent}
          onChange={set('ratePercent')}
          issues={at('ratePercent')}
          path={`${path}.ratePercent`}
          inputMode="decimal"
          className="amount"
          suffix={<span className="unit">%</span>}
        />
        <TextField
          label={t('rates.cap')}
          value={rule.cap}
          onChange={set('cap')}
          issues={at('cap')}
          path={`${path}.cap`}
          inputMode="decimal"
          className="amount"
        />
        <TextField
          label={t('rates.min')}
          value={rule.min}
          onChange={set('min')}
          issues={at('min')}
          path={`${path}.min`}
          inputMode="decimal"
          className="amount"
        />
        <TextField
          label={t('rates.fixed')}
          value={rule.fixed}
          onChange={set('fixed')}
          issues={at('fixed')}
          path={`${path}.fixed`}
          inputMode="decimal"
          className="amount"
        />
      </div>
      <div className="rate-rule-foot">
        <p className="worked-example" data-testid="rule-example" aria-live="polite">
          <span className="muted">{t('rates.example')}</span>{' '}
          {example === null ? (
            <span className="muted" data-testid="rule-example-value">
              {t('rates.exampleInvalid')}
            </span>
          ) : (
            <>
              <strong className="mono" data-testid="rule-example-value">
                {language === 'en' ? example.example.en : example.example.zh}
              </strong>
              {example.shadowedBy !== null ? (
                <span className="field-hint">
                  {t('rates.exampleShadowed', { label: example.shadowedBy })}
                </span>
              ) : null}
            </>
          )}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t('rates.moveUp')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={index === version.rules.length - 1}
            onClick={() => onMove(1)}
          >
            {t('rates.moveDown')}
          </button>
          <button type="button" className="button button-small button-quiet" onClick={onRemove}>
            {t('rates.removeRule')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
