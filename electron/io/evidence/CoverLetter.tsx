/** @jsxRuntime automatic @jsxImportSource react */
/** The cover letter (申诉书): who complains to whom, what happened, the contract, the claim, enclosures. */
import type { ReactElement } from 'react';
import type { EvidenceModel } from '../../../shared/domain/evidence';
import { fen, formatFen } from '../../../shared/money';
import type { EvidenceTexts } from './evidence-text';

type Props = { m: EvidenceModel; t: EvidenceTexts };

export function CoverLetter({ m, t }: Props): ReactElement {
  const c = m.case;
  const period = c.periodFrom && c.periodTo ? `${c.periodFrom} – ${c.periodTo}` : '';
  return (
    <section className="letter">
      <h1>{t.letterTitle}</h1>
      <p>
        {t.to} {c.acquirer}：
      </p>
      <table className="facts">
        <tbody>
          <tr>
            <th>{t.caseNo}</th>
            <td>{c.caseNo}</td>
          </tr>
          <tr>
            <th>{t.complainant}</th>
            <td>{c.merchantName ?? ''}</td>
          </tr>
          <tr>
            <th>{t.merchantNo}</th>
            <td>{c.merchantNo ?? ''}</td>
          </tr>
          <tr>
            <th>{t.terminals}</th>
            <td>{c.terminals.join('、')}</td>
          </tr>
          <tr>
            <th>{t.acquirer}</th>
            <td>{c.acquirer}</td>
          </tr>
          <tr>
            <th>{t.period}</th>
            <td>{period}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t.facts}</h3>
      <p>{t.factsBody(m.findings.length, m.txns.length)}</p>
      <h3>{t.rates}</h3>
      {m.rates.map((v) => (
        <p key={`${v.cardName}|${v.effectiveFrom}`}>
          {v.cardName}
          {v.scope ? `（${v.scope}）` : ''}，{t.rateVersion(v.effectiveFrom)}：
          {v.rules
            .map(
              (r) =>
                `${r.label} ${r.ratePercent}%${r.capFen !== null ? `（封顶 ${formatFen(r.capFen)}）` : ''}${
                  r.minFen !== null ? `（保底 ${formatFen(r.minFen)}）` : ''
                }${r.fixedFen !== null ? `（每笔另收 ${formatFen(r.fixedFen)}）` : ''}`,
            )
            .join('；')}
        </p>
      ))}
      <h3>{t.claim}</h3>
      <p>{t.claimBody(formatFen(fen(c.claimedFen)))}</p>
      {c.claimedReason ? (
        <p>
          {t.claimReason}：{c.claimedReason}
        </p>
      ) : null}
      {c.remedy ? (
        <p>
          {t.remedy}：{c.remedy}
        </p>
      ) : null}
      {c.deadline ? (
        <p>
          {t.deadline}：{c.deadline}
        </p>
      ) : null}
      <h3>{t.enclosures}</h3>
      {t.enclosureList.map((e) => (
        <p key={e}>{e}</p>
      ))}
      <p>{t.closing}</p>
      <div className="signature">
        <div>
          {t.signature}：{c.merchantName ?? ''}
        </div>
        <div>{t.seal}</div>
        <div>
          {t.date}：{m.printedAt.slice(0, 10)}
        </div>
      </div>
    </section>
  );
}
