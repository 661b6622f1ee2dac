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

type Skipped = Where & { type: 'skipped'; reason: SkipReason; warnings: ImportIssue[] };

const skippedRow = (row: RawRow, reason: SkipReason): Skipped => ({
  sheet: row.sheet,
  row: row.row,
  type: 'skipped',
  reason,
  warnings: [],
});

/**
 * A row's outcome before the file-wide step: a record carries the key of its identity, not yet its
 * fingerprint. `counted`: the fingerprint is the key with the occurrence number within the file
 * (withOccurrence); otherwise it is the key itself, and a second row with that key is a repeat.
 * Splitting here keeps the per-row work apart from the file-wide state (occurrence counts, the first
 * row of each 参考号: see FirstRows for where an import keeps those).
 */
export type StagedOutcome<T> =
  | Exclude<RowOutcome<T>, { type: 'record' }>
  | (Where & { type: 'record'; record: T; key: string; counted: boolean; warnings: ImportIssue[] });

/** The per-row step: a row on its own, in any order or place. */
export type RowStep<T> = (row: RawRow) => StagedOutcome<T>;
/** The file-wide step: each row's outcome, in file order, made final (its fingerprint, a repeat said). */
export type FileStep<T> = (o: StagedOutcome<T>) => RowOutcome<T>;

/** A normaliser from its two steps, counting every outcome for the summary. */
function composeSteps<T>(row: RowStep<T>, file: FileStep<T>): Normaliser<T> {
  const tally = createTally();
  return {
    push(r) {
      const o = file(row(r));
      if (o.type === 'record') tally.record(o.warnings);
      else if (o.type === 'skipped') tally.skip(o.reason, o.warnings);
      else tally.invalid(o.issues);
      return o;
    },
    summary: () => tally.summary(),
  };
}

/**
 * A row step from the row normaliser: skipped rows first (position, then content only for a row that did
 * not normalise: a totals or note row never does), so each row is normalised at most once. This runs
 * once per row of a 100k-row file, so it makes no closures and copies no objects per row.
 */
function rowStepOf<R, T>(
  m: ColumnMapping,
  normaliseRow: (row: RawRow) => R,
  failed: (r: R) => boolean,
  outcome: (row: RawRow, r: R) => StagedOutcome<T>,
): RowStep<T> {
  const c = createRowClassifier(m);
  return (row) => {
    const placed = c.position(row);
    if (placed !== null && placed.type === 'skip') return skippedRow(row, placed.reason);
    const r = normaliseRow(row);
    if (placed === null && failed(r)) {
      const cls = c.content(row);
      if (cls.type === 'skip') return skippedRow(row, cls.reason);
    }
    return outcome(row, r);
  };
}

export function createPosRowStep(m: PosMapping, ctx: NormaliseContext): RowStep<PosTxn> {
  return rowStepOf(
    m,
    createPosRowNormaliser(m, ctx.file),
    (r) => !r.ok,
    ({ sheet, row }, r) => {
      if (!r.ok) return { sheet, row, type: 'invalid', issues: r.issues };
      if (r.ok === 'not_payment') return { sheet, row, type: 'skipped', reason: 'not_payment', warnings: [] };
      const { record, warnings } = r;
      const fingerprint = posFingerprint(record);
      return fingerprint === null
        ? { sheet, row, type: 'record', record, key: posFallbackBase(record), counted: true, warnings }
        : { sheet, row, type: 'record', record, key: fingerprint, counted: false, warnings };
    },
  );
}

type StagedRecord<T> = Extract<StagedOutcome<T>, { type: 'record' }>;

/** A staged record with its fingerprint (built field by field: an object rest/spread per row is slow). */
function finalRecord<T>(o: StagedRecord<T>, fingerprint: string, warnings: ImportIssue[]): RowOutcome<T> {
  return { sheet: o.sheet, row: o.row, type: 'record', record: o.record, warnings, fingerprint };
}

/**
 * Where the POS file-wide step finds the first row of the file that had a 参考号 key, the row being `row`:
 * that row's number, or undefined (and `row` is now the first). Kept in memory for a preview; an import
 * asks the book it is writing (whose rows so far are the file's rows so far), so that a 1M-row file does
 * not hold a million keys in the heap.
 */
export type FirstRows = (key: string, row: number) => number | undefined;

function firstRowsInMemory(): FirstRows {
  const firstRowOf = new Map<string, number>();
  return (key, row) => {
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, row);
    return first;
  };
}

export function createPosFileStep(
  m: PosMapping,
  ctx: NormaliseContext,
  firstRowOf: FirstRows = firstRowsInMemory(),
): FileStep<PosTxn> {
  const count = createOccurrenceCounter();
  return (o) => {
    if (o.type !== 'record') return o;
    const { key } = o;
    if (o.counted) return finalRecord(o, withOccurrence(key, count(key)), o.warnings);
    // The same 参考号 twice in one export: a repeated page, not a new sale. Said, then deduplicated.
    const first = firstRowOf(key, o.row);
    if (first === undefined) return finalRecord(o, key, o.warnings);
    const col = m.fields.refNo;
    const loc = locate(ctx.file, o.sheet, o.row, col, col === undefined ? undefined : m.headers[col]);
    const repeat = makeIssue(loc, 'warning', 'duplicate_in_file', { value: String(first) });
    return finalRecord(o, key, [...o.warnings, repeat]);
  };
}

export function createPosNormaliser(m: PosMapping, ctx: NormaliseContext): Normaliser<PosTxn> {
  return composeSteps(createPosRowStep(m, ctx), createPosFileStep(m, ctx));
}

export function createBankRowStep(m: BankMapping, ctx: NormaliseContext): RowStep<BankLine> {
  return rowStepOf(
    m,
    createBankRowNormaliser(m, ctx.file),
    (r) => r.ok === false,
    ({ sheet, row }, r) => {
      if (r.ok === false) return { sheet, row, type: 'invalid', issues: r.issues };
      if (r.ok === 'zero')
        return { sheet, row, type: 'skipped', reason: 'zero_amount', warnings: r.warnings };
      const { record, warnings } = r;
      return { sheet, row, type: 'record', record, key: bankBase(record), counted: true, warnings };
    },
  );
}

/** Bank lines have no id: every fingerprint counts occurrences. */
export function createBankFileStep(): FileStep<BankLine> {
  const count = createOccurrenceCounter();
  return (o) => {
    if (o.type !== 'record') return o;
    return finalRecord(o, o.counted ? withOccurrence(o.key, count(o.key)) : o.key, o.warnings);
  };
}

export function createBankNormaliser(m: BankMapping, ctx: NormaliseContext): Normaliser<BankLine> {
  return composeSteps(createBankRowStep(m, ctx), createBankFileStep());
}

/** The per-row step for the mapping's kind. */
export function createRowStep(m: ColumnMapping, ctx: NormaliseContext): RowStep<PosTxn | BankLine> {
  return m.kind === 'pos' ? createPosRowStep(m, ctx) : createBankRowStep(m, ctx);
}

/**
 * The file-wide step for the mapping's kind; it takes the outcomes of that kind's row step. `firstRowOf`:
 * see FirstRows (POS only; in memory when not given).
 */
export function createFileStep(
  m: ColumnMapping,
  ctx: NormaliseContext,
  firstRowOf?: FirstRows,
): FileStep<PosTxn | BankLine> {
  if (m.kind === 'pos') {
    const pos = createPosFileStep(m, ctx, firstRowOf);
    return (o) => pos(o as StagedOutcome<PosTxn>);
  }
  const bank = createBankFileStep();
  return (o) => bank(o as StagedOutcome<BankLine>);
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
