/**
 * A batch of normalised rows as a few flat buffers, so it crosses from the import worker to the book's
 * thread without a structured clone of each row (see import-worker-rows.ts for where it is used).
 *
 * The worker writes every row onto a tape, in one fixed order: its outcome as a small number, numbers
 * (row number, fen) into a Float64Array, and text (the provenance JSON, the identity key, the record's
 * fields, a skip reason) as UTF-8 into one Buffer with each string's byte length. The buffers are
 * transferred, not copied, and the book's thread reads the tape back in the same order, making each
 * string only as the writer binds it, so no batch of rows ever sits in either heap as objects (V8 would
 * promote a 1,000-row batch of objects to the old generation, where only a full collection frees it).
 * Issues (warnings, the errors of an invalid row) are rare and cross as plain objects beside the tape.
 */
import type { BankLine, PosTxn } from '../../shared/domain/types';
import type { StagedOutcome } from '../../shared/import/normalise';
import type { ImportIssue } from '../../shared/import/raw';
import type { SkipReason } from '../../shared/import/row-classify';
import type { SourceRef } from '../db/import-repo';

/** One row as the writer takes it: what the normaliser's per-row step made of it and where it came from. */
export type NormalisedRow = { outcome: StagedOutcome<PosTxn | BankLine>; source: SourceRef };

export type PackedBatch = {
  kind: 'pos' | 'bank';
  sheet: string;
  count: number;
  outcomes: Uint8Array;
  numbers: Float64Array;
  /** The UTF-8 bytes of every string, one after another. */
  text: Uint8Array;
  /** Each string's length in bytes, -1 for null. */
  textLengths: Int32Array;
  /** The issues of the rows that have any, by the row's index in the batch. */
  issues: { index: number; issues: ImportIssue[] }[];
};

const RECORD = 0;
/** A record whose fingerprint counts occurrences of its key (StagedOutcome's `counted`). */
const RECORD_COUNTED = 1;
const SKIPPED = 2;
const INVALID = 3;

/** Which fields of a record are text and which are fen; the tape carries them in this order. */
type Layout<T> = {
  text: readonly { [K in keyof T]: T[K] extends string | null ? K : never }[keyof T][];
  fen: readonly { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T][];
};

const POS_LAYOUT: Layout<PosTxn> = {
  text: [
    'merchantNo',
    'terminalId',
    'txnTime',
    'cardNo',
    'cardKind',
    'channel',
    'txnType',
    'status',
    'settleDate',
    'refNo',
    'origRefNo',
    'traceNo',
    'batchNo',
  ],
  fen: ['amountFen', 'feeFen', 'settleFen'],
};

const BANK_LAYOUT: Layout<BankLine> = {
  text: ['txnTime', 'counterparty', 'counterpartyAccount', 'summary', 'currency'],
  fen: ['creditFen', 'debitFen', 'balanceFen'],
};

/** Collects rows of one kind and sheet onto a tape; `take` hands the batch over and starts anew. */
export class BatchPacker {
  private outcomes: number[] = [];
  private numbers: number[] = [];
  private textLengths: number[] = [];
  private issues: PackedBatch['issues'] = [];
  private text = Buffer.allocUnsafeSlow(256 * 1024);
  private textBytes = 0;
  private readonly layout: Layout<PosTxn> | Layout<BankLine>;

  constructor(
    private readonly kind: 'pos' | 'bank',
    private sheet: string | null = null,
  ) {
    this.layout = kind === 'pos' ? POS_LAYOUT : BANK_LAYOUT;
  }

  get count(): number {
    return this.outcomes.length;
  }

  /** The sheet of the rows so far; a row of another sheet needs a batch of its own. */
  get currentSheet(): string | null {
    return this.sheet;
  }

