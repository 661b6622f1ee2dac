/**
 * Fee check, step 2: patterns. A silent rate rise or a per-transaction surcharge shows up as dozens of
 * wrong rows; the merchant needs ONE finding that names the change, its first day and its total cost,
 * so rows a pattern explains are not listed again one by one.
 */
import { D, fenToDecimal, formatFen, formatRate, sumFen, type Fen, type RatePercent } from '../../money';
import { ruleFeeFen } from '../fee-calc';
import type { RateRule } from '../rate-card';
import { dateOf } from '../local-date';
import { pricedByRule, type FeeCheck } from './fee-check';
import { CHANNEL_EN, CHANNEL_ZH, common, refNosOf, severityOf } from './finding';
import type { Finding } from './types';
import { cmp } from '../text-order';

export type PatternOptions = { minTxns: number; minDays: number };

type Priced = { check: FeeCheck; rule: RateRule; actual: Fen; expected: Fen };

/** Successful sales priced by a rule with a known charge: the only rows a pattern can be made of. */
function priced(checks: readonly FeeCheck[]): Priced[] {
  const out: Priced[] = [];
  for (const c of checks) {
    const t = c.txn;
    if (t.txnType !== 'sale' || t.status !== 'success' || c.actualFen === null) continue;
    // A row charged right is read through its numbers: building its arithmetic for every row of a
    // busy channel would cost more than the whole pattern search.
    if (!pricedByRule(c) || c.expectedFen === null || !c.version) continue;
    const rule = c.version.rules.find((r) => r.id === c.ruleId);
    if (!rule) continue;
    out.push({ check: c, rule, actual: c.actualFen, expected: c.expectedFen });
  }
  return out.sort((a, b) => cmp(a.check.txn.txnTime, b.check.txn.txnTime) || a.check.txn.id - b.check.txn.id);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

/**
 * Rates (2-decimal percent) the wrong charges of a group point at, most frequent first. A negative
 * charge, or one of about the whole amount or more (a ¥3.00 surcharge on a ¥2.00 sale), points at no
 * rate a card can have: such rows can still be a surcharge or single findings.
 */
function candidateRates(rows: readonly Priced[]): RatePercent[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const amount = r.check.txn.amountFen;
    if (r.actual === r.expected || r.actual < 0 || amount === 0) continue;
    const implied = fenToDecimal(r.actual).times(100).dividedBy(amount).toDecimalPlaces(2);
    if (implied.greaterThanOrEqualTo(100)) continue;
    const rate = formatRate(implied);
    counts.set(rate, (counts.get(rate) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([rate]) => rate);
}

/**
 * Runs of a group's rows charged at rate R instead of the contract's: split wherever a row is still
 * charged the contract's rate (then the rise is not sustained across it). Rows that fit both rates
 * (small amounts) or neither (another fault) neither break nor join a run.
 *
 * `rows` are in time order and `wrongAt` are the positions in `rows` of those charged wrong
 * (actual ≠ expected): only they can join a run. A group is thousands of rows with a handful of wrong
 * ones, and many rates are tried, so rows are priced at R only between joining rows, and only until the
 * first row still charged the contract's rate closes the run (usually the very next right row).
 */
function runsAtRate(
  rows: readonly Priced[],
  wrongAt: readonly number[],
  rate: RatePercent,
  opts: PatternOptions,
): Priced[][] {
  // The group's rule(s) at rate R, made once per rule rather than once per row.
  const raised = new Map<RateRule, RateRule>();
  const feeAtRate = (p: Priced): Fen | null => {
    const version = p.check.version;
    if (!version) return null;
    let rule = raised.get(p.rule);
    if (!rule) raised.set(p.rule, (rule = { ...p.rule, ratePercent: rate }));
    return ruleFeeFen(rule, p.check.txn.amountFen, version.rounding);
  };
  const joinAt: number[] = [];
  for (const i of wrongAt) {
    const p = rows[i];
    if (p && p.actual === feeAtRate(p)) joinAt.push(i);
  }
  // Fewer joining rows than a run needs: no run at R.
  if (joinAt.length < opts.minTxns) return [];
  const runs: Priced[][] = [];
  let current: Priced[] = [];
  const close = () => {
    const days = new Set(current.map((p) => dateOf(p.check.txn.txnTime)));
    if (current.length >= opts.minTxns && days.size >= opts.minDays) runs.push(current);
    current = [];
  };
  for (let k = 0; k < joinAt.length; k++) {
    const at = joinAt[k] ?? 0;
    const joined = rows[at];
    if (joined) current.push(joined);
    // A right row before the next joining one that R would have priced otherwise ends the run. (Before
    // the first joining row and after the last, closing changes nothing: the loop's last close does it.)
    const next = joinAt[k + 1] ?? rows.length;
    for (let i = at + 1; i < next; i++) {
      const p = rows[i];
      if (!p || p.actual !== p.expected) continue;
      const atRate = feeAtRate(p);
      if (atRate !== null && atRate !== p.expected) {
        close();
        break;
      }
    }
  }
  close();
  return runs;
}

/** The positions in `rows` of the rows charged wrong. */
function wrongPositions(rows: readonly Priced[]): number[] {
  const out: number[] = [];
  rows.forEach((p, i) => {
    if (p.actual !== p.expected) out.push(i);
  });
  return out;
}

/**
 * rate_raised: on one channel (one rule of the card), from some day on, at least `minTxns` rows on
 * `minDays` days all charged one new rate — even when that rate is another rule's. Tried first across
 * terminals, then per terminal (a rise on one terminal only).
 */
export function findRateRaised(
  checks: readonly FeeCheck[],
  opts: PatternOptions,
): { findings: Finding[]; explained: Set<number> } {
  const findings: Finding[] = [];
  const explained = new Set<number>();
  // Only groups with enough wrong rows can hold a pattern: skip pricing the clean bulk of a year.
  const coarse = (c: FeeCheck) => `${c.txn.merchantNo ?? ''}|${c.txn.channel}|${c.ruleId ?? ''}`;
  const wrongCount = countBy(
    checks.filter((c) => !c.ok),
    coarse,
  );
  const hot = new Set([...wrongCount].filter(([, n]) => n >= opts.minTxns).map(([k]) => k));
  if (hot.size === 0) return { findings, explained };
  const rows = priced(checks.filter((c) => hot.has(coarse(c))));
  const passes: ((p: Priced) => string)[] = [
    (p) => `${p.check.txn.merchantNo ?? ''}|${p.check.txn.channel}|${p.rule.id}`,
    (p) =>
      `${p.check.txn.merchantNo ?? ''}|${p.check.txn.channel}|${p.rule.id}|${p.check.txn.terminalId ?? ''}`,
  ];
  for (const key of passes) {
    const open = rows.filter((p) => !explained.has(p.check.txn.id));
    for (const group of groupBy(open, key).values()) {
      // The group's rows not yet explained, and the wrong ones among them: they change only when a
      // run of this group is found, so they are filtered again only then, not once per rate tried.
      let live = group;
      let wrongAt = wrongPositions(live);
      for (const rate of candidateRates(group)) {
        const runs = runsAtRate(live, wrongAt, rate, opts);
        if (runs.length === 0) continue;
        for (const run of runs) {
          for (const p of run) explained.add(p.check.txn.id);
          findings.push(rateRaisedFinding(run, rate));
        }
        live = live.filter((p) => !explained.has(p.check.txn.id));
        wrongAt = wrongPositions(live);
      }
    }
  }
  return { findings, explained };
}

function rateRaisedFinding(run: readonly Priced[], observed: RatePercent): Finding {
  const txns = run.map((p) => p.check.txn);
  const first = run[0];
  if (!first) throw new Error('empty run');
  const expectedFen = sumFen(run.map((p) => p.expected));
  const actualFen = sumFen(run.map((p) => p.actual));
  const deltaFen = sumFen(run.map((p) => p.actual - p.expected) as Fen[]);
  const date = dateOf(first.check.txn.txnTime);
  const channel = first.check.txn.channel;
  const terminalId = common(txns.map((t) => t.terminalId));
  const contracted = first.rule.ratePercent;
  const where = terminalId ? `终端 ${terminalId} ` : '';
  const whereEn = terminalId ? ` on terminal ${terminalId}` : '';
  const lastDate = dateOf(run[run.length - 1]?.check.txn.txnTime ?? first.check.txn.txnTime);
  return {
    kind: 'rate_raised',
    severity: severityOf('rate_raised', deltaFen),
    fingerprint: `rate_raised:${first.check.txn.merchantNo ?? ''}/${channel}/${first.rule.id}/${terminalId ?? '*'}/${date}/${new D(observed).toFixed(2)}`,
    txnIds: txns.map((t) => t.id),
    refNos: refNosOf(txns),
    bankLineIds: [],
    expectedFen,
    actualFen,
    deltaFen,
    date,
    channel,
    terminalId,
    merchantNo: common(txns.map((t) => t.merchantNo)),
    zh:
      `${where}${CHANNEL_ZH[channel]}${first.rule.label === CHANNEL_ZH[channel] ? '' : `（${first.rule.label}）`}费率自 ${date} 起由 ${contracted}% 变为 ${observed}%` +
      `（至 ${lastDate}，共 ${run.length} 笔）：按合同应收 ${formatFen(expectedFen)}，实收 ${formatFen(actualFen)}，多收 ${formatFen(deltaFen)}`,
    en:
      `${CHANNEL_EN[channel]}${first.rule.label === CHANNEL_ZH[channel] ? '' : ` (${first.rule.label})`}${whereEn} charged ${observed}% instead of the contracted ${contracted}% from ${date}` +
      ` (to ${lastDate}, ${run.length} transactions): expected ${formatFen(expectedFen)}, charged ${formatFen(actualFen)}, overcharged ${formatFen(deltaFen)}`,
    details: { contractedRate: contracted, observedRate: observed },
  };
}

/**
 * per_txn_surcharge: the same fixed extra (charged − expected, e.g. +¥3.00 for instant settlement) on
 * at least `minTxns` rows on `minDays` days, whatever their channel. One finding per extra amount.
 */
export function findSurcharges(
  checks: readonly FeeCheck[],
  opts: PatternOptions,
  already: ReadonlySet<number>,
): { findings: Finding[]; explained: Set<number> } {
  const findings: Finding[] = [];
  const explained = new Set<number>();
  const candidates = checks.filter(
    (c) => !c.ok && !already.has(c.txn.id) && c.deltaFen !== null && c.deltaFen > 0,
  );
  if (candidates.length < opts.minTxns) return { findings, explained };
  const wrong = priced(candidates);
  const groups = groupBy(wrong, (p) => `${p.check.txn.merchantNo ?? ''}|${p.actual - p.expected}`);
  for (const group of groups.values()) {
    const days = new Set(group.map((p) => dateOf(p.check.txn.txnTime)));
    const first = group[0];
    if (!first || group.length < opts.minTxns || days.size < opts.minDays) continue;
    for (const p of group) explained.add(p.check.txn.id);
    const txns = group.map((p) => p.check.txn);
    const extra = (first.actual - first.expected) as Fen;
    const expectedFen = sumFen(group.map((p) => p.expected));
    const actualFen = sumFen(group.map((p) => p.actual));
    const deltaFen = sumFen(group.map(() => extra));
    const date = dateOf(first.check.txn.txnTime);
    findings.push({
      kind: 'per_txn_surcharge',
      severity: severityOf('per_txn_surcharge', deltaFen),
      fingerprint: `per_txn_surcharge:${first.check.txn.merchantNo ?? ''}/${extra}/${date}`,
      txnIds: txns.map((t) => t.id),
      refNos: refNosOf(txns),
      bankLineIds: [],
      expectedFen,
      actualFen,
      deltaFen,
      date,
      channel: common(txns.map((t) => t.channel)),
      terminalId: common(txns.map((t) => t.terminalId)),
      merchantNo: common(txns.map((t) => t.merchantNo)),
      zh: `自 ${date} 起 ${group.length} 笔交易每笔多收固定 ${formatFen(extra)}（如秒到费）：${group.length} × ${formatFen(extra)} = ${formatFen(deltaFen)}；按合同应收 ${formatFen(expectedFen)}，实收 ${formatFen(actualFen)}`,
      en: `From ${date}, ${group.length} transactions each carry a fixed extra ${formatFen(extra)} (e.g. instant settlement): ${group.length} × ${formatFen(extra)} = ${formatFen(deltaFen)}; expected ${formatFen(expectedFen)}, charged ${formatFen(actualFen)}`,
      details: { surchargeFen: extra },
    });
  }
  return { findings, explained };
}
