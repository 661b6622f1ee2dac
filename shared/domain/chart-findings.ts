/**
 * Findings shaped for the charts and the overview: markers on the time axis, kinds stacked per month,
 * money at stake against recovered, and the month's next steps. Pure; fed by electron/db/charts-repo.ts.
 */
import type { FindingMarker, FindingsByMonth, FindingsChart, NextStep } from '../api/charts';
import { fen } from '../money';
import { FINDING_KINDS, type FindingKind } from './reconcile/types';
import type { Channel } from './types';
import { bucketsBetween } from './chart-series';

/** Findings of one day, channel and kind (SQL group). Amounts in fen. */
export type FindingDayGroup = {
  date: string;
  channel: Channel | null;
  kind: FindingKind;
  count: number;
  deltaFen: number;
  firstId: number;
};

/** Findings of one month and kind (SQL group). Amounts in fen. */
export type FindingMonthGroup = {
  month: string;
  kind: FindingKind;
  count: number;
  deltaFen: number;
  atStakeFen: number;
  recoveredFen: number;
};

/** One marker per day and channel, its kinds in the engine's order. */
export function findingMarkers(groups: readonly FindingDayGroup[]): FindingMarker[] {
  const byKey = new Map<string, FindingMarker>();
  for (const g of groups) {
    const key = `${g.date}|${g.channel ?? ''}`;
    const m = byKey.get(key);
    if (!m) {
      byKey.set(key, {
        date: g.date,
        channel: g.channel,
        kinds: [g.kind],
        count: g.count,
        deltaFen: fen(g.deltaFen),
        firstId: g.firstId,
      });
      continue;
    }
    if (!m.kinds.includes(g.kind)) m.kinds.push(g.kind);
    m.count += g.count;
    m.deltaFen = fen(m.deltaFen + g.deltaFen);
    m.firstId = Math.min(m.firstId, g.firstId);
  }
  const order = (k: FindingKind) => FINDING_KINDS.indexOf(k);
  return [...byKey.values()]
    .map((m) => ({ ...m, kinds: [...m.kinds].sort((a, b) => order(a) - order(b)) }))
    .sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : (a.channel ?? '') < (b.channel ?? '') ? -1 : 1,
    );
}

/** Kinds stacked per month over every month of the range (empty months included), and the kinds seen. */
export function findingsChart(
  groups: readonly FindingMonthGroup[],
  range: { from: string; to: string },
): FindingsChart {
  const months = new Map<string, FindingsByMonth>(
    bucketsBetween(range.from, range.to, 'month').map((month) => [
      month,
      { month, byKind: {}, count: 0, atStakeFen: fen(0), recoveredFen: fen(0) },
    ]),
  );
  const seen = new Set<FindingKind>();
  for (const g of groups) {
    const m = months.get(g.month);
    if (!m) continue;
    seen.add(g.kind);
    const k = m.byKind[g.kind] ?? { count: 0, deltaFen: fen(0) };
    m.byKind[g.kind] = { count: k.count + g.count, deltaFen: fen(k.deltaFen + g.deltaFen) };
    m.count += g.count;
    m.atStakeFen = fen(m.atStakeFen + g.atStakeFen);
    m.recoveredFen = fen(m.recoveredFen + g.recoveredFen);
  }
  return {
    from: range.from,
    to: range.to,
    kinds: FINDING_KINDS.filter((k) => seen.has(k)),
    months: [...months.values()],
  };
}

/**
 * Days of `from..to` (capped at `today`) with no POS row that the merchant did not declare as
 * no-trade days: the days an export probably left out.
 */
export function daysWithoutData(
  range: { from: string; to: string },
  today: string,
  daysWithData: ReadonlySet<string>,
  noTradeDays: ReadonlySet<string>,
): string[] {
  const last = range.to < today ? range.to : today;
  if (last < range.from) return [];
  return bucketsBetween(range.from, last, 'day').filter((d) => !daysWithData.has(d) && !noTradeDays.has(d));
}

/** What the bookkeeper should do next for the month, most urgent first. */
export function nextSteps(facts: {
  posTxnCount: number;
  daysWithoutPos: readonly string[];
  bankLineCount: number;
  lastRun: { stale: boolean } | null;
  openFindings: number;
}): NextStep[] {
  const steps: NextStep[] = [];
  if (facts.daysWithoutPos.length > 0) {
    steps.push({ step: 'import_pos', route: 'import', days: [...facts.daysWithoutPos] });
  }
  if (facts.bankLineCount === 0) steps.push({ step: 'import_bank', route: 'import' });
  if (facts.posTxnCount > 0) {
    if (facts.lastRun === null) steps.push({ step: 'reconcile_never', route: 'reconcile' });
    else if (facts.lastRun.stale) steps.push({ step: 'reconcile_stale', route: 'reconcile' });
  }
  if (facts.openFindings > 0) steps.push({ step: 'triage', route: 'reconcile', count: facts.openFindings });
  return steps;
}
