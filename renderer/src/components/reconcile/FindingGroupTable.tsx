import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingView } from '../../../../shared/api/reconcile';
import { formatCount, formatFen } from '../../format/number';
import type { FindingGroup } from '../../reconcile/finding-groups';
import { isDismissed } from '../../reconcile/finding-groups';
import { MoneyCell } from './MoneyCell';
import { RefNos } from './RefNos';

type Props = {
  group: FindingGroup;
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], selected: boolean) => void;
  onOpen: (finding: FindingView) => void;
};

/** One kind of finding: a checkbox per row and for the group, and the group's count and total. */
export function FindingGroupTable({ group, selected, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const ids = group.findings.map((f) => f.id);
  const selectedHere = ids.filter((id) => selected.has(id)).length;
  const kindLabel = t(`reconcile.kinds.${group.kind}`);

  return (
    <section className="finding-group" data-kind={group.kind} aria-labelledby={titleId}>
      <header className="finding-group-header">
        <h3 id={titleId}>{kindLabel}</h3>
        <span className="finding-group-meta" data-testid="group-meta">
          {t('reconcile.group.meta', { n: formatCount(group.count), total: formatFen(group.totalFen) })}
          {group.dismissedCount > 0 ? (
            <span className="muted">
              {' '}
              {t('reconcile.group.dismissed', { n: formatCount(group.dismissedCount) })}
            </span>
          ) : null}
        </span>
      </header>
      <div className="table-scroll">
        <table className="data-table finding-table">
          <caption className="visually-hidden">{kindLabel}</caption>
          <thead>
            <tr>
              <th scope="col" className="select-col">
                <input
                  type="checkbox"
                  aria-label={t('reconcile.group.selectAll', { kind: kindLabel })}
                  checked={selectedHere === ids.length}
                  ref={(el) => {
                    if (el !== null) el.indeterminate = selectedHere > 0 && selectedHere < ids.length;
                  }}
                  onChange={(event) => onSelect(ids, event.target.checked)}
                />
              </th>
              <th scope="col">{t('reconcile.columns.date')}</th>
              <th scope="col">{t('reconcile.columns.terminal')}</th>
              <th scope="col">{t('reconcile.columns.channel')}</th>
              <th scope="col">{t('reconcile.columns.refNos')}</th>
              <th scope="col" className="num">
                {t('reconcile.columns.expected')}
              </th>
              <th scope="col" className="num">
                {t('reconcile.columns.actual')}
              </th>
              <th scope="col" className="num">
                {t('reconcile.columns.delta')}
              </th>
              <th scope="col">{t('reconcile.columns.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reconcile.columns.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {group.findings.map((f) => (
              <tr
                key={f.id}
                className={isDismissed(f) ? 'finding-row finding-dismissed' : 'finding-row'}
                data-finding-id={f.id}
                data-state={f.state}
              >
                <td className="select-col">
                  <input
                    type="checkbox"
                    aria-label={t('reconcile.group.selectOne', { kind: kindLabel, date: f.date })}
                    checked={selected.has(f.id)}
                    onChange={(event) => onSelect([f.id], event.target.checked)}
                  />
                </td>
                <td className="mono" data-col="date">
                  {f.date}
                </td>
                <td className="mono" data-col="terminal">
                  {f.terminalId ?? '—'}
                </td>
                <td data-col="channel">{f.channel === null ? '—' : t(`ledger.channels.${f.channel}`)}</td>
                <td data-col="refNos">
                  <RefNos refNos={f.refNos} />
                </td>
                <MoneyCell value={f.expectedFen} col="expected" />
                <MoneyCell value={f.actualFen} col="actual" />
                <MoneyCell value={f.deltaFen} col="delta" />
                <td data-col="state">
                  <span className={`state-badge state-${f.state}`}>{t(`reconcile.states.${f.state}`)}</span>
                  {f.triageReason !== null ? (
                    <span className="triage-reason-text">{f.triageReason}</span>
                  ) : null}
                </td>
                <td>
                  <button type="button" className="button button-small" onClick={() => onOpen(f)}>
                    {t('reconcile.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row" colSpan={7}>
                {t('reconcile.group.total', { n: formatCount(group.count) })}
              </th>
              <MoneyCell value={group.totalFen} col="group-total" />
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
