/**
 * Property-based fuzzing of settlement ↔ bank matching (issue 8). Random POS days, each day's
 * settlement due on D+1, paid by the acquirer either alone or with its neighbours as one credit (a
 * weekend or holiday), up to a day late. The expected answer is computed here from the scenario, never
 * from the engine: a statement that pays every due exactly raises nothing; taking one credit away
 * makes exactly the dues it paid missing; changing one by d fen is one mismatch of d; an extra
 * acquirer credit is reported alone; the order of the bank lines never matters; and the money adds up
 * (due = received + missing + mismatched).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECONCILE_OPTIONS,
  reconcile,
  type Finding,
  type StoredBankLine,
} from '../../shared/domain/reconcile';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { addDays } from '../../shared/domain/local-date';
import type { CardKind, Channel } from '../../shared/domain/types';
import { fen } from '../../shared/money';
import { lakalaFee, MonthBuilder, rng } from './support/month-builder';

const cards = [rateCardTemplate('lakala_standard')];
const W = DEFAULT_RECONCILE_OPTIONS.matchWindowDays;
const ACQUIRER = '拉卡拉支付股份有限公司';
const SETTLEMENT_KINDS = new Set(['settlement_missing', 'settlement_mismatch', 'unmatched_acquirer_credit']);
const KINDS: [Channel, CardKind][] = [
  ['card', 'credit'],
  ['card', 'debit'],
  ['wechat', 'unknown'],
  ['alipay', 'unknown'],
  ['unionpay_qr', 'unknown'],
];

type Due = { date: string; fen: number };
type Credit = { id: number; date: string; fen: number; dues: Due[] };
type Scenario = {
  b: MonthBuilder;
  dues: Due[];
  credits: Credit[];
  /** Non-acquirer lines on the first sales day and after the last window, so every due is judged. */
  frame: StoredBankLine[];
  /** Sums of every run of up to 10 consecutive dues: an amount outside this set matches nothing. */
  runSums: Set<number>;
  runs: number;
};

const sale = fc.record({
  amountFen: fc.integer({ min: 1_000, max: 2_000_000 }),
  kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
});
type ScenarioInput = {
  start: string;
  days: { amountFen: number; kind: number }[][];
  groups: number[];
  lags: number[];
};
const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  start: fc.integer({ min: 0, max: 3_600 }).map((n) => addDays('2018-01-01', n)),
  days: fc.array(fc.array(sale, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 18 }),
  /** Dues per credit (1 = paid alone; 2–3 = a weekend or holiday paid as one credit). */
  groups: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }),
  /** Days after the group's last due date that the credit arrives. */
  lags: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 8 }),
});

function line(
  id: number,
  date: string,
  creditFen: number,
  debitFen = 0,
  counterparty = ACQUIRER,
): StoredBankLine {
  return {
    id,
    txnTime: `${date} 05:00:00`,
    creditFen: fen(creditFen),
    debitFen: fen(debitFen),
    balanceFen: null,
    counterparty,
    counterpartyAccount: null,
    summary: counterparty === ACQUIRER ? 'POS结算' : '房租',
    currency: 'CNY',
  };
}

function build(s: ScenarioInput): Scenario {
  const b = new MonthBuilder();
  const dues: Due[] = [];
  s.days.forEach((sales, i) => {
    const day = addDays(s.start, i);
    let settled = 0;
    sales.forEach((x, k) => {
      const [channel, cardKind] = KINDS[x.kind] ?? ['card', 'credit'];
      b.sale(`${day} ${String(9 + 2 * k).padStart(2, '0')}:00:00`, x.amountFen, channel, cardKind);
      settled += x.amountFen - lakalaFee(channel, cardKind, x.amountFen);
    });
    dues.push({ date: addDays(day, 1), fen: settled });
  });
  const credits: Credit[] = [];
  for (let i = 0, g = 0; i < dues.length; g += 1) {
    const part = dues.slice(i, i + (s.groups[g % s.groups.length] ?? 1));
    const last = part[part.length - 1]?.date ?? '';
    const fenSum = part.reduce((n, d) => n + d.fen, 0);
    credits.push({
      id: credits.length + 1,
      date: addDays(last, s.lags[g % s.lags.length] ?? 0),
      fen: fenSum,
      dues: part,
    });
    i += part.length;
  }
  const lastDue = dues[dues.length - 1]?.date ?? s.start;
  const frame = [
    line(1000, s.start, 0, 88_800, '某物业'),
    line(1001, addDays(lastDue, W + 1), 0, 88_800, '某物业'),
  ];
  const runSums = new Set<number>();
  let runs = 0;
  for (let i = 0; i < dues.length; i += 1) {
    let sum = 0;
    for (let j = i; j < Math.min(dues.length, i + 10); j += 1, runs += 1)
      runSums.add((sum += dues[j]?.fen ?? 0));
  }
  return { b, dues, credits, frame, runSums, runs };
}

/** Every run of consecutive dues has its own sum, so the answer is unambiguous. */
function unambiguous(sc: Scenario): boolean {
  return sc.runSums.size === sc.runs;
}

