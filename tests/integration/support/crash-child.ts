/**
 * Child process for the crash-safety test: opens a book and imports a file or reconciles a period,
 * printing "working" once it has started writing, so the parent can SIGKILL it mid-way.
 *   crash-child.ts import <book> <file>
 *   crash-child.ts reconcile <book> <from> <to>
 */
import { openBook } from '../../../electron/db/book';
import { sourceMigrationsDir } from '../../../electron/db/migrations-dir';
import { ImportService } from '../../../electron/services/import-service';
import { ReconcileService } from '../../../electron/services/reconcile-service';

const [mode, bookPath = '', a = '', b = ''] = process.argv.slice(2);
const book = openBook(bookPath, { migrationsDir: sourceMigrationsDir(), appVersion: 'crash-test' });
process.stdout.write('working\n');
if (mode === 'import') {
  let told = false;
  await new ImportService({ maxRowsPerSheet: 2_000_000 }).importFile(
    book,
    a,
    'crash.xlsx',
    {},
    {
      onProgress: (n) => {
        if (!told && n > 0) {
          told = true;
          process.stdout.write(`rows ${n}\n`);
        }
      },
    },
  );
} else {
  new ReconcileService().run(book, { from: a, to: b });
}
book.close();
process.stdout.write('done\n');
