import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bookNameSchema } from '../../../shared/api/book';
import type { AppError } from '../../../shared/result';
import { useBook } from '../book/use-book';
import { ErrorNotice } from './ErrorNotice';

/** Name a new book and create it; Enter submits. Names are checked here with the contract's own rule. */
export function CreateBookForm({
  onCreated,
  autoFocus = false,
}: {
  onCreated?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const book = useBook();
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const parsed = bookNameSchema.safeParse(name);
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    const result = await book.create(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setName('');
    onCreated?.();
  };

  return (
    <form className="form create-book-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={inputId}>{t('book.nameLabel')}</label>
      <div className="form-row">
        <input
          id={inputId}
          name="bookName"
          type="text"
          value={name}
          maxLength={80}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={t('book.namePlaceholder')}
          aria-describedby={hintId}
          aria-invalid={invalid}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('book.createSubmit')}
        </button>
      </div>
      <p id={hintId} className={invalid ? 'field-hint field-error' : 'field-hint'}>
        {invalid ? t('book.nameInvalid') : t('book.nameHint')}
      </p>
      {error !== null ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
