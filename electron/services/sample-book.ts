/**
 * "Open a sample book": a new book filled the way a real one is — generated exports written to files
 * and imported through the real import path, then reconciled — so a newcomer sees every page working.
 * The month is last month; two anomalies are planted so the Reconcile page has something to show.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookInfo } from '../../shared/api/contract';
import { fen } from '../../shared/money';
import { localNow } from '../db/book';
import {
  ACQUIRER_NAME,
  generateBankLines,
  generatePosTxns,
  writeBankFixture,
  writePosFixture,
} from '../sample-data/generator';
import type { BookService } from './book-service';
import type { ImportService } from './import-service';
import { addDays, monthRange } from './period';
import type { ReconcileService } from './reconcile-service';

export const SAMPLE_BOOK_NAME = '示例账本';

/** `YYYY-MM` of the month before `today` (`YYYY-MM-DD…`). */
export function previousMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

export async function createSampleBook(
  books: BookService,
  imports: ImportService,
  reconciler: ReconcileService,
  booksDir: string,
  today: string = localNow(),
): Promise<BookInfo> {
  let path = join(booksDir, `${SAMPLE_BOOK_NAME}.feetrail`);
  for (let i = 2; existsSync(path); i++) path = join(booksDir, `${SAMPLE_BOOK_NAME} ${i}.feetrail`);
  const month = previousMonth(today);
  const { from, to } = monthRange(month);
  const days = Number(to.slice(8, 10));
  const txns = generatePosTxns({ seed: 2026, count: 40 * days, startDate: from, days });
  // Planted anomalies: one card payment charged ¥1.50 too much, and an unexplained "service fee" debit.
  const victim = txns.findIndex(
    (t) => t.channel === 'card' && t.txnType === 'sale' && t.status === 'success',
  );
  if (victim >= 0) {
    const v = txns[victim];
    if (v)
      txns[victim] = { ...v, feeFen: fen((v.feeFen ?? 0) + 150), settleFen: fen((v.settleFen ?? 0) - 150) };
  }
  const lines = generateBankLines({ seed: 2026, posTxns: txns, startDate: from, days });
  lines.push({
    txnTime: `${month}-20 10:15:00`,
    creditFen: fen(0),
    debitFen: fen(9900),
    balanceFen: null,
    counterparty: ACQUIRER_NAME,
    counterpartyAccount: null,
    summary: '服务费',
    currency: null,
  });
  const dir = mkdtempSync(join(tmpdir(), 'feetrail-sample-'));
  try {
    const posFile = join(dir, `交易明细_${month}.xlsx`);
    const bankFile = join(dir, `对公账户明细_${month}.xlsx`);
    await writePosFixture(posFile, txns, { titleRows: true, footer: true });
    await writeBankFixture(bankFile, lines, { kind: 'icbc-historydetail' });
    books.createAt(path);
    const book = books.require();
    await imports.importFile(book, posFile, `交易明细_${month}.xlsx`);
    await imports.importFile(book, bankFile, `对公账户明细_${month}.xlsx`);
    reconciler.run(book, { month });
    const info = books.info();
    if (!info) throw new Error('the sample book did not stay open');
    return info;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
