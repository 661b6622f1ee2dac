import type { Command } from 'commander';
import type { ImportOptions, ImportResult } from '../../../shared/api/imports';
import type { ImportIssue } from '../../../shared/import/raw';
import { FeeTrailError } from '../../../shared/result';
import { runImportTransaction } from '../../db/import-repo';
import { getTemplateByName } from '../../db/template-repo';
import { autoBackup } from '../../services/backup-service';
import type { CliContext } from '../program';

type Opts = {
  book: string;
  kind?: 'pos' | 'bank';
  template?: string;
  json?: boolean;
  skipErrorRows?: boolean;
  encoding?: string;
  sheet?: string;
  allSheets?: boolean;
};

function issueJson(i: ImportIssue) {
  return { sheet: i.sheet, row: i.row, column: i.columnLetter ?? null, code: i.code, message: i.message };
}

/** `withSheet`: name the sheet too (--all-sheets gives one entry per sheet of a file). */
function fileJson(r: ImportResult, withSheet: boolean) {
  return {
    file: r.fileName,
    ...(withSheet ? { sheet: r.sheet ?? null } : {}),
    kind: r.kind,
    added: r.added,
    duplicates: r.duplicates,
    skipped: r.skipped,
    issues: r.issues.map(issueJson),
  };
}

/**
 * `feetrail import`: all files are one unit. If any file cannot be imported unambiguously, nothing
 * from any of them is kept and the command exits non-zero.
 */
export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Import POS exports and bank statements (.xlsx, .xls, .csv) into a book, exactly once.')
    .requiredOption('--book <path>', 'the book file')
    .option('--kind <kind>', 'pos or bank (default: detected)')
    .option('--template <name>', 'use this saved mapping template')
    .option('--encoding <name>', 'text encoding of CSV files (e.g. gb18030, utf-8)')
    .option('--sheet <name>', 'read this sheet of a workbook (default: the one whose header is found)')
    .option(
      '--all-sheets',
      'also import every other sheet that holds the same kind of data, each as its own batch',
    )
    .option('--skip-error-rows', 'import the good rows and record rows with errors as skipped')
    .option('--json', 'print JSON')
    .argument('<files...>', 'files to import')
    .action(async (files: string[], opts: Opts) => {
      if (opts.kind !== undefined && opts.kind !== 'pos' && opts.kind !== 'bank') {
        throw new FeeTrailError('invalid_input', `--kind must be pos or bank, not ${String(opts.kind)}`);
      }
      const s = ctx.services();
      s.books.openAt(opts.book);
      const book = s.books.require();
      const options: ImportOptions = {};
      if (opts.kind) options.kind = opts.kind;
      if (opts.encoding) options.encoding = opts.encoding;
      if (opts.sheet) options.sheet = opts.sheet;
      if (opts.template) {
        const t = getTemplateByName(book, opts.template);
        if (!t) throw new FeeTrailError('not_found', `No template named ${opts.template} in this book.`);
        options.mapping = t.mapping;
      }
      // The import worker of the first big file starts while the book is backed up.
      void s.imports.warmUp(files);
      await autoBackup(book);
      const results = await runImportTransaction(book, async () => {
        const out: ImportResult[] = [];
        const run = { skipErrorRows: opts.skipErrorRows === true };
        for (const file of files) {
          const name = file.split(/[\\/]/).pop() ?? file;
          const first = await s.imports.importFile(book, file, name, options, run);
          out.push(first);
          // A workbook with a sheet per month: the other sheets the first import named, each in turn.
          if (opts.allSheets) {
            // They are imported now: the warning that names them has nothing left to ask.
            first.issues = first.issues.filter((i) => i.code !== 'other_sheets');
            for (const sheet of first.otherSheets ?? [])
              out.push(await s.imports.importFile(book, file, name, { ...options, sheet }, run));
          }
        }
        return out;
      });
      if (opts.json) {
        const withSheet = opts.allSheets === true;
        ctx.io.out(JSON.stringify({ files: results.map((r) => fileJson(r, withSheet)) }, null, 2));
        return;
      }
      for (const r of results) {
        ctx.io.out(
          `${r.fileName}${opts.allSheets && r.sheet ? ` [${r.sheet}]` : ''}: ${r.kind === 'pos' ? 'POS 交易' : '银行流水'} 新增 added ${r.added}, 重复 duplicates ${r.duplicates}, 跳过 skipped ${r.skipped}`,
        );
        for (const i of r.issues.slice(0, 20))
          ctx.io.out(
            `  ${i.severity === 'error' ? '错误' : '提示'} ${i.sheet}!${i.columnLetter ?? ''}${i.row}: ${i.message}`,
          );
      }
    });
}
