import { join } from 'node:path';
import type { Book } from '../../../electron/db/book';
import { listFindings } from '../../../electron/db/findings-repo';
import { ImportService } from '../../../electron/services/import-service';
import { ReconcileService } from '../../../electron/services/reconcile-service';
import type { FindingView } from '../../../shared/api/reconcile';
import { SAMPLES, newBook } from './book';

export const NOW = '2026-09-05 10:00:00';
export const MONTH_DIR = join(SAMPLES, 'example-2026-08');

/** The example month imported and reconciled, with its fee_overcharged and cap_not_applied findings. */
export async function exampleMonth(dir: string): Promise<{ book: Book; picked: FindingView[] }> {
  const book = newBook(dir);
  const imports = new ImportService();
  await imports.importFile(book, join(MONTH_DIR, 'pos_export.xlsx'), 'pos_export.xlsx');
  await imports.importFile(book, join(MONTH_DIR, 'bank_icbc_corp.xlsx'), 'bank_icbc_corp.xlsx');
  new ReconcileService(() => NOW).run(book, { month: '2026-08' });
  const picked = listFindings(book, {}).filter(
    (f) => f.kind === 'fee_overcharged' || f.kind === 'cap_not_applied',
  );
  return { book, picked };
}
