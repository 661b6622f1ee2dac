/**
 * POS exports of other acquirers and aggregators (银联商务, 通联, 随行付, 乐刷, 汇付, 富友, 收钱吧-style, and
 * 拉卡拉's own app), each in its own words, signs, units and file format (tests/fixtures/acquirer-layouts.ts).
 * For each: a clean month is imported with every row as written (dates, amounts, fees, channel, card
 * kind, type, status, ids) and reconciles with no finding; the same month with overcharges, a void
 * that gives no fee back and a settlement that never came gives exactly those findings.
 * A sweep of these layouts found: 到账金额/实收金额, 交易流水号 and platform order numbers unread (no
 * settlement amount, no 参考号, voids not linked); 撤单 and 余额不足/交易关闭 asked about; and 收款通道 /
 * 订单状态 unread, so every QR payment was taken as a card sale that succeeded (29 false findings).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import type { FindingKind } from '../../shared/domain/reconcile/types';
import type { PosTxn } from '../../shared/domain/types';
import {
  ACQUIRER_LAYOUTS,
  type AcquirerLayout,
  extensionOf,
  refAs,
  storedAs,
  writeAcquirerExport,
} from '../fixtures/acquirer-layouts';
import {
  generateCleanMonth,
  generateMonthWithFindings,
  writeBankFixture,
  type InjectedFinding,
} from '../fixtures/generator';
import { newBook, storedPos } from './support/book';
import { useTempDir } from './support/temp';

const imports = new ImportService({}, undefined, undefined, 'inline');
const reconciler = new ReconcileService(() => '2026-11-20 10:00:00');

const BAD: readonly FindingKind[] = [
  'fee_overcharged',
  'cap_not_applied',
  'wrong_rate_class',
  'void_fee_not_reversed',
  'settlement_missing',
];

type Key = { kind: string; refNos: (string | null)[]; deltaFen: number; date: string };
const key = (f: Key): string => `${f.kind} ${[...f.refNos].sort().join(',')} ${f.deltaFen} ${f.date}`;

describe('POS exports of other acquirers, in their own layouts', () => {
  const tempDir = useTempDir();
  for (const layout of ACQUIRER_LAYOUTS) {
    for (const variant of ['clean', 'bad'] as const) {
      it(`${layout.id}, ${variant} month: every row as written, ${variant === 'clean' ? 'no finding' : 'exactly the injected findings'}`, async () => {
        const dir = tempDir();
        const opts = { seed: layout.seed, count: 160, startDate: `${layout.month}-01` };
        const month =
          variant === 'clean'
            ? { ...generateCleanMonth(opts), manifest: [] as InjectedFinding[] }
            : generateMonthWithFindings({ ...opts, kinds: BAD });
        const pos = join(dir, `pos.${extensionOf(layout)}`);
        const bank = join(dir, 'bank.xlsx');
        await writeAcquirerExport(layout, pos, month.txns);
        await writeBankFixture(bank, month.bankLines, { kind: 'icbc-historydetail' });
        const book = newBook(dir);
        const result = await imports.importFile(book, pos, `pos.${extensionOf(layout)}`);
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(storedPos(book)).toEqual(storedAs(layout, month.txns));
        await imports.importFile(book, bank, 'bank.xlsx');
        const found = reconciler.run(book, { month: layout.month }).findings.map(key).sort();
        const injected = month.manifest.map((f) =>
          key({ ...f, refNos: f.refNos.map((r) => refAs(layout, r)) }),
        );
        expect(found).toEqual(injected.sort());
        book.close();
      });
    }
  }

  it('an order list whose sales say what later happened (已退款, 已撤销) is asked about in the preview, with why', async () => {
    const dir = tempDir();
    const base = ACQUIRER_LAYOUTS.find((l) => l.id === 'shouqianba');
    if (!base) throw new Error('no shouqianba layout');
    const { txns } = generateCleanMonth({ seed: 9, count: 120, startDate: '2026-09-01' });
    const undone = new Map(txns.flatMap((t) => (t.origRefNo ? [[t.origRefNo, t.txnType] as const] : [])));
    const fate = (t: PosTxn): string | null =>
      t.txnType !== 'sale' || t.refNo === null
        ? null
        : (({ void: '已撤销', refund: '已退款' } as const)[undone.get(t.refNo) as 'void'] ?? null);
    const layout: AcquirerLayout = {
      ...base,
      columns: base.columns.map(([h, cell]) =>
        h === '订单状态' ? [h, (t, i) => fate(t) ?? cell(t, i)] : [h, cell],
      ),
    };
    const path = join(dir, 'orders.csv');
    await writeAcquirerExport(layout, path, txns);
    const book = newBook(dir);
    const preview = await imports.preview(book, { fileId: 'f', path, name: 'orders.csv' });
    expect(preview.blockers).toContain('rows_invalid');
    const asked = preview.unknownValues.filter((u) => u.field === 'status');
    expect(asked.map((u) => u.value).sort()).toEqual(['已撤销', '已退款']);
    for (const u of asked) {
      expect(u.hint?.zh).toContain('另有对应的撤销/退款行');
      expect(u.hint?.en).toContain('choose "success"');
    }
    await expect(imports.importFile(book, path, 'orders.csv')).rejects.toThrow(/已(撤销|退款)/);
    expect(storedPos(book)).toEqual([]);
    book.close();
  });
});