  add(outcome: StagedOutcome<PosTxn | BankLine>, cellsJson: string): void {
    this.sheet ??= outcome.sheet;
    const index = this.outcomes.length;
    this.numbers.push(outcome.row);
    this.string(cellsJson);
    if (outcome.type === 'record') {
      this.outcomes.push(outcome.counted ? RECORD_COUNTED : RECORD);
      this.string(outcome.key);
      const record = outcome.record as Record<string, string | number | null>;
      for (const key of this.layout.text) this.string(record[key] as string | null);
      for (const key of this.layout.fen) this.numbers.push((record[key] as number | null) ?? NaN);
      if (outcome.warnings.length > 0) this.issues.push({ index, issues: outcome.warnings });
    } else if (outcome.type === 'skipped') {
      this.outcomes.push(SKIPPED);
      this.string(outcome.reason);
      if (outcome.warnings.length > 0) this.issues.push({ index, issues: outcome.warnings });
    } else {
      this.outcomes.push(INVALID);
      this.issues.push({ index, issues: outcome.issues });
    }
  }

  /** The batch so far, its buffers the caller's own (to transfer); the packer starts a new one. */
  take(): PackedBatch {
    const batch: PackedBatch = {
      kind: this.kind,
      sheet: this.sheet ?? '',
      count: this.outcomes.length,
      outcomes: Uint8Array.from(this.outcomes),
      numbers: Float64Array.from(this.numbers),
      text: new Uint8Array(this.text.buffer.slice(0, this.textBytes)),
      textLengths: Int32Array.from(this.textLengths),
      issues: this.issues,
    };
    this.outcomes = [];
    this.numbers = [];
    this.textLengths = [];
    this.issues = [];
    this.textBytes = 0;
    this.sheet = null;
    return batch;
  }

  private string(s: string | null): void {
    if (s === null) {
      this.textLengths.push(-1);
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const room = this.textBytes + 3 * s.length;
    if (room > this.text.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.text.length, room));
      this.text.copy(bigger, 0, 0, this.textBytes);
      this.text = bigger;
    }
    const n = this.text.write(s, this.textBytes, 'utf8');
    this.textBytes += n;
    this.textLengths.push(n);
  }
}

/** The buffers a batch owns, for postMessage's transfer list. */
export function transferablesOf(batch: PackedBatch): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of [batch.outcomes, batch.numbers, batch.text, batch.textLengths]) {
    if (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength)
      out.push(a.buffer);
  }
  return out;
}

/** The rows of a packed batch, each made as it is taken (in the order they were added). */
export function* unpackBatch(batch: PackedBatch): Generator<NormalisedRow> {
  const text = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength);
  const layout = batch.kind === 'pos' ? POS_LAYOUT : BANK_LAYOUT;
  const { sheet, outcomes, numbers, textLengths } = batch;
  let n = 0;
  let t = 0;
  let at = 0;
  const string = (): string | null => {
    const length = textLengths[t++] as number;
    if (length < 0) return null;
    at += length;
    return text.toString('utf8', at - length, at);
  };
  const fen = (): number | null => {
    const v = numbers[n++] as number;
    return Number.isNaN(v) ? null : v;
  };
  let issueAt = 0;
  const issuesOf = (index: number): ImportIssue[] => {
    const next = batch.issues[issueAt];
    if (next?.index !== index) return [];
    issueAt += 1;
    return next.issues;
  };
  for (let index = 0; index < batch.count; index += 1) {
    const row = numbers[n++] as number;
    const source: SourceRef = { sheet, row, cellsJson: string() as string };
    const type = outcomes[index];
    let outcome: StagedOutcome<PosTxn | BankLine>;
    if (type === RECORD || type === RECORD_COUNTED) {
      const key = string() as string;
      const record: Record<string, string | number | null> = {};
      for (const key of layout.text) record[key] = string();
      for (const key of layout.fen) record[key] = fen();
      outcome = {
        sheet,
        row,
        type: 'record',
        record: record as PosTxn | BankLine,
        key,
        counted: type === RECORD_COUNTED,
        warnings: issuesOf(index),
      };
    } else if (type === SKIPPED) {
      outcome = { sheet, row, type: 'skipped', reason: string() as SkipReason, warnings: issuesOf(index) };
    } else outcome = { sheet, row, type: 'invalid', issues: issuesOf(index) };
    yield { outcome, source };
  }
}
