/** FeeTrail's import of one file into a fresh book: read, detect, normalise, dedupe, write, commit. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBook } from '../../electron/db/book';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { ImportService } from '../../electron/services/import-service';
import { report } from '../measure';

const file = process.argv[2] ?? '';
const dir = mkdtempSync(join(tmpdir(), 'feetrail-bench-'));
const book = createBook(join(dir, 'bench.feetrail'), {
  migrationsDir: sourceMigrationsDir(),
  appVersion: 'bench',
});
const t0 = process.hrtime.bigint();
const r = await new ImportService({ maxRowsPerSheet: 2_000_000 }).importFile(book, file, 'bench.xlsx');
report(t0, { added: r.added });
book.close();
rmSync(dir, { recursive: true, force: true });
