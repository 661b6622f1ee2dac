import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredRateCardView } from '../../../../shared/api/reconcile';
import type { RateCardJson } from '../../../../shared/domain/rate-card';
import { RATE_CARD_TEMPLATE_IDS } from '../../../../shared/domain/rate-card-templates';
import type { RateCardTemplateId } from '../../../../shared/domain/rate-card-templates';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useApiQuery } from '../../api/use-api-query';
import { formatStamp } from '../../format/number';
import { draftFromJson } from '../../rates/rate-card-draft';
import type { CardDraft } from '../../rates/rate-card-draft';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { RateCardEditor } from './RateCardEditor';

type Editing = { id: number | null; draft: CardDraft; serial: number };

const isRateCardTemplateId = (id: string): id is RateCardTemplateId =>
  (RATE_CARD_TEMPLATE_IDS as readonly string[]).includes(id);

/** The book's rate cards: which exist, for which terminals, since when; edit one or start from a template. */
export function RateCardSection({ bookKey }: { bookKey: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const templateId = useId();
  const [revision, setRevision] = useState(0);
  const cards = useApiQuery('rates:list', {}, `${bookKey}|${revision}`);
  const templates = useApiQuery('rates:templates', {});
  const [template, setTemplate] = useState('lakala_standard');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<StoredRateCardView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // A save closes the editor, and the button that had the keyboard with it: the keyboard and the view
  // go to what the save says (they were left on the page's body, scrolled to where the editor was).
  useEffect(() => {
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);

  const startEditing = (id: number | null, card: RateCardJson) => {
    setNotice(null);
    setEditing((prev) => ({ id, draft: draftFromJson(card), serial: (prev?.serial ?? 0) + 1 }));
  };

  const scopeText = (card: RateCardJson) => {
    const parts = [
      card.scope?.merchantNo ? t('rates.scopeMerchant', { no: card.scope.merchantNo }) : null,
      card.scope?.terminalId ? t('rates.scopeTerminal', { no: card.scope.terminalId }) : null,
    ].filter((x): x is string => x !== null);
    return parts.length === 0 ? t('rates.scopeAll') : parts.join(t('common.listSeparator'));
  };

  const remove = async (card: StoredRateCardView) => {
    const result = await api.invoke('rates:delete', { id: card.id });
    setDeleting(null);
    if (!result.ok) setError(result.error);
    else {
      if (editing?.id === card.id) setEditing(null);
      setRevision((r) => r + 1);
    }
  };

  return (
    <section className="card rate-cards" aria-labelledby={titleId} data-testid="rate-cards">
      <h2 id={titleId}>{t('rates.title')}</h2>
      <p className="field-hint">{t('rates.intro')}</p>
      {cards.status === 'error' ? <ErrorNotice error={cards.error} onRetry={cards.reload} /> : null}
      {error !== null ? <ErrorNotice error={error} /> : null}
      {notice !== null ? (
        <div className="notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </div>
      ) : null}
      {cards.status === 'loading' && cards.previous === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : null}
      {cards.status === 'ok' || cards.previous !== null ? (
        <table className="data-table compact rate-card-list">
          <caption>{t('rates.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rates.cardName')}</th>
              <th scope="col">{t('rates.scope')}</th>
              <th scope="col">{t('rates.versions')}</th>
              <th scope="col">{t('rates.updatedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rates.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(cards.status === 'ok' ? cards.value : (cards.previous ?? [])).map((stored) => (
              <tr key={stored.id} data-card-name={stored.card.name}>
                <td>{stored.card.name}</td>
                <td>{scopeText(stored.card)}</td>
                <td className="mono">
                  {stored.card.versions
                    .map((v) => t('rates.versionSince', { date: v.effectiveFrom, n: v.rules.length }))
                    .join(t('common.clauseSeparator'))}
                </td>
                <td className="mono">{formatStamp(stored.updatedAt)}</td>
                <td>
                  <div className="button-row inline">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => startEditing(stored.id, stored.card)}
                    >
                      {t('rates.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      onClick={() => setDeleting(stored)}
                    >
                      {t('rates.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <div className="form-row template-row">
        <label htmlFor={templateId}>{t('rates.template')}</label>
        <select id={templateId} value={template} onChange={(event) => setTemplate(event.target.value)}>
          {templates.status === 'ok'
            ? templates.value.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {isRateCardTemplateId(tpl.id) ? t(`rates.templateNames.${tpl.id}`) : tpl.card.name}
                </option>
              ))
            : null}
        </select>
        <button
          type="button"
          className="button"
          disabled={templates.status !== 'ok'}
          onClick={() => {
            const chosen =
              templates.status === 'ok' ? templates.value.find((x) => x.id === template) : undefined;
            if (chosen !== undefined) startEditing(null, chosen.card);
          }}
        >
          {t('rates.newFromTemplate')}
        </button>
      </div>

      {editing !== null ? (
        <RateCardEditor
          key={editing.serial}
          initial={editing.draft}
          originalId={editing.id}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('rates.saved', { name: saved.card.name }));
            setRevision((r) => r + 1);
          }}
        />
      ) : null}

      <Dialog
        open={deleting !== null}
        title={t('rates.deleteTitle', { name: deleting?.card.name ?? '' })}
        onClose={() => setDeleting(null)}
      >
        <p>{t('rates.deleteBody')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              if (deleting !== null) void remove(deleting);
            }}
          >
            {t('rates.delete')}
          </button>
          <button type="button" className="button" onClick={() => setDeleting(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
