import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { issueAdvice } from '../../rates/rate-card-issues';
import type { RateCardIssue } from '../../rates/rate-card-issues';

/** The problems the service reported for one input, under it: what to do, then the exact refusal. */
export function FieldIssues({ id, issues }: { id?: string; issues: readonly RateCardIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <span id={id} className="field-hint field-error" role="alert">
      {issues.map((issue, index) => (
        <span key={index} className="field-issue">
          {t(`rates.advice.${issueAdvice(issue)}`)} <span className="issue-detail">({issue.message})</span>
        </span>
      ))}
    </span>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly RateCardIssue[];
  /** The JSON path of the field, for tests and the issue list ("versions.0.rules.1.ratePercent"). */
  path: string;
  type?: 'text' | 'date';
  inputMode?: 'decimal' | 'text';
  className?: string;
  placeholder?: string;
  suffix?: ReactNode;
};

/** A labelled input of the rate editor, marked invalid with the service's issues for its path. */
export function TextField({
  label,
  value,
  onChange,
  issues,
  path,
  type = 'text',
  inputMode,
  className,
  placeholder,
  suffix,
}: TextFieldProps) {
  const id = useId();
  const errorId = useId();
  const invalid = issues.length > 0;
  return (
    <div className={className === undefined ? 'rate-field' : `rate-field ${className}`}>
      <label htmlFor={id}>{label}</label>
      <span className="rate-input">
        <input
          id={id}
          type={type}
          inputMode={inputMode}
          value={value}
          placeholder={placeholder}
          data-path={path}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {suffix}
      </span>
      <FieldIssues id={errorId} issues={issues} />
    </div>
  );
}

/** A set of checkboxes for a rule criterion; none ticked means "any" unless `atLeastOne`. */
export function ChoiceField<T extends string>({
  legend,
  options,
  value,
  onChange,
  label,
  anyLabel,
  atLeastOne = false,
  issues,
}: {
  legend: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  label: (option: T) => string;
  anyLabel?: string;
  atLeastOne?: boolean;
  issues: readonly RateCardIssue[];
}) {
  return (
    <fieldset className="rate-choice">
      <legend>{legend}</legend>
      {options.map((option) => {
        const checked = value.includes(option);
        return (
          <label key={option}>
            <input
              type="checkbox"
              checked={checked}
              disabled={atLeastOne && checked && value.length === 1}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.filter((o) => o === option || value.includes(o))
                    : value.filter((o) => o !== option),
                )
              }
            />{' '}
            {label(option)}
          </label>
        );
      })}
      {anyLabel !== undefined && value.length === 0 ? <span className="muted">{anyLabel}</span> : null}
      <FieldIssues issues={issues} />
    </fieldset>
  );
}
