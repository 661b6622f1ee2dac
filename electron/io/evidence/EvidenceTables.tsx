/** @jsxRuntime automatic @jsxImportSource react */
/** Enclosures A–C: the findings summary, every disputed transaction, settlements against the bank. */
import type { ReactElement } from 'react';
import type { EvidenceModel } from '../../../shared/domain/evidence';
import { fen, formatFen, sumFen, type Fen } from '../../../shared/money';
import type { EvidenceTexts } from './evidence-text';
import { CHANNEL_NAMES, KIND_NAMES } from './evidence-text';

type Props = { m: EvidenceModel; t: EvidenceTexts };

export function Money({ value }: { value: Fen | number | null }): ReactElement {
  if (value === null) return <td className="num">–</td>;
  return <td className={value < 0 ? 'num neg' : 'num'}>{formatFen(fen(value))}</td>;
}

function total(values: readonly (number | null)[]): Fen {
  return sumFen(values.flatMap((v) => (v === null ? [] : [fen(v)])));
}

export function SummaryTable({ m, t }: Props): ReactElement {
  const kinds = KIND_NAMES[m.language];
  const rows = m.findings.map((f) => {
    const txns = m.txns.filter((x) => x.findingId === f.id);
    const expected = txns.length > 1 ? total(txns.map((x) => x.expectedFen)) : f.expectedFen;
    const charged = txns.length > 1 ? total(txns.map((x) => x.chargedFen)) : f.actualFen;
    return { f, expected, charged };
  });
  return (
    <section className="enclosure">
      <h2>{t.summaryTitle}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.no}</th>
            <th>{t.kind}</th>
            <th>{t.dateCol}</th>
            <th>{t.refNos}</th>
            <th className="num">{t.txnCount}</th>
            <th className="num">{t.expected}</th>
            <th className="num">{t.charged}</th>
            <th className="num">{t.diff}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ f, expected, charged }, i) => (
            <tr key={f.id}>
              <td>{i + 1}</td>
              <td>{kinds[f.kind] ?? f.kind}</td>
              <td>{f.date}</td>
              <td className="small">
                {f.refNos.length > 6
                  ? `${f.refNos.slice(0, 6).join(' ')} …（${f.refNos.length}）`
                  : f.refNos.join(' ')}
              </td>
              <td className="num">{f.txnCount}</td>
              <Money value={expected} />
              <Money value={charged} />
              <Money value={f.deltaFen} />
            </tr>
          ))}
          <tr className="total">
            <td colSpan={4}>{t.total}</td>
            <td className="num">{m.txns.length}</td>
            <td />
            <td />
            <Money value={total(m.findings.map((f) => f.deltaFen))} />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

export function TxnTable({ m, t }: Props): ReactElement {
  const channels = CHANNEL_NAMES[m.language];
  return (
    <section className="enclosure">
      <h2>{t.txnsTitle}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.no}</th>
            <th>{t.time}</th>
            <th>{t.terminal}</th>
            <th>{t.refNo}</th>
            <th>{t.card}</th>
            <th>{t.channel}</th>
            <th className="num">{t.amount}</th>
            <th className="num">{t.rate}</th>
            <th>{t.arithmetic}</th>
            <th className="num">{t.expected}</th>
            <th className="num">{t.charged}</th>
            <th className="num">{t.diff}</th>
          </tr>
        </thead>
        <tbody>
          {m.txns.map((x, i) => (
            <tr key={`${x.findingId}-${x.txnId}`}>
              <td>{i + 1}</td>
              <td className="nowrap">{x.txnTime}</td>
              <td>{x.terminalId ?? ''}</td>
              <td>{x.refNo ?? ''}</td>
              <td className="small">{x.cardNo ?? ''}</td>
              <td className="nowrap">{channels[x.channel] ?? x.channel}</td>
              <Money value={x.amountFen} />
              <td className="num">{x.ratePercent === null ? '–' : `${x.ratePercent}%`}</td>
              <td className="small">{m.language === 'en' ? x.arithmeticEn : x.arithmeticZh}</td>
              <Money value={x.expectedFen} />
              <Money value={x.chargedFen} />
              <Money value={x.diffFen} />
            </tr>
          ))}
          <tr className="total">
            <td colSpan={6}>{t.total}</td>
            <Money value={total(m.txns.map((x) => x.amountFen))} />
            <td />
            <td />
            <Money value={total(m.txns.map((x) => x.expectedFen))} />
            <Money value={total(m.txns.map((x) => x.chargedFen))} />
            <Money value={total(m.txns.map((x) => x.diffFen))} />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

export function SettlementTable({ m, t }: Props): ReactElement {
  const lines = m.settlement.flatMap((d) => d.lines.map((l) => ({ d, l })));
  const extra = m.findingLines.filter((l) => !lines.some((x) => x.l.lineId === l.lineId));
  return (
    <section className="enclosure">
      <h2>{t.settlementTitle}</h2>
      <p className="note">{t.settlementNote}</p>
      <table>
        <thead>
          <tr>
            <th>{t.dueDate}</th>
            <th>{t.bankTime}</th>
            <th>{t.summary}</th>
            <th>{t.counterparty}</th>
            <th className="num">{t.bankAmount}</th>
            <th className="num">{t.balance}</th>
          </tr>
        </thead>
        <tbody>
          {m.settlement.map((d) => {
            const key = d.dueDates.join('+');
            return [
              <tr key={key} className="day">
                <td className="nowrap">
                  {d.dueDates.map((date) => (
                    <div key={date}>{date}</div>
                  ))}
                </td>
                <td colSpan={3}>
                  {t.expectedSettle} {formatFen(d.expectedFen)} · {t.received} {formatFen(d.receivedFen)} ·{' '}
                  {t.diff} {formatFen(fen(d.receivedFen - d.expectedFen))}
                  {d.beforeDataFen !== 0 && (
                    <div className="note">{t.beforeData(formatFen(d.beforeDataFen))}</div>
                  )}
                  {d.pending && <div className="note">{t.settlementPending}</div>}
                </td>
                <td />
                <td />
              </tr>,
              ...(d.lines.length === 0
                ? [
                    <tr key={`${key}-none`}>
                      <td />
                      <td colSpan={5}>{t.noLines}</td>
                    </tr>,
                  ]
                : d.lines.map((l) => (
                    <tr key={`${key}-${l.lineId}`}>
                      <td />
                      <td>{l.txnTime}</td>
                      <td>{l.summary ?? ''}</td>
                      <td>
                        {l.counterparty ?? ''}
                        {l.byAmountOnly && <div className="note">{t.byAmountOnly}</div>}
                      </td>
                      <Money value={l.creditFen - l.debitFen} />
                      <Money value={l.balanceFen} />
                    </tr>
                  ))),
            ];
          })}
          {extra.map((l) => (
            <tr key={`f-${l.lineId}`}>
              <td>{l.txnTime.slice(0, 10)}</td>
              <td>{l.txnTime}</td>
              <td>{l.summary ?? ''}</td>
              <td>{l.counterparty ?? ''}</td>
              <Money value={l.creditFen - l.debitFen} />
              <Money value={l.balanceFen} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
