/**
 * The bench's generated data, made once into bench/.cache/ and reused: a year of POS transactions as
 * a 15-column Lakala-style .xlsx (`BENCH_ROWS`, default 100,000), its bank statement, and a book
 * holding both.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBook } from '../electron/db/book';
import { sourceMigrationsDir } from '../electron/db/migrations-dir';
import { ImportService } from '../electron/services/import-service';
import {
  generateBankLines,
  generatePosTxns,
  writeBankFixture,
  writePosFixture,
} from '../tests/fixtures/generator';

const cache = new URL('./.cache/', import.meta.url).pathname;
export const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);

export async function fixtures(): Promise<{ pos: string; bank: string; book: string }> {
  mkdirSync(cache, { recursive: true });
  const pos = join(cache, `pos-${ROWS}.xlsx`);
  const bank = join(cache, `bank-${ROWS}.xlsx`);
  const book = join(cache, `year-${ROWS}.feetrail`);
  if (!existsSync(pos) || !existsSync(bank)) {
    console.log(`generating ${ROWS} POS rows over a year and the matching bank statement…`);
    const txns = generatePosTxns({ seed: 2025, count: ROWS, startDate: '2025-09-01', days: 365 });
    await writePosFixture(pos, txns, { titleRows: true, footer: true }, { streaming: true });
    await writeBankFixture(
      bank,
      generateBankLines({ seed: 2025, posTxns: txns, startDate: '2025-09-01', days: 365 }),
      { kind: 'split' },
    );
  }
  if (!existsSync(book)) {
    const b = createBook(book, { migrationsDir: sourceMigrationsDir(), appVersion: 'bench' });
    const imports = new ImportService({ maxRowsPerSheet: 2_000_000 });
    await imports.importFile(b, pos, 'pos.xlsx');
    await imports.importFile(b, bank, 'bank.xlsx');
    b.close();
  }
  return { pos, bank, book };
}
