import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { latestRun, listFindings, triageFindings } from '../../electron/db/findings-repo';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import { fen } from '../../shared/money';
import {
  ACQUIRER_NAME,
  generateBankLines,
  generatePosTxns,
  writeBankFixture,
  writePosFixture,
} from '../fixtures/generator';
import { SAMPLES, newBook } from './support/book';
import { useTempDir } from './support/temp';

const run = promisify(execFile);
const bin = new URL('../../bin/feetrail.mjs', import.meta.url).pathname;
const imports = new ImportService();
const reconciler = new ReconcileService(() => '2026-09-05 10:00:00');

type Expected = { findings: { kind: string; refNos: string[]; deltaFen: number; date?: string }[] };
const expected = JSON.parse(
  readFileSync(join(SAMPLES, 'example-2026-08', 'expected.json'), 'utf8'),
) as Expected;

function key(f: { kind: string; refNos: string[]; deltaFen: number }) {
  return `${f.kind}|${[...f.refNos].sort().join(',')}|${f.deltaFen}`;
}

async function monthBook(dir: string, txns: PosTxn[], lines: BankLine[]) {
  const book = newBook(dir);
  await writePosFixture(join(dir, 'pos.xlsx'), txns, { titleRows: true, footer: true });
  await writeBankFixture(
    join(dir, 'bank.csv'),
    lines,
    { kind: 'icbc-personal-csv' },
    { csv: { encoding: 'gbk' } },
  );
  await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
  await imports.importFile(book, join(dir, 'bank.csv'), 'bank.csv');
  return book;
}

describe('reconciling a month in the book', () => {
  const tempDir = useTempDir();

  it('the example month gives exactly the findings of expected.json, through the CLI', async () => {
    const dir = tempDir();
    const book = join(dir, 'x.feetrail');
    const env = { ...process.env, FEETRAIL_DATA_DIR: dir };
    await run(process.execPath, [bin, 'book', 'init', '--book', book], { env });
    await run(
      process.execPath,
      [
        bin,
        'import',
        '--book',
        book,
        join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'),
        join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'),
      ],
      { env },
    );
    const { stdout } = await run(
      process.execPath,
      [bin, 'reconcile', '--book', book, '--month', '2026-08', '--json'],
      { env, maxBuffer: 1 << 26 },
    );
    const out = JSON.parse(stdout) as {
      period: { from: string; to: string };
      summary: { txnCount: number };
      findings: { kind: string; refNos: string[]; deltaFen: number; date: string }[];
    };
    expect(out.period).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(out.summary.txnCount).toBe(1888);
    expect(out.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
    for (const e of expected.findings.filter((f) => f.date)) {
      expect(out.findings.find((f) => f.kind === e.kind)?.date).toBe(e.date);
    }
  });

  it('a clean generated month, imported from files, gives no finding at all', async () => {
    const dir = tempDir();
    const txns = generatePosTxns({ seed: 31, count: 900, startDate: '2026-08-01', days: 31 });
    const lines = generateBankLines({ seed: 31, posTxns: txns, startDate: '2026-08-01', days: 31 });
    const book = await monthBook(dir, txns, lines);
    const report = reconciler.run(book, { month: '2026-08' });
    expect(report.findings).toEqual([]);
    expect(report.summary.txnCount).toBe(txns.length);
    expect(report.summary.feeDeltaFen).toBe(0);
  });

  it('injected anomalies come back as exactly those findings', async () => {
    const dir = tempDir();
    const txns = generatePosTxns({
      seed: 32,
      count: 700,
      startDate: '2026-08-01',
      days: 31,
      voidRate: 0,
      refundRate: 0,
      failRate: 0,
    });
    const victim = txns.findIndex((t) => t.channel === 'wechat' && t.amountFen > 10_000);
    const v = txns[victim]!;
    txns[victim] = { ...v, feeFen: fen((v.feeFen ?? 0) + 150), settleFen: fen((v.settleFen ?? 0) - 150) };
    const lines = generateBankLines({ seed: 32, posTxns: txns, startDate: '2026-08-01', days: 31 });
    lines.push({
      txnTime: '2026-08-18 09:00:00',
      creditFen: fen(0),
      debitFen: fen(9900),
      balanceFen: null,
      counterparty: ACQUIRER_NAME,
      counterpartyAccount: null,
      summary: '服务费',
      currency: null,
    });
    const book = await monthBook(dir, txns, lines);
    const report = reconciler.run(book, { month: '2026-08' });
    expect(report.findings.map((f) => [f.kind, f.refNos, f.deltaFen])).toEqual(
      expect.arrayContaining([
        ['fee_overcharged', [v.refNo], 150],
        ['unexpected_deduction', [], 9900],
      ]),
    );
    expect(report.findings).toHaveLength(2);
  });

  it('running again replaces open findings but keeps the user’s triage decisions', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    await imports.importFile(book, join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'), 'pos_export.xlsx');
    await imports.importFile(book, join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'), 'bank.xlsx');
    const first = reconciler.run(book, { month: '2026-08' });
    const cap = first.findings.find((f) => f.kind === 'cap_not_applied')!;
    const deduction = first.findings.find((f) => f.kind === 'unexpected_deduction')!;
    triageFindings(book, [cap.id], 'to_dispute', null, '2026-09-05 11:00:00');
    triageFindings(book, [deduction.id], 'dismissed', '签约时约定的流量费', '2026-09-05 11:00:00');
    const second = reconciler.run(book, { month: '2026-08' });
    expect(second.findings).toHaveLength(first.findings.length);
    expect(second.findings.find((f) => f.kind === 'cap_not_applied')).toMatchObject({
      id: cap.id,
      state: 'to_dispute',
    });
    expect(second.findings.find((f) => f.kind === 'unexpected_deduction')).toMatchObject({
      id: deduction.id,
      state: 'dismissed',
      triageReason: '签约时约定的流量费',
    });
    expect(
      listFindings(book, { from: '2026-08-01', to: '2026-08-31' }).filter((f) => f.state === 'open'),
    ).toHaveLength(first.findings.length - 2);
  });

  it('reconciliation runs after the last import are fresh; an import afterwards marks them stale', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    await imports.importFile(book, join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'), 'pos_export.xlsx');
    expect(reconciler.run(book, { month: '2026-08' }).stale).toBe(false);
    await imports.importFile(book, join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'), 'bank.xlsx');
    expect(latestRun(book, { from: '2026-08-01', to: '2026-08-31' })?.stale).toBe(true);
  });
});
