/** Reconciling a year of transactions against a year of bank lines, in a book prepared beforehand. */
import { openBook } from '../../electron/db/book';
import { sourceMigrationsDir } from '../../electron/db/migrations-dir';
import { ReconcileService } from '../../electron/services/reconcile-service';
import { report } from '../measure';

const book = openBook(process.argv[2] ?? '', { migrationsDir: sourceMigrationsDir(), appVersion: 'bench' });
const t0 = process.hrtime.bigint();
const r = new ReconcileService().run(book, { from: process.argv[3] ?? '', to: process.argv[4] ?? '' });
report(t0, { txns: r.summary.txnCount, findings: r.findings.length });
book.close();
