/**
 * The streaming normaliser: feed it every row of the file, one at a time, after analyse() has found
 * the header and the mapping in the first rows. Memory stays flat apart from the occurrence counts
 * (one short string per distinct bank line / ref-less POS row) needed for fingerprints.
 *
 * Each pushed row comes back as exactly one outcome: a record (with its fingerprint and any
 * warnings), a skipped row (preamble, header, blank, totals, note, zero amount: with the reason), or
 * an invalid row (with its located errors). The caller decides what to do with invalid rows: the
 * file is importable only when there are none, or when the user chose to skip them.
 */
import type { BankLine, PosTxn } from '../domain/types';
import {
  bankBase,
  createOccurrenceCounter,
  posFallbackBase,
  posFingerprint,
  withOccurrence,
} from './fingerprint';
import { locate, makeIssue } from './issues';
import type { BankMapping, ColumnMapping, PosMapping } from './mapping-schema';
import { createBankRowNormaliser } from './normalise-bank';
import { createPosRowNormaliser } from './normalise-pos';
import type { ImportIssue, RawRow } from './raw';
import { createRowClassifier, SKIP_REASONS, type SkipReason } from './row-classify';

type Where = { sheet: string; row: number };
export type RowOutcome<T> =
  | (Where & { type: 'record'; record: T; fingerprint: string; warnings: ImportIssue[] })
  | (Where & { type: 'skipped'; reason: SkipReason; warnings: ImportIssue[] })
  | (Where & { type: 'invalid'; issues: ImportIssue[] });

export type NormaliseSummary = {
  records: number;
  invalid: number;
  skipped: Record<SkipReason, number>;
  errors: number;
  warnings: number;
  /** Unrecognised values (card kind, channel, …) by field and value, with a count and the first row. */
  unknownValues: { field: string; value: string; count: number; firstRow: number }[];
};

export type Normaliser<T> = {
  push(row: RawRow): RowOutcome<T>;
  summary(): NormaliseSummary;
};

export type NormaliseContext = { file: string };

function createTally() {
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  const unknown = new Map<string, { field: string; value: string; count: number; firstRow: number }>();
  const s = { records: 0, invalid: 0, errors: 0, warnings: 0 };
  const note = (issues: readonly ImportIssue[]): void => {
    for (const i of issues) {
      if (i.severity === 'error') s.errors += 1;
      else s.warnings += 1;
      if (i.code === 'unknown_value' && i.params?.field !== undefined) {
        const key = `${i.params.field}\u001f${i.params.value ?? ''}`;
        const u = unknown.get(key) ?? {
          field: i.params.field,
          value: i.params.value ?? '',
          count: 0,
          firstRow: i.row,
        };
        u.count += 1;
        unknown.set(key, u);
      }
    }
  };
  return {
    record(warnings: readonly ImportIssue[]) {
      s.records += 1;
      note(warnings);
    },
    skip(reason: SkipReason, warnings: readonly ImportIssue[] = []) {
      skipped[reason] += 1;
      note(warnings);
    },
    invalid(issues: readonly ImportIssue[]) {
      s.invalid += 1;
      note(issues);
    },
    summary: (): NormaliseSummary => ({
      ...s,
      skipped: { ...skipped },
      unknownValues: [...unknown.values()],
    }),
  };
}

type Tally = ReturnType<typeof createTally>;
type Skipped = Where & { type: 'skipped'; reason: SkipReason; warnings: ImportIssue[] };

/**
 * Skipped-row detection without parsing a data row twice: position first (other sheet, preamble),
 * then the content checks only for rows that did not normalise (a totals or note row never does).
 */
function createSkipper(
  m: ColumnMapping,
  tally: Tally,
): (row: RawRow, failed: () => boolean) => Skipped | null {
  const c = createRowClassifier(m);
  return (row, failed) => {
    const cls = c.position(row) ?? (failed() ? c.content(row) : null);
    if (cls === null || cls.type === 'data') return null;
    tally.skip(cls.reason);
    return { sheet: row.sheet, row: row.row, type: 'skipped', reason: cls.reason, warnings: [] };
  };
}

