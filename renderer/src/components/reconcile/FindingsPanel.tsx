import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingView } from '../../../../shared/api/reconcile';
import { formatCount } from '../../format/number';
import { groupFindings } from '../../reconcile/finding-groups';
import type { TriageState } from '../../reconcile/use-reconcile';
import { FindingDetailDialog } from './FindingDetailDialog';
import { FindingGroupTable } from './FindingGroupTable';
import { TriageActions } from './TriageActions';

type Props = {
  findings: readonly FindingView[];
  /**
   * Ask for a triage decision (the page asks for a reason first where one is needed); resolves true
   * once it is stored, false when the user cancelled or it failed.
   */
  onTriage: (ids: number[], state: TriageState) => Promise<boolean>;
};

/** The findings grouped by kind, with selection for bulk triage and the detail of one finding. */
export function FindingsPanel({ findings, onTriage }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [openId, setOpenId] = useState<number | null>(null);
  const groups = groupFindings(findings);
  // Only ids still listed count as selected (a re-run replaces the list).
  const listed = new Set(findings.map((f) => f.id));
  const selectedIds = [...selected].filter((id) => listed.has(id));
  const open = openId === null ? null : (findings.find((f) => f.id === openId) ?? null);

  const select = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <section className="findings" aria-label={t('reconcile.findingsTitle')}>
      <h2>{t('reconcile.findingsTitle')}</h2>
      <div className="bulk-bar" data-testid="bulk-bar" aria-live="polite">
        <span>{t('reconcile.bulk.selected', { n: formatCount(selectedIds.length) })}</span>
        <TriageActions
          disabled={selectedIds.length === 0}
          onAction={(state) => {
            const ids = selectedIds;
            void onTriage(ids, state).then((stored) => {
              if (stored) select(ids, false);
            });
          }}
        />
        {selectedIds.length > 0 ? (
          <button type="button" className="button button-quiet" onClick={() => setSelected(new Set())}>
            {t('reconcile.bulk.clear')}
          </button>
        ) : null}
      </div>
      {groups.map((group) => (
        <FindingGroupTable
          key={group.kind}
          group={group}
          selected={selected}
          onSelect={select}
          onOpen={(f) => setOpenId(f.id)}
        />
      ))}
      <FindingDetailDialog
        finding={open}
        onClose={() => setOpenId(null)}
        onTriage={(ids, state) => void onTriage(ids, state)}
      />
    </section>
  );
}