/** Reconciles the POS rows against the frame and `lines`, all in the order a seed gives (or as given). */
function settle(
  sc: Scenario,
  lines: StoredBankLine[],
  seed?: number,
): { findings: Finding[]; due: number; received: number } {
  const all = [...sc.frame, ...lines];
  const r = reconcile({ txns: sc.b.txns, bankLines: seed === undefined ? all : shuffled(all, seed), cards });
  return {
    findings: r.findings.filter((f) => SETTLEMENT_KINDS.has(f.kind)),
    due: r.summary.settlementsDueFen,
    received: r.summary.settlementsReceivedFen,
  };
}

const paid = (credits: readonly Credit[]) => credits.map((c) => line(c.id, c.date, c.fen));

/** due = received + Σ missing + Σ mismatch, and due is the scenario's own sum of the days. */
function expectConserved(sc: Scenario, r: ReturnType<typeof settle>): void {
  const short = r.findings
    .filter((f) => f.kind !== 'unmatched_acquirer_credit')
    .reduce((n, f) => n + f.deltaFen, 0);
  expect(r.due).toBe(sc.dues.reduce((n, d) => n + d.fen, 0));
  expect(r.due).toBe(r.received + short);
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const next = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('settlement matching (property)', () => {
  it('a statement that pays every due exactly, alone or grouped, raises no settlement finding', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const sc = build(s);
        fc.pre(unambiguous(sc));
        const r = settle(sc, paid(sc.credits));
        expect(r.findings).toEqual([]);
        expectConserved(sc, r);
        expect(r.received).toBe(r.due);
      }),
    );
  });

  it('the same statement with each credit paid in parts on its date raises no finding either', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1 }), (s, cuts) => {
        const sc = build(s);
        fc.pre(unambiguous(sc));
        // Each credit split in two at cuts[i] % of it (card and QR settled apart, say).
        const parts = sc.credits.flatMap((c, i) => {
          const first = Math.floor((c.fen * (cuts[i % cuts.length] ?? 50)) / 100);
          return first <= 0 || first >= c.fen
            ? [line(c.id, c.date, c.fen)]
            : [line(c.id, c.date, first), line(500 + c.id, c.date, c.fen - first)];
        });
        const r = settle(sc, parts);
        expect(r.findings).toEqual([]);
        expect(r.received).toBe(r.due);
      }),
    );
  });

  it('taking one credit away makes exactly the dues it paid missing, with their amounts', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, pick) => {
        const sc = build(s);
        fc.pre(unambiguous(sc));
        const gone = sc.credits[pick % sc.credits.length] as Credit;
        const r = settle(sc, paid(sc.credits.filter((c) => c !== gone)));
        expect(
          r.findings.map((f) => ({
            kind: f.kind,
            date: f.date,
            deltaFen: f.deltaFen,
            expectedFen: f.expectedFen,
          })),
        ).toEqual(
          gone.dues.map((d) => ({
            kind: 'settlement_missing',
            date: d.date,
            deltaFen: d.fen,
            expectedFen: d.fen,
          })),
        );
        expectConserved(sc, r);
      }),
    );
  });

  it('changing one credit by d fen is one settlement_mismatch of delta d over the dues it paid', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.integer({ min: -900, max: 900 }).filter((d) => d !== 0),
        (s, pick, d) => {
          const sc = build(s);
          const changed = sc.credits[pick % sc.credits.length] as Credit;
          fc.pre(unambiguous(sc) && !sc.runSums.has(changed.fen - d));
          const r = settle(sc, paid(sc.credits.map((c) => (c === changed ? { ...c, fen: c.fen - d } : c))));
          expect(r.findings).toHaveLength(1);
          expect(r.findings[0]).toMatchObject({
            kind: 'settlement_mismatch',
            deltaFen: d,
            expectedFen: changed.fen,
            actualFen: changed.fen - d,
            bankLineIds: [changed.id],
            date: changed.dues[changed.dues.length - 1]?.date,
            details: { dueDates: changed.dues.map((x) => x.date) },
          });
          expectConserved(sc, r);
        },
      ),
    );
  });

  it('an extra acquirer credit that pays nothing is reported alone, as unmatched', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 100, max: 9_000_000 }), (s, at, extra) => {
        const sc = build(s);
        fc.pre(unambiguous(sc) && !sc.runSums.has(extra));
        const date = (sc.dues[at % sc.dues.length] as Due).date;
        const r = settle(sc, [...paid(sc.credits), line(500, date, extra)]);
        expect(r.findings).toMatchObject([
          { kind: 'unmatched_acquirer_credit', date, deltaFen: -extra, actualFen: extra, bankLineIds: [500] },
        ]);
        expectConserved(sc, r);
        expect(r.received).toBe(r.due);
      }),
    );
  });

  it('the order of the bank lines never changes the findings or the sums', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -900, max: 900 }),
        fc.integer(),
        (s, dropAt, changeAt, d, seed) => {
          const sc = build(s);
          // Ambiguous amounts allowed here: whatever the engine pairs, the order must not change it.
          // Some disorder worth sorting out: one credit missing, another changed, an extra one.
          const drop = sc.credits[dropAt % sc.credits.length];
          const change = sc.credits[changeAt % sc.credits.length];
          const lines = [
            ...paid(
              sc.credits.filter((c) => c !== drop).map((c) => (c === change ? { ...c, fen: c.fen - d } : c)),
            ),
            line(500, sc.dues[0]?.date ?? s.start, 123_456),
          ];
          const inOrder = settle(sc, lines);
          const reordered = settle(sc, lines, seed);
          expect(reordered).toEqual(inOrder);
          expectConserved(sc, inOrder);
        },
      ),
    );
  });
});
