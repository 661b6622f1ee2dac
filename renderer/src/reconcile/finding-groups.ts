/**
 * How the Reconcile page counts what it lists: findings grouped by kind (in the engine's order), with
 * totals that follow the user's triage at once. A dismissed finding is "not a problem": it stays listed
 * in its group but leaves the group's count and total and the money at stake.
 */
import type { FindingState, FindingView } from '../../../shared/api/reconcile';
import { sumFen } from '../../../shared/fen';
import type { Fen } from '../../../shared/fen';
import { FINDING_KINDS } from '../../../shared/domain/reconcile/types';
import type { FindingKind } from '../../../shared/domain/reconcile/types';

export type FindingGroup = {
  kind: FindingKind;
  findings: FindingView[];
  /** Findings not dismissed. */
  count: number;
  /** Sum of deltaFen over the findings not dismissed, in fen. */
  totalFen: Fen;
  dismissedCount: number;
};

/** States in which the money of a finding is still to be recovered. */
const PENDING_STATES: ReadonlySet<FindingState> = new Set<FindingState>(['open', 'to_dispute', 'disputed']);

export function isDismissed(finding: FindingView): boolean {
  return finding.state === 'dismissed';
}

/** The findings by kind, in the order of FINDING_KINDS; kinds without findings are left out. */
export function groupFindings(findings: readonly FindingView[]): FindingGroup[] {
  return FINDING_KINDS.flatMap((kind) => {
    const ofKind = findings.filter((f) => f.kind === kind);
    if (ofKind.length === 0) return [];
    const counted = ofKind.filter((f) => !isDismissed(f));
    return [
      {
        kind,
        findings: ofKind,
        count: counted.length,
        totalFen: sumFen(counted.map((f) => f.deltaFen)),
        dismissedCount: ofKind.length - counted.length,
      },
    ];
  });
}

export type StakeTotals = {
  /** What the merchant lost on findings still open or being disputed, in fen (gains are not netted). */
  atStakeFen: Fen;
  byState: Partial<Record<FindingState, number>>;
};

export function stakeTotals(findings: readonly FindingView[]): StakeTotals {
  const byState: Partial<Record<FindingState, number>> = {};
  for (const f of findings) byState[f.state] = (byState[f.state] ?? 0) + 1;
  const pending = findings.filter((f) => PENDING_STATES.has(f.state) && f.deltaFen > 0);
  return { atStakeFen: sumFen(pending.map((f) => f.deltaFen)), byState };
}

/** `findings` with the triaged ones replaced by the service's answer (same ids, new state). */
export function applyTriage(
  findings: readonly FindingView[],
  changed: readonly FindingView[],
): FindingView[] {
  const byId = new Map(changed.map((f) => [f.id, f]));
  return findings.map((f) => byId.get(f.id) ?? f);
}
