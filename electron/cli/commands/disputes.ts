/**
 * `feetrail dispute create|status|contact` and `feetrail evidence`: the dispute workflow for scripts and
 * accountants with many shops. Every change lands on the case timeline as it does in the app.
 */
import type { Command } from 'commander';
import { CONTACT_CHANNELS, DISPUTE_STATUSES } from '../../../shared/domain/dispute-status';
import type { ContactChannel, DisputeStatus } from '../../../shared/domain/dispute-status';
import { fen, formatFen } from '../../../shared/money';
import { FeeTrailError } from '../../../shared/result';
import type { CliContext } from '../program';

function positiveInt(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw new FeeTrailError('invalid_input', `${what} must be a whole number, not ${text}`);
  return Number(text);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new FeeTrailError('invalid_input', `${what} must be one of ${allowed.join(', ')}, not ${value}`);
  return value as T;
}

export function registerDisputes(program: Command, ctx: CliContext): void {
  const dispute = program.command('dispute').description('Open dispute cases and record their progress.');
  dispute
    .command('create')
    .description('Open a case from findings (ids from `reconcile --json`); prints the case id.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--findings <ids>', 'finding ids, comma-separated')
    .option('--title <text>', 'the case title')
    .action((o: { book: string; findings: string; title?: string }) => {
      const s = ctx.services();
      s.books.openAt(o.book);
      const ids = o.findings.split(',').map((x) => positiveInt(x, '--findings'));
      const d = s.disputes.create(s.books.require(), {
        findingIds: ids,
        ...(o.title ? { fields: { title: o.title } } : {}),
      });
      ctx.io.out(String(d.case.id));
      ctx.io.err(`${d.case.caseNo} ${d.case.title}: ${formatFen(d.case.claimedFen)}`);
    });
  dispute
    .command('status')
    .description('Move a case to a new status; resolving records the money recovered.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--case <id>', 'the case id')
    .requiredOption('--set <status>', DISPUTE_STATUSES.filter((x) => x !== 'draft').join('|'))
    .option('--recovered-fen <n>', 'money recovered, in fen (with --set resolved)')
    .option('--note <text>', 'a note for the timeline')
    .action((o: { book: string; case: string; set: string; recoveredFen?: string; note?: string }) => {
      const s = ctx.services();
      s.books.openAt(o.book);
      const status = oneOf<DisputeStatus>(o.set, DISPUTE_STATUSES, '--set');
      if (o.recoveredFen !== undefined && !/^\d+$/.test(o.recoveredFen))
        throw new FeeTrailError('invalid_input', `--recovered-fen must be whole fen, not ${o.recoveredFen}`);
      const d = s.disputes.setStatus(s.books.require(), {
        id: positiveInt(o.case, '--case'),
        status,
        ...(o.recoveredFen !== undefined ? { recoveredFen: Number(o.recoveredFen) } : {}),
        ...(o.note ? { note: o.note } : {}),
      });
      ctx.io.out(`${d.case.caseNo} ${d.case.status} ${formatFen(fen(d.case.recoveredFen))}`);
    });
  dispute
    .command('contact')
    .description('Log a contact with the acquirer or a regulator.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--case <id>', 'the case id')
    .requiredOption('--channel <channel>', CONTACT_CHANNELS.join('|'))
    .requiredOption('--note <text>', 'what was said or sent')
    .option('--ticket <no>', 'the ticket or reference number')
    .option('--person <name>', 'who you spoke to')
    .option('--at <YYYY-MM-DD HH:mm>', 'when (default now)')
    .action(
      (o: {
        book: string;
        case: string;
        channel: string;
        note: string;
        ticket?: string;
        person?: string;
        at?: string;
      }) => {
        const s = ctx.services();
        s.books.openAt(o.book);
        const d = s.disputes.contact(s.books.require(), {
          id: positiveInt(o.case, '--case'),
          channel: oneOf<ContactChannel>(o.channel, CONTACT_CHANNELS, '--channel'),
          note: o.note,
          ...(o.ticket ? { ticketNo: o.ticket } : {}),
          ...(o.person ? { person: o.person } : {}),
          ...(o.at ? { at: o.at } : {}),
        });
        ctx.io.out(
          `${d.case.caseNo}: ${d.events.filter((e) => e.type === 'contact').length} contact(s) logged`,
        );
      },
    );
  program
    .command('evidence')
    .description('Print a case’s evidence pack (申诉材料) to PDF, and optionally a verifiable bundle.')
    .requiredOption('--book <path>', 'the book file')
    .requiredOption('--case <id>', 'the case id')
    .requiredOption('--out <file.pdf>', 'the PDF to write')
    .option('--bundle <out.zip|folder>', 'also write a bundle: PDF, .xlsx, source files, manifest.json')
    .option('--lang <zh|en>', 'language of the pack', 'zh')
    .action(async (o: { book: string; case: string; out: string; bundle?: string; lang: string }) => {
      const s = ctx.services();
      s.books.openAt(o.book);
      const id = positiveInt(o.case, '--case');
      const lang = oneOf(o.lang, ['zh', 'en'] as const, '--lang');
      const pdf = await s.evidence.writePdf(s.books.require(), id, o.out, lang);
      ctx.io.out(`${pdf.path}  SHA-256 ${pdf.sha256}  (${pdf.txnCount} txns)`);
      if (o.bundle) {
        const b = await s.evidence.writeBundle(s.books.require(), id, o.bundle, lang);
        ctx.io.out(`${b.path}  SHA-256 ${b.sha256}`);
      }
    });
}
