import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { FeeTrailError } from '../../../shared/result';
import { backupBook, listBackups, restoreBook } from '../../services/backup-service';
import type { CliContext } from '../program';

export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description('Back up a book with SQLite’s online backup (into <book>.backups/, or --out FILE).')
    .requiredOption('--book <path>', 'the book file')
    .option('--out <file>', 'where to write the backup')
    .option('--list', 'list the book’s backups instead')
    .action(async (opts: { book: string; out?: string; list?: boolean }) => {
      if (opts.list) {
        for (const b of listBackups(resolve(opts.book))) ctx.io.out(`${b.createdAt}  ${b.size}  ${b.name}`);
        return;
      }
      if (opts.out && existsSync(opts.out))
        throw new FeeTrailError('book_exists', `${opts.out} already exists; choose another file.`);
      const s = ctx.services();
      s.books.openAt(opts.book);
      const made = await backupBook(s.books.require(), 'manual', opts.out ? resolve(opts.out) : undefined);
      ctx.io.out(`已备份 Backed up to ${opts.out ? resolve(opts.out) : made.name} (${made.size} bytes)`);
    });
  program
    .command('restore')
    .description('Replace a book with a backup (the current book is saved as a backup first).')
    .requiredOption('--book <path>', 'the book file to replace')
    .requiredOption('--from <file>', 'the backup to restore')
    .action((opts: { book: string; from: string }) => {
      const r = restoreBook(resolve(opts.book), resolve(opts.from));
      // Opening it proves the restored book is readable by this version (and migrates it if older).
      const info = ctx.services().books.openAt(opts.book);
      ctx.io.out(
        `已恢复 Restored ${info.name} from ${opts.from}${r.savedCurrentAs ? `; the previous state is kept as ${r.savedCurrentAs}` : ''}`,
      );
    });
}
