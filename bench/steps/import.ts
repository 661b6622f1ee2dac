/**
 * FeeTrail's import of one file into a fresh book: read, detect, normalise, dedupe, write, commit.
 * `import.ts FILE [worker|inline]`: the file is parsed on the import worker (default, as in the app) or
 * on the calling thread. `cpuMs` is the process's CPU time over all threads. The clock starts with the
 * service made and its worker ready, as an import that follows its preview in the app starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBook } from '../../electron/db/book';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { ImportService } from '../../electron/services/import-service';
import { report } from '../measure';

const file = process.argv[2] ?? '';
const reading = process.argv[3] === 'inline' ? 'inline' : 'worker';
const dir = mkdtempSync(join(tmpdir(), 'feetrail-bench-'));
const book = createBook(join(dir, 'bench.feetrail'), {
  migrationsDir: sourceMigrationsDir(),
  appVersion: 'bench',
});
// As in the app, where the preview of the file started the import worker before the user imports
// (the bare read's timing likewise starts with exceljs loaded).
const imports = new ImportService({ maxRowsPerSheet: 2_000_000 }, undefined, undefined, reading);
await imports.warmUp([file]);
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const r = await imports.importFile(book, file, 'bench.xlsx');
const cpu = process.cpuUsage(cpu0);
report(t0, { added: r.added, reading, cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
book.close();
rmSync(dir, { recursive: true, force: true });
