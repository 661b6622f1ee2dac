/**
 * The `feetrail` command line: the same services as the app, for accountants with many shops and for
 * scripted checks. Each command prints a short human summary, or JSON with --json; failures print one
 * clear line on stderr and exit non-zero, leaving the book as it was.
 */
import { Command, CommanderError } from 'commander';
import type { BookInfo } from '../../shared/api/contract';
import { isFeeTrailError } from '../../shared/result';
import { sourceMigrationsDir } from '../db/migrations-dir';
import type { Services } from '../services/create-services';
import { createServices } from '../services/create-services';
import { defaultDataDir } from '../services/paths';
import { APP_VERSION } from '../services/version';
import { registerBackup } from './commands/backup';
import { registerClose } from './commands/close';
import { registerDisputes } from './commands/disputes';
import { registerImport } from './commands/import';
import { registerReconcile } from './commands/reconcile';

export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
};

export type CliContext = {
  io: CliIo;
  /** Services are built lazily, once, so `--help` touches nothing. */
  services: () => Services;
};

function printBookInfo(io: CliIo, info: BookInfo, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(info, null, 2));
    return;
  }
  io.out(
    [
      `账本 Book:          ${info.name}`,
      `文件 File:          ${info.path}`,
      `结构版本 Schema:    ${info.schemaVersion}`,
      `创建 Created:       ${info.createdAt ?? '-'} (FeeTrail ${info.createdByVersion ?? '?'})`,
      `导入批次 Imports:   ${info.counts.importBatches}`,
      `POS 交易 Txns:      ${info.counts.posTransactions}`,
      `银行流水 Bank lines: ${info.counts.bankLines}`,
    ].join('\n'),
  );
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('feetrail')
    .description('FeeTrail 手续费对账 — import POS and bank exports, recompute fees, reconcile, dispute.')
    .version(APP_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.out(s.trimEnd()), writeErr: (s) => ctx.io.err(s.trimEnd()) });

  const book = program.command('book').description('Create a book or show what one holds.');
  book
    .command('init')
    .description('Create a new, empty book (a .feetrail file).')
    .requiredOption('--book <path>', 'the book file to create')
    .option('--json', 'print JSON')
    .action((opts: { book: string; json?: boolean }) => {
      const info = ctx.services().books.createAt(opts.book);
      printBookInfo(ctx.io, info, opts.json === true);
    });
  book
    .command('info')
    .description('Show a book’s schema version and what it holds.')
    .requiredOption('--book <path>', 'the book file')
    .option('--json', 'print JSON')
    .action((opts: { book: string; json?: boolean }) => {
      const info = ctx.services().books.openAt(opts.book);
      printBookInfo(ctx.io, info, opts.json === true);
    });
  registerImport(program, ctx);
  registerBackup(program, ctx);
  registerReconcile(program, ctx);
  registerDisputes(program, ctx);
  registerClose(program, ctx);
  return program;
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let services: Services | undefined;
  const ctx: CliContext = {
    io,
    services: () =>
      (services ??= createServices({
        dataDir: defaultDataDir(),
        door: 'cli',
        appVersion: APP_VERSION,
        migrationsDir: sourceMigrationsDir(),
        rememberRecent: false,
      })),
  };
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isFeeTrailError(e)) {
      io.err(`错误 Error [${e.code}]: ${e.message}`);
      const issues = (e.details?.['issues'] ?? []) as {
        sheet: string;
        row: number;
        columnLetter?: string;
        message: string;
      }[];
      for (const i of issues.slice(0, 20))
        io.err(`  ${i.sheet}!${i.columnLetter ?? ''}${i.row}: ${i.message}`);
      return 1;
    }
    io.err(`错误 Error [internal]: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    services?.close();
  }
}
