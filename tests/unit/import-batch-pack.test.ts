/**
 * A packed batch (what the import worker sends the book's thread) reads back as exactly the rows that
 * went in: every field of a POS transaction and of a bank line, nulls, negative and zero fen, Chinese
 * and emoji text, skipped rows with their reason and invalid rows with their located issues.
 */
import { describe, expect, it } from 'vitest';
import { BatchPacker, transferablesOf, unpackBatch } from '../../electron/services/import-batch-pack';
import type { NormalisedRow } from '../../electron/services/import-batch-pack';
import type { BankLine, PosTxn } from '../../shared/domain/types';
import type { StagedOutcome } from '../../shared/import/normalise';
import type { ImportIssue } from '../../shared/import/raw';
import { fen } from '../../shared/money';

const sale: PosTxn = {
  merchantNo: '822100058120001',
  terminalId: 'T0001',
  txnTime: '2026-08-01 09:15:00',
  cardNo: '622848******1234',
  cardKind: 'debit',
  channel: 'card',
  txnType: 'sale',
  status: 'success',
  amountFen: fen(4739),
  feeFen: fen(26),
  settleFen: fen(4713),
  settleDate: '2026-08-02',
  refNo: '000123456789',
  origRefNo: null,
  traceNo: '000042',
  batchNo: '000001',
};
const voided: PosTxn = {
  ...sale,
  merchantNo: null,
  terminalId: '终端 Ⅱ 🧾',
  cardNo: null,
  cardKind: 'unknown',
  txnType: 'void',
  feeFen: fen(-26),
  settleFen: null,
  settleDate: null,
  refNo: null,
  origRefNo: '000123456789',
};
const line: BankLine = {
  txnTime: '2026-08-02 00:00:00',
  creditFen: fen(0),
  debitFen: fen(120_000),
  balanceFen: null,
  counterparty: '拉卡拉支付股份有限公司',
  counterpartyAccount: null,
  summary: 'POS 结算',
  currency: 'CNY',
};
const warning: ImportIssue = {
  file: 'pos.xlsx',
  sheet: '交易明细',
  row: 3,
  column: 11,
  columnLetter: 'K',
  header: '参考号',
  severity: 'warning',
  code: 'duplicate_in_file',
  message: '重复',
  params: { value: '2' },
};
const error: ImportIssue = { ...warning, row: 5, severity: 'error', code: 'missing_value', params: {} };

function row(outcome: StagedOutcome<PosTxn | BankLine>, cells: unknown[]): NormalisedRow {
  return { outcome, source: { sheet: outcome.sheet, row: outcome.row, cellsJson: JSON.stringify(cells) } };
}

function roundTrip(kind: 'pos' | 'bank', rows: NormalisedRow[]): NormalisedRow[] {
  const packer = new BatchPacker(kind);
  for (const r of rows) packer.add(r.outcome, 'cellsJson' in r.source ? r.source.cellsJson : '');
  const batch = packer.take();
  expect(packer.count).toBe(0);
  // What postMessage would do with the transfer list: the batch arrives as a structured clone.
  return [...unpackBatch(structuredClone(batch, { transfer: transferablesOf(batch) }))];
}

describe('a packed batch of normalised rows', () => {
  it('gives back every POS row as it went in', () => {
    const sheet = '交易明细';
    const rows = [
      row({ sheet, row: 1, type: 'skipped', reason: 'header_repeat', warnings: [] }, ['交易时间', '金额']),
      row(
        { sheet, row: 2, type: 'record', record: sale, key: '["pos1","a"]', counted: false, warnings: [] },
        [{ kind: 'date', value: '2026-08-01 09:15:00', serial: 46235.38541666666 }, 47.39],
      ),
      row(
        {
          sheet,
          row: 3,
          type: 'record',
          record: voided,
          key: '["pos1n","b"]',
          counted: true,
          warnings: [warning],
        },
        ['终端 Ⅱ 🧾', -0.26, null],
      ),
      row({ sheet, row: 5, type: 'invalid', issues: [error] }, ['', true]),
      row({ sheet, row: 6, type: 'skipped', reason: 'totals', warnings: [warning] }, ['合计', 94.78]),
    ];
    expect(roundTrip('pos', rows)).toEqual(rows);
  });

  it('gives back every bank line as it went in', () => {
    const rows = [
      row(
        {
          sheet: 'Sheet1',
          row: 9,
          type: 'record',
          record: line,
          key: '["bank1"]',
          counted: true,
          warnings: [],
        },
        ['2026-08-02', 1200],
      ),
    ];
    expect(roundTrip('bank', rows)).toEqual(rows);
  });
});
