import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail, DisputeEvent } from '../../../../shared/api/contract';
import { CONTACT_CHANNELS } from '../../../../shared/domain/dispute-status';
import type { ContactChannel } from '../../../../shared/domain/dispute-status';
import { eventNoteText } from '../../../../shared/domain/dispute-event-note';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../ErrorNotice';

/** The contact log form and the case timeline. */
export function ContactLog({
  detail,
  onChange,
}: {
  detail: DisputeDetail;
  onChange: (d: DisputeDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [channel, setChannel] = useState<ContactChannel>('hotline');
  const [note, setNote] = useState('');
  const [ticketNo, setTicketNo] = useState('');
  const [person, setPerson] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const add = async () => {
    const r = await api.invoke('disputes:contact', {
      id: detail.case.id,
      channel,
      note,
      ...(ticketNo.trim() ? { ticketNo } : {}),
      ...(person.trim() ? { person } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setNote('');
    setTicketNo('');
    setPerson('');
    onChange(r.value);
  };

  /** The service's own notes (a count, changed fields, money recovered) in the reader's words. */
  const noteText = (e: DisputeEvent): string =>
    eventNoteText(e, {
      findings: (count) => t('disputes.eventNotes.findings', { count }),
      field: (key) => t(`disputes.fieldNames.${key}`),
      separator: t('common.listSeparator'),
      recovered: (amount) => t('disputes.eventNotes.recovered', { amount }),
    });

  const describe = (e: DisputeEvent) => {
    if (e.type === 'status' || e.type === 'created') {
      const status = e.toStatus ? `→ ${t(`disputes.statuses.${e.toStatus}`)}` : '';
      return [status, noteText(e)].filter(Boolean).join(' · ');
    }
    if (e.type === 'contact')
      return [e.channel ? t(`disputes.channels.${e.channel}`) : '', e.ticketNo, e.person, e.note]
        .filter(Boolean)
        .join(' · ');
    if (e.type === 'document')
      return `${e.documentName ?? ''} · SHA-256 ${(e.documentSha256 ?? '').slice(0, 16)}…`;
    return noteText(e);
  };

  return (
    <section className="panel" aria-labelledby="contact-log">
      <h2 id="contact-log">{t('disputes.contactTitle')}</h2>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          {t('disputes.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)}>
            {CONTACT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`disputes.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('disputes.ticketNo')}
          <input value={ticketNo} onChange={(e) => setTicketNo(e.target.value)} maxLength={100} />
        </label>
        <label>
          {t('disputes.person')}
          <input value={person} onChange={(e) => setPerson(e.target.value)} maxLength={100} />
        </label>
        <label className="form-wide">
          {t('disputes.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} required />
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={note.trim() === ''}>
            {t('disputes.addContact')}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      <h3>{t('disputes.timeline')}</h3>
      <ol className="timeline" data-testid="dispute-timeline">
        {detail.events.map((e) => (
          <li key={e.id}>
            <time>{e.at}</time> <strong>{t(`disputes.events.${e.type}`)}</strong> {describe(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
