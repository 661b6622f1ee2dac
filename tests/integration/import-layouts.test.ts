/**
 * Layouts nobody wrote down: each case draws a POS export layout at random (columns shuffled, some
 * left out, headers taken from any alias, date and time in one column or two as text, serials or real
 * dates, amounts as numbers or text, title and totals rows or none, short or long values, .xlsx, .xls
 * or .csv in UTF-8, UTF-8 with BOM or GBK, with or without `="…"` / tab guards) and a bank layout,
 * writes a clean generated month in them, imports both into a fresh book and reconciles it: every row
 * is stored and there is no finding. Drawn from fixed seeds, so a failure names its layout.
 * Such a sweep once found sums rows without a 合计 label, serial dates in CSV text and time-only
 * cells written with Excel's day zero.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import { POS_HEADER_ALIASES } from '../../shared/import/aliases-pos';
import type { PosField } from '../../shared/import/fields';
import {
  BANK_LAYOUTS,
  POS_DEFAULT_COLUMNS,
  generateCleanMonth,
  writeBankFixture,
  writePosFixture,
  type CsvWriteOptions,
  type PosColumn,
  type PosLayout,
} from '../fixtures/generator';
import { rng } from '../unit/support/month-builder';
import { newBook } from './support/book';
import { useTempDir } from './support/temp';

const imports = new ImportService({}, undefined, undefined, 'inline');
const reconciler = new ReconcileService(() => '2026-10-05 10:00:00');

const FIELD_OF: Record<PosColumn, PosField> = {
  merchantNo: 'merchantNo',
  terminalId: 'terminalId',
  txnTime: 'date',
  txnType: 'txnType',
  batchNo: 'batchNo',
  traceNo: 'traceNo',
  refNo: 'refNo',
  origRefNo: 'origRefNo',
  cardNo: 'cardNo',
  cardKind: 'cardKind',
  channel: 'channel',
  amount: 'amount',
  fee: 'fee',
  settle: 'settleAmount',
  status: 'status',
  settleDate: 'settleDate',
};
/** Columns an export may leave out without the month becoming another month. */
const OPTIONAL: readonly PosColumn[] = ['batchNo', 'traceNo', 'merchantNo'];

type Drawn = {
  layout: PosLayout;
  format: 'xlsx' | 'xls' | 'csv';
  csv: CsvWriteOptions;
  bank: (typeof BANK_LAYOUTS)[number];
  bankFormat: 'xlsx' | 'xls' | 'csv';
};

function draw(seed: number): Drawn {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const columns = POS_DEFAULT_COLUMNS.filter((c) => !OPTIONAL.includes(c) || next() < 0.6)
    .map((c) => ({ c, key: next() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.c);
  const headers: Partial<Record<PosColumn, string>> = {};
  for (const c of columns) {
    // Latin aliases (mid, tid…) are for headers written in English; these layouts are Chinese.
    if (next() < 0.5) headers[c] = pick(POS_HEADER_ALIASES[FIELD_OF[c]].filter((a) => !/^[a-z]+$/.test(a)));
  }
  const bank = pick(BANK_LAYOUTS);
  const guard = pick([undefined, 'tab', 'formula'] as const);
  return {
    layout: {
      columns,
      headers,
      dateTime: pick(['one', 'two'] as const),
      dateStyle: pick(['text', 'serial', 'date'] as const),
      amountStyle: pick(['number', 'text', 'text-thousands'] as const),
      titleRows: next() < 0.5,
      footer: next() < 0.5,
      values: pick(['short', 'long'] as const),
    },
    format: pick(['xlsx', 'xls', 'csv'] as const),
    csv: { encoding: pick(['utf-8', 'utf-8-bom', 'gbk'] as const), ...(guard ? { guard } : {}) },
    bank,
    bankFormat: bank.endsWith('-csv') ? 'csv' : pick(['xlsx', 'xls', 'csv'] as const),
  };
}

describe('a clean month in layouts drawn at random', () => {
  const tempDir = useTempDir();
  for (const seed of [3, 11, 19, 27, 35, 43]) {
    it(`seed ${seed}: every row imported, no finding`, async () => {
      const d = draw(seed);
      const dir = tempDir();
      const { txns, bankLines } = generateCleanMonth({
        seed,
        count: 150,
        startDate: '2026-08-01',
        weekendsAsOne: seed % 2 === 1,
      });
      const pos = join(dir, `pos.${d.format}`);
      const bank = join(dir, `bank.${d.bankFormat}`);
      await writePosFixture(pos, txns, d.layout, d.format === 'csv' ? { csv: d.csv } : { format: d.format });
      await writeBankFixture(
        bank,
        bankLines,
        { kind: d.bank },
        d.bankFormat === 'csv'
          ? { csv: { encoding: d.bank === 'cmb-personal-csv' ? 'utf-8-bom' : 'gbk' } }
          : { format: d.bankFormat },
      );
      const book = newBook(dir);
      const where = JSON.stringify(d);
      expect((await imports.importFile(book, pos, `pos.${d.format}`)).added, where).toBe(txns.length);
      expect((await imports.importFile(book, bank, `bank.${d.bankFormat}`)).added, where).toBe(
        bankLines.length,
      );
      expect(reconciler.run(book, { month: '2026-08' }).findings, where).toEqual([]);
      book.close();
    });
  }
});