export function createPosNormaliser(m: PosMapping, ctx: NormaliseContext): Normaliser<PosTxn> {
  const tally = createTally();
  const skipped = createSkipper(m, tally);
  const normaliseRow = createPosRowNormaliser(m, ctx.file);
  const count = createOccurrenceCounter();
  const firstRowOf = new Map<string, number>();
  return {
    push(row) {
      const where = { sheet: row.sheet, row: row.row };
      // Normalised at most once per push; the skipper looks at the content only when this failed.
      let result: ReturnType<typeof normaliseRow> | undefined;
      const normalised = () => (result ??= normaliseRow(row));
      const skip = skipped(row, () => !normalised().ok);
      if (skip) return skip;
      const r = normalised();
      if (!r.ok) {
        tally.invalid(r.issues);
        return { ...where, type: 'invalid', issues: r.issues };
      }
      const warnings = [...r.warnings];
      let fingerprint = posFingerprint(r.record);
      if (fingerprint === null) {
        const base = posFallbackBase(r.record);
        fingerprint = withOccurrence(base, count(base));
      } else {
        // The same 参考号 twice in one export: a repeated page, not a new sale. Said, then deduplicated.
        const first = firstRowOf.get(fingerprint);
        if (first !== undefined) {
          const col = m.fields.refNo;
          const loc = locate(
            ctx.file,
            row.sheet,
            row.row,
            col,
            col === undefined ? undefined : m.headers[col],
          );
          warnings.push(makeIssue(loc, 'warning', 'duplicate_in_file', { value: String(first) }));
        } else firstRowOf.set(fingerprint, row.row);
      }
      tally.record(warnings);
      return { ...where, type: 'record', record: r.record, fingerprint, warnings };
    },
    summary: () => tally.summary(),
  };
}

export function createBankNormaliser(m: BankMapping, ctx: NormaliseContext): Normaliser<BankLine> {
  const tally = createTally();
  const skipped = createSkipper(m, tally);
  const normaliseRow = createBankRowNormaliser(m, ctx.file);
  const count = createOccurrenceCounter();
  return {
    push(row) {
      const where = { sheet: row.sheet, row: row.row };
      let result: ReturnType<typeof normaliseRow> | undefined;
      const normalised = () => (result ??= normaliseRow(row));
      const skip = skipped(row, () => normalised().ok === false);
      if (skip) return skip;
      const r = normalised();
      if (r.ok === false) {
        tally.invalid(r.issues);
        return { ...where, type: 'invalid', issues: r.issues };
      }
      if (r.ok === 'zero') {
        tally.skip('zero_amount', r.warnings);
        return { ...where, type: 'skipped', reason: 'zero_amount', warnings: r.warnings };
      }
      const base = bankBase(r.record);
      const fingerprint = withOccurrence(base, count(base));
      tally.record(r.warnings);
      return { ...where, type: 'record', record: r.record, fingerprint, warnings: r.warnings };
    },
    summary: () => tally.summary(),
  };
}

export type AnyNormaliser =
  { kind: 'pos'; normaliser: Normaliser<PosTxn> } | { kind: 'bank'; normaliser: Normaliser<BankLine> };

/** The normaliser for the mapping's kind. */
export function createNormaliser(m: ColumnMapping, ctx: NormaliseContext): AnyNormaliser {
  return m.kind === 'pos'
    ? { kind: 'pos', normaliser: createPosNormaliser(m, ctx) }
    : { kind: 'bank', normaliser: createBankNormaliser(m, ctx) };
}

/** Normalises an async stream of rows (the reader's output), yielding one outcome per row. */
export async function* normaliseStream<T>(
  rows: AsyncIterable<RawRow>,
  n: Normaliser<T>,
): AsyncGenerator<RowOutcome<T>> {
  for await (const row of rows) yield n.push(row);
}

export type NormalisedFile<T> = {
  records: { sheet: string; row: number; record: T; fingerprint: string }[];
  skipped: { sheet: string; row: number; reason: SkipReason }[];
  issues: ImportIssue[];
  summary: NormaliseSummary;
};

/** Everything at once, for previews and tests (a whole file's rows in memory). */
export function normaliseAll<T>(rows: Iterable<RawRow>, n: Normaliser<T>): NormalisedFile<T> {
  const out: NormalisedFile<T> = { records: [], skipped: [], issues: [], summary: n.summary() };
  for (const row of rows) {
    const o = n.push(row);
    if (o.type === 'record') {
      out.records.push({ sheet: o.sheet, row: o.row, record: o.record, fingerprint: o.fingerprint });
      out.issues.push(...o.warnings);
    } else if (o.type === 'skipped') {
      out.skipped.push({ sheet: o.sheet, row: o.row, reason: o.reason });
      out.issues.push(...o.warnings);
    } else out.issues.push(...o.issues);
  }
  out.summary = n.summary();
  return out;
}
