import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail, DisputeStatus } from '../../../../shared/api/contract';
import { nextStatuses } from '../../../../shared/domain/dispute-status';
import { fen, parseMoney } from '../../../../shared/money';
import type { AppError } from '../../../../shared/result';
import { useApi } from '../../api/use-api';
import { useEvidenceDownload } from '../../api/use-evidence-download';
import { formatFen } from '../../format/number';
import { ErrorNotice } from '../ErrorNotice';
import { ContactLog } from './ContactLog';

const yuanText = (value: number) => formatFen(fen(value), { symbol: false, grouping: false });

/** One case: its fields, its findings, status changes, the contact log and the evidence pack. */
export function DisputeCaseView({
  detail,
  onChange,
}: {
  detail: DisputeDetail;
  onChange: (d: DisputeDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const c = detail.case;
  const [title, setTitle] = useState(c.title);
  const [merchantName, setMerchantName] = useState(c.merchantName ?? '');
  const [claimed, setClaimed] = useState(yuanText(c.claimedFen));
  const [reason, setReason] = useState(c.claimedReason ?? '');
  const [remedy, setRemedy] = useState(c.remedy ?? '');
  const [deadline, setDeadline] = useState(c.deadline ?? '');
  const [moving, setMoving] = useState<DisputeStatus | null>(null);
  const [recovered, setRecovered] = useState(yuanText(c.claimedFen));
  const [note, setNote] = useState('');
  const [language, setLanguage] = useState<'zh' | 'en'>('zh');
  const [error, setError] = useState<AppError | null>(null);
  /** Set by a save, cleared by the next edit: the save's only other sign is the timeline. */
  const [saved, setSaved] = useState(false);
  const evidence = useEvidenceDownload();

  const fenOf = (text: string): number | null => {
    const p = parseMoney(text);
    return p.ok && p.value !== null && p.value >= 0 ? p.value : null;
  };

  const save = async () => {
    const claimedFen = fenOf(claimed);
    if (claimedFen === null) return setError({ code: 'invalid_input', message: t('disputes.badAmount') });
    const r = await api.invoke('disputes:update', {
      id: c.id,
      fields: {
        title,
        merchantName: merchantName.trim() || null,
        claimedFen,
        claimedReason: reason.trim() || null,
        remedy: remedy.trim() || null,
        deadline: deadline || null,
      },
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    onChange(r.value);
  };

  const move = async (status: DisputeStatus) => {
    const recoveredFen = status === 'resolved' ? fenOf(recovered) : null;
    if (status === 'resolved' && recoveredFen === null)
      return setError({ code: 'invalid_input', message: t('disputes.badAmount') });
    const r = await api.invoke('disputes:setStatus', {
      id: c.id,
      status,
      ...(recoveredFen !== null ? { recoveredFen } : {}),
      ...(note.trim() ? { note } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setMoving(null);
    setNote('');
    onChange(r.value);
  };

  const statusButtons = useRef<HTMLDivElement>(null);
  /** Back to the buttons (Esc or 取消), the keyboard on the one that opened the form. */
  const cancelMove = () => {
    const from = moving;
    setMoving(null);
    setNote('');
    statusButtons.current?.querySelector<HTMLButtonElement>(`button[data-status="${from ?? ''}"]`)?.focus();
  };

  /** Prints, then reads the case again: the file just written is on its timeline now. */
  const printPack = async (format: 'pdf' | 'zip') => {
    await evidence.print(c.id, c.caseNo, format, language);
    const r = await api.invoke('disputes:get', { id: c.id });
    if (r.ok && r.value.events.length !== detail.events.length) onChange(r.value);
  };

  return (
    <div className="dispute-case">
      <section className="panel" aria-labelledby="case-fields">
        <h2 id="case-fields">
          {c.caseNo} · <span data-testid="dispute-status">{t(`disputes.statuses.${c.status}`)}</span>
        </h2>
        <dl className="facts">
          <dt>{t('disputes.acquirer')}</dt>
          <dd>{c.acquirer}</dd>
          <dt>{t('disputes.merchantNo')}</dt>
          <dd>{c.merchantNo ?? '–'}</dd>
          <dt>{t('disputes.terminals')}</dt>
          <dd>{c.terminals.join('、')}</dd>
          <dt>{t('disputes.period')}</dt>
          <dd>{c.periodFrom && c.periodTo ? `${c.periodFrom} – ${c.periodTo}` : '–'}</dd>
          <dt>{t('disputes.findingsTotal')}</dt>
          <dd>{formatFen(c.findingsTotalFen)}</dd>
          <dt>{t('disputes.recovered')}</dt>
          <dd data-testid="dispute-recovered">{formatFen(c.recoveredFen)}</dd>
        </dl>
        <form
          className="form-grid"
          onChange={() => setSaved(false)}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="form-wide">
            {t('disputes.titleField')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          </label>
          <label>
            {t('disputes.merchantName')}
            <input value={merchantName} onChange={(e) => setMerchantName(e.target.value)} maxLength={200} />
          </label>
          <label>
            {t('disputes.claimed')}
            <input value={claimed} onChange={(e) => setClaimed(e.target.value)} inputMode="decimal" />
          </label>
          <label>
            {t('disputes.claimedReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <label className="form-wide">
            {t('disputes.remedy')}
            <textarea value={remedy} onChange={(e) => setRemedy(e.target.value)} maxLength={1000} />
          </label>
          <label>
            {t('disputes.deadline')}
            <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('disputes.save')}
            </button>
            {saved ? (
              <span role="status" className="form-saved" data-testid="dispute-saved">
                {t('disputes.saved')}
              </span>
            ) : null}
          </div>
        </form>
        <div className="button-row" ref={statusButtons}>
          {nextStatuses(c.status).map((s) => (
            <button key={s} type="button" className="button" data-status={s} onClick={() => setMoving(s)}>
              {t('disputes.moveTo', { status: t(`disputes.statuses.${s}`) })}
            </button>
          ))}
        </div>
        {moving ? (
          <form
            className="form-grid status-form"
            aria-label={t('disputes.moveTo', { status: t(`disputes.statuses.${moving}`) })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancelMove();
            }}
            onSubmit={(e) => {
              e.preventDefault();
              void move(moving);
            }}
          >
            {moving === 'resolved' ? (
              <label>
                {t('disputes.recoveredPrompt')}
                <input
                  value={recovered}
                  onChange={(e) => setRecovered(e.target.value)}
                  inputMode="decimal"
                  autoFocus
                />
              </label>
            ) : null}
            <label>
              {t('disputes.statusNote')}
              <input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={2000}
                autoFocus={moving !== 'resolved'}
              />
            </label>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t('disputes.confirmStatus')}
              </button>
              <button type="button" className="button" onClick={cancelMove}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </section>
      <section className="panel" aria-labelledby="case-findings">
        <h2 id="case-findings">{t('disputes.findings')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('disputes.date')}</th>
              <th>{t('disputes.kind')}</th>
              <th>{t('reconcile.columns.refNos')}</th>
              <th className="num">{t('disputes.delta')}</th>
              <th>{t('disputes.status')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.findings.map((f) => (
              <tr key={f.id}>
                <td>{f.date}</td>
                <td>{t(`reconcile.kinds.${f.kind}`)}</td>
                <td>
                  {f.refNos.slice(0, 3).join(' ')}
                  {f.refNos.length > 3 ? ` … (${f.refNos.length})` : ''}
                </td>
                <td className="num">{formatFen(f.deltaFen)}</td>
                <td>{t(`reconcile.states.${f.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="case-evidence">
        <h2 id="case-evidence">{t('disputes.evidenceTitle')}</h2>
        <label className="form-row">
          {t('disputes.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'zh' | 'en')}>
            <option value="zh">{t('disputes.languages.zh')}</option>
            <option value="en">{t('disputes.languages.en')}</option>
          </select>
        </label>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={evidence.busy}
            onClick={() => void printPack('pdf')}
          >
            {t('disputes.printPdf')}
          </button>
          <button
            type="button"
            className="button"
            disabled={evidence.busy}
            onClick={() => void printPack('zip')}
          >
            {t('disputes.printZip')}
          </button>
        </div>
        {evidence.busy ? <p role="status">{t('disputes.printing')}</p> : null}
        {evidence.done ? (
          <p role="status" data-testid="evidence-done">
            {t('disputes.printed', { name: evidence.done.file.name, sha: evidence.done.sha256.slice(0, 12) })}
          </p>
        ) : null}
        {evidence.error ? <ErrorNotice error={evidence.error} /> : null}
      </section>
      <ContactLog detail={detail} onChange={onChange} />
    </div>
  );
}
