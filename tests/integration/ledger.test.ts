import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBankLines, listTransactions } from '../../electron/db/ledger-repo';
import { ImportService } from '../../electron/services/import-service';
import { bankFilterSchema, txnFilterSchema } from '../../shared/api/ledger';
import { SAMPLES, newBook } from './support/book';
import { useTempDir } from './support/temp';

describe('transactions and bank tables', () => {
  const tempDir = useTempDir();

  it('filters, pages and totals what is filtered, with search text taken literally', async () => {
    const book = newBook(tempDir());
    const imports = new ImportService();
    await imports.importFile(book, join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'), 'pos.xlsx');
    await imports.importFile(book, join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'), 'bank.xlsx');

    const all = listTransactions(book, txnFilterSchema.parse({ limit: 5 }));
    expect(all.total).toBe(1888);
    expect(all.rows).toHaveLength(5);
    expect(all.totals.feeFen).toBe(149913);

    const alipay = listTransactions(
      book,
      txnFilterSchema.parse({ channel: 'alipay', from: '2026-08-24', to: '2026-08-31', limit: 1000 }),
    );
    expect(alipay.rows.every((t) => t.channel === 'alipay' && t.txnTime >= '2026-08-24')).toBe(true);
    expect(alipay.totals.amountFen).toBe(alipay.rows.reduce((s, t) => s + t.amountFen, 0));

    const byRef = listTransactions(book, txnFilterSchema.parse({ text: '258000000057' }));
    expect(byRef.rows.map((t) => t.refNo)).toEqual(['258000000057']);
    expect(listTransactions(book, txnFilterSchema.parse({ text: '%' })).total).toBe(0);

    const credits = listBankLines(book, bankFilterSchema.parse({ direction: 'credit', limit: 1000 }));
    const debits = listBankLines(book, bankFilterSchema.parse({ direction: 'debit', limit: 1000 }));
    expect(credits.total + debits.total).toBe(46);
    expect(credits.rows.every((l) => l.creditFen > 0)).toBe(true);
    expect(debits.totals.creditFen).toBe(0);
    const fees = listBankLines(book, bankFilterSchema.parse({ text: '流量费' }));
    expect(fees.rows.map((l) => l.debitFen)).toEqual([3600]);
  });
});
