/**
 * Acceptance test of issue 4 at the engine level: the August 2026 example month reconciles to exactly
 * the findings of expected.json — every kind, ref no., amount and date, and nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reconcile, type ReconcileResult } from '../../shared/domain/reconcile';
import { rateCardTemplate } from '../../shared/domain/rate-card-templates';
import { EXAMPLE_DIR, loadExampleBank, loadExamplePos } from './support/load-example';

type Expected = {
  posRows: number;
  bankLines: number;
  feeFen: number;
  findings: {
    kind: string;
    refNos: string[];
    deltaFen: number;
    date?: string;
    channel?: string;
    contractedRate?: string;
    observedRate?: string;
  }[];
};

const expected = JSON.parse(readFileSync(path.join(EXAMPLE_DIR, 'expected.json'), 'utf8')) as Expected;

describe('the August 2026 example month', () => {
  let result: ReconcileResult;
  beforeAll(async () => {
    const [txns, bankLines] = await Promise.all([loadExamplePos(), loadExampleBank()]);
    expect(txns).toHaveLength(expected.posRows);
    expect(bankLines).toHaveLength(expected.bankLines);
    result = reconcile({ txns, bankLines, cards: [rateCardTemplate('lakala_standard')] });
  });

  it('reconciles to exactly the findings of expected.json and nothing else', () => {
    const key = (f: { kind: string; refNos: string[]; deltaFen: number }) =>
      `${f.kind}|${[...f.refNos].sort().join(',')}|${f.deltaFen}`;
    expect(result.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
  });

  it('dates settlement findings by the day money was due and patterns by their first day', () => {
    for (const e of expected.findings) {
      const f = result.findings.find((x) => x.kind === e.kind);
      if (e.date !== undefined) expect(f?.date).toBe(e.date);
      if (e.channel !== undefined) expect(f?.channel).toBe(e.channel);
      if (e.contractedRate !== undefined) expect(f?.details.contractedRate).toBe(e.contractedRate);
      if (e.observedRate !== undefined) expect(f?.details.observedRate).toBe(e.observedRate);
    }
  });

  it('adds up the fees charged in the export', () => {
    expect(result.summary.feesChargedFen).toBe(expected.feeFen);
    expect(result.summary.feesChargedFen - result.summary.feesExpectedFen).toBe(result.summary.feeDeltaFen);
  });

  it('explains every finding with its arithmetic in Chinese and English', () => {
    const cap = result.findings.find((f) => f.kind === 'cap_not_applied');
    expect(cap?.zh).toBe(
      '未执行封顶：¥13,535.57 × 0.50% = ¥67.67785，四舍五入为 ¥67.68，封顶 ¥25.00 → 应收 ¥25.00；实收 ¥67.68；多收 ¥42.68',
    );
    const mismatch = result.findings.find((f) => f.kind === 'settlement_mismatch');
    expect(mismatch?.zh).toContain('少到账 ¥36.00');
    for (const f of result.findings) {
      expect(f.zh.length).toBeGreaterThan(10);
      expect(f.en.length).toBeGreaterThan(10);
      expect(f.fingerprint.startsWith(`${f.kind}:`)).toBe(true);
    }
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(result.findings.length);
  });

  it('balances the settlements: all due except the short day was received', () => {
    const s = result.summary;
    expect(s.settlementsDueFen - s.settlementsReceivedFen).toBe(3600);
    expect(s.unmatchedDue.count).toBe(0);
    expect(s.unmatchedCredits.count).toBe(0);
  });
});
