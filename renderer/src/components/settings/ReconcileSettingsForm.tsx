import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileSettings } from '../../../../shared/api/reconcile';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorNotice } from '../ErrorNotice';

const CYCLES = ['D+1', 'T+1', 'D0'] as const;
const BASES = ['net', 'gross'] as const;

/** Lists are edited one item a line. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** How settlements are dated and matched: the cycle, who the acquirer is in the bank statement, the window. */
export function ReconcileSettingsSection({ bookKey }: { bookKey: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const settings = useApiQuery('settings:reconcile', {}, bookKey);
  return (
    <section className="card reconcile-settings" aria-labelledby={titleId} data-testid="reconcile-settings">
      <h2 id={titleId}>{t('reconcileSettings.title')}</h2>
      {settings.status === 'error' ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : null}
      {settings.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {settings.status === 'ok' ? (
        <ReconcileSettingsForm key={JSON.stringify(settings.value)} initial={settings.value} />
      ) : null}
    </section>
  );
}

function ReconcileSettingsForm({ initial }: { initial: ReconcileSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = { counterparties: useId(), keywords: useId(), window: useId(), duplicate: useId() };
  const [cycle, setCycle] = useState(initial.settlementCycle);
  const [basis, setBasis] = useState(initial.settlementBasis);
  const [counterparties, setCounterparties] = useState(initial.acquirerCounterparties.join('\n'));
  const [keywords, setKeywords] = useState(initial.acquirerSummaryKeywords.join('\n'));
  const [windowDays, setWindowDays] = useState(String(initial.matchWindowDays));
  const [duplicateMinutes, setDuplicateMinutes] = useState(String(initial.duplicateWindowMinutes));
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const windowOk = /^\d+$/.test(windowDays.trim()) && Number(windowDays) <= 15;
  const duplicateOk =
    /^\d+$/.test(duplicateMinutes.trim()) &&
    Number(duplicateMinutes) >= 1 &&
    Number(duplicateMinutes) <= 1440;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!windowOk || !duplicateOk) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    const result = await api.invoke('settings:setReconcile', {
      settlementCycle: cycle,
      settlementBasis: basis,
      acquirerCounterparties: lines(counterparties),
      acquirerSummaryKeywords: lines(keywords),
      matchWindowDays: Number(windowDays),
      duplicateWindowMinutes: Number(duplicateMinutes),
    });
    setSaving(false);
    if (result.ok) setSaved(true);
    else setError(result.error);
  };

  return (
    <form className="form reconcile-settings-form" onSubmit={(event) => void save(event)} noValidate>
      <Choices
        legend={t('reconcileSettings.cycle')}
        name="settlementCycle"
        options={CYCLES.map((c) => ({ value: c, label: t(`reconcileSettings.cycles.${c}`) }))}
        value={cycle}
        onChange={(c) => {
          setCycle(c);
          setSaved(false);
        }}
      />
      <p className="field-hint">{t('reconcileSettings.cycleHint')}</p>

      <Choices
        legend={t('reconcileSettings.basis')}
        name="settlementBasis"
        options={BASES.map((b) => ({ value: b, label: t(`reconcileSettings.bases.${b}`) }))}
        value={basis}
        onChange={(b) => {
          setBasis(b);
          setSaved(false);
        }}
      />
      <p className="field-hint">{t('reconcileSettings.basisHint')}</p>

      <div className="settings-columns">
        <div>
          <label htmlFor={ids.counterparties}>{t('reconcileSettings.counterparties')}</label>
          <textarea
            id={ids.counterparties}
            rows={3}
            value={counterparties}
            onChange={(event) => {
              setCounterparties(event.target.value);
              setSaved(false);
            }}
          />
          <p className="field-hint">{t('reconcileSettings.counterpartiesHint')}</p>
        </div>
        <div>
          <label htmlFor={ids.keywords}>{t('reconcileSettings.keywords')}</label>
          <textarea
            id={ids.keywords}
            rows={3}
            value={keywords}
            onChange={(event) => {
              setKeywords(event.target.value);
              setSaved(false);
            }}
          />
          <p className="field-hint">{t('reconcileSettings.keywordsHint')}</p>
        </div>
      </div>

      <div className="settings-columns">
        <div>
          <label htmlFor={ids.window}>{t('reconcileSettings.matchWindow')}</label>
          <input
            id={ids.window}
            type="text"
            inputMode="numeric"
            value={windowDays}
            aria-invalid={windowOk ? undefined : true}
            onChange={(event) => {
              setWindowDays(event.target.value);
              setSaved(false);
            }}
          />
          <p className={windowOk ? 'field-hint' : 'field-hint field-error'}>
            {t('reconcileSettings.matchWindowHint')}
          </p>
        </div>
        <div>
          <label htmlFor={ids.duplicate}>{t('reconcileSettings.duplicateWindow')}</label>
          <input
            id={ids.duplicate}
            type="text"
            inputMode="numeric"
            value={duplicateMinutes}
            aria-invalid={duplicateOk ? undefined : true}
            onChange={(event) => {
              setDuplicateMinutes(event.target.value);
              setSaved(false);
            }}
          />
          <p className={duplicateOk ? 'field-hint' : 'field-hint field-error'}>
            {t('reconcileSettings.duplicateWindowHint')}
          </p>
        </div>
      </div>

      {error !== null ? <ErrorNotice error={error} /> : null}
      {saved ? (
        <p className="notice" role="status">
          {t('reconcileSettings.saved')}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || !windowOk || !duplicateOk}
        >
          {saving ? t('common.working') : t('reconcileSettings.save')}
        </button>
      </div>
    </form>
  );
}

/** One choice of several, as radio buttons under a legend. */
function Choices<T extends string>(props: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="radio-group stacked">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
