/** @jsxRuntime automatic @jsxImportSource react */
/** Enclosures E–F: where every cited row came from, and the case timeline with its contact log. */
import type { ReactElement } from 'react';
import type { EvidenceModel, EvidenceSource } from '../../../shared/domain/evidence';
import type { EvidenceTexts } from './evidence-text';
import { CHANNEL_NAMES, EVENT_NAMES, STATUS_NAMES } from './evidence-text';
import { printedEventNote } from './event-note-text';

type Props = { m: EvidenceModel; t: EvidenceTexts };

export function Provenance({ m, t }: Props): ReactElement {
  const rows: { key: string; label: string; s: EvidenceSource }[] = [
    ...m.txns.map((x) => ({ key: `t${x.findingId}-${x.txnId}`, label: x.refNo ?? x.txnTime, s: x.source })),
    ...[...m.findingLines, ...m.settlement.flatMap((d) => d.lines)]
      .filter((l, i, all) => all.findIndex((o) => o.lineId === l.lineId) === i)
      .map((l) => ({ key: `b${l.lineId}`, label: l.txnTime, s: l.source })),
  ];
  return (
    <section className="enclosure">
      <h2>{t.provenanceTitle}</h2>
      <h3>{t.files}</h3>
      <table>
        <thead>
          <tr>
            <th>{t.no}</th>
            <th>{t.fileName}</th>
            <th>SHA-256</th>
            <th>{t.importedAt}</th>
          </tr>
        </thead>
        <tbody>
          {m.files.map((f, i) => (
            <tr key={f.sha256}>
              <td>{i + 1}</td>
              <td>{f.fileName}</td>
              <td className="mono">{f.sha256}</td>
              <td>{f.importedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t.citedRows}</h3>
      <table>
        <thead>
          <tr>
            <th>{t.refNo}</th>
            <th>{t.fileName}</th>
            <th>{t.sheetRow}</th>
            <th>{t.cells}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td className="small">{r.s.fileName}</td>
              <td className="small">
                {r.s.sheet} / {r.s.row}
              </td>
              <td className="small">{r.s.cells.join(' | ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Timeline({ m, t }: Props): ReactElement {
  const events = EVENT_NAMES[m.language];
  const statuses = STATUS_NAMES[m.language];
  const channels = CHANNEL_NAMES[m.language];
  return (
    <section className="enclosure">
      <h2>{t.timelineTitle}</h2>
      <table>
        <thead>
          <tr>
            <th>{t.at}</th>
            <th>{t.event}</th>
            <th>{t.contactChannel}</th>
            <th>{t.ticket}</th>
            <th>{t.person}</th>
            <th>{t.note}</th>
          </tr>
        </thead>
        <tbody>
          {m.events.map((e) => (
            <tr key={e.id}>
              <td>{e.at}</td>
              <td>
                {events[e.type] ?? e.type}
                {e.toStatus ? ` → ${statuses[e.toStatus] ?? e.toStatus}` : ''}
              </td>
              <td>{e.channel ? (channels[e.channel] ?? e.channel) : ''}</td>
              <td>{e.ticketNo ?? ''}</td>
              <td>{e.person ?? ''}</td>
              <td className="small">
                {e.type === 'document'
                  ? `${e.documentName ?? ''} SHA-256 ${e.documentSha256 ?? ''}`
                  : printedEventNote(e, m.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
