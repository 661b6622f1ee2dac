/**
 * Finds the header row (or the two header rows) of a sheet and tells POS exports from bank statements.
 *
 * Every one of the first `maxScanRows` rows of each sheet is scored by the fields its texts name, for
 * each kind: a field only one kind has (参考号, 余额) counts 2, a shared one (日期, 金额) counts 1, and
 * each number or date cell in the row costs 1 (header rows are text). A row and the row below it are
 * also scored as one two-row header (发生额 over 借方 | 贷方, the merged cell's value sitting in its first
 * column and null after it); the pair wins only when it scores strictly higher than either row alone.
 * Title, marker ([HISTORYDETAIL]) and key/value preamble rows (账号：…) name no field, so they lose.
 */
import { assignFields, type Assignment, type ColumnTexts } from './header-match';
import { SOURCE_KINDS, type SourceKind } from './fields';
import type { RawCell, RawRow } from './raw';
import { cellText } from './text';

export const DEFAULT_SCAN_ROWS = 40;

export type HeaderCandidate = {
  sheet: string;
  /** 1-based sheet row numbers of the header: one, or two for a two-row header. */
  headerRows: number[];
  /** Header text per column as shown to the user (`发生额/借方` for a two-row header). */
  headers: string[];
  columns: ColumnTexts;
  kind: SourceKind;
  assignment: Assignment;
  score: number;
  /** Per kind: fields only that kind has. */
  specific: Record<SourceKind, number>;
};

export type KindVerdict = {
  kind: SourceKind | null;
  /** 0–1: the winner's share of kind-specific fields. */
  confidence: number;
  /** False when the preview must ask the user (too few clues, or clues for both kinds). */
  certain: boolean;
};

export type HeaderDetection = { header: HeaderCandidate | null } & KindVerdict;

export type DetectOptions = {
  maxScanRows?: number;
  /** Forced by the user: only this kind's aliases count. */
  kind?: SourceKind;
  /** Forced by the user: this (first) header row, optionally on this sheet, optionally two rows. */
  headerRow?: { row: number; sheet?: string; rowCount?: 1 | 2 };
};

function texts(cells: readonly RawCell[]): (string | null)[] {
  return cells.map((c) => (typeof c === 'string' ? cellText(c) : null));
}

function dataCells(cells: readonly RawCell[]): number {
  return cells.filter(
    (c) => c !== null && typeof c !== 'string' && !(typeof c === 'object' && c.kind === 'error'),
  ).length;
}

/**
 * Candidate texts for a two-row header. The parent of an empty top cell is the merged cell to its
 * left (发生额 over 借方 | 贷方). Where a lower cell exists it must take part in the match (借方发生额,
 * 发生额借方 or 借方 alone): the upper text alone would let a preamble row above a one-row header (账号：
 * … 币种：) add fields that are not there. A top cell ending in a colon is a key/value label, never a
 * group header.
 */
export function combineTwoRows(
  top: readonly (string | null)[],
  bottom: readonly (string | null)[],
): { columns: string[][]; headers: string[] } {
  const width = Math.max(top.length, bottom.length);
  const columns: string[][] = [];
  const headers: string[] = [];
  let group: string | null = null;
  for (let c = 0; c < width; c += 1) {
    const raw = top[c] ?? null;
    const t = raw !== null && /[:：]\s*$/.test(raw) ? null : raw;
    const b = bottom[c] ?? null;
    if (raw !== null) group = t !== null && b !== null ? t : null;
    const parent = t ?? (b !== null ? group : null);
    if (parent !== null && b !== null) {
      columns.push([b + parent, parent + b, b]);
      headers.push(`${parent}/${b}`);
    } else {
      const only = parent ?? b;
      columns.push(only === null ? [] : [only]);
      headers.push(only ?? '');
    }
    if (raw === null && b === null) group = null;
  }
  return { columns, headers };
}

function evaluate(
  sheet: string,
  headerRows: number[],
  columns: ColumnTexts,
  headers: string[],
  penalty: number,
  kinds: readonly SourceKind[],
  forced = false,
): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  const specific: Record<SourceKind, number> = { pos: 0, bank: 0 };
  for (const kind of SOURCE_KINDS) {
    const a = assignFields(kind, columns);
    specific[kind] = a.specificCount;
    if (!kinds.includes(kind)) continue;
    const score = a.specificCount * 2 + (a.matchedCount - a.specificCount) - penalty;
    // A row the user chose is taken whatever it scores; a guessed one must name at least two fields.
    const enough = forced || (a.matchedCount >= 2 && score >= 3);
    if (enough && (best === null || score > best.score)) {
      best = { sheet, headerRows, headers, columns, kind, assignment: a, score, specific };
    }
  }
  if (best) best.specific = specific;
  return best;
}

function single(
  sheet: string,
  row: RawRow,
  kinds: readonly SourceKind[],
  forced = false,
): HeaderCandidate | null {
  const t = texts(row.cells);
  const columns = t.map((x) => (x === null ? [] : [x]));
  return evaluate(
    sheet,
    [row.row],
    columns,
    t.map((x) => x ?? ''),
    dataCells(row.cells),
    kinds,
    forced,
  );
}

function double(
  sheet: string,
  top: RawRow,
  bottom: RawRow,
  kinds: readonly SourceKind[],
  forced = false,
): HeaderCandidate | null {
  const { columns, headers } = combineTwoRows(texts(top.cells), texts(bottom.cells));
  const penalty = dataCells(top.cells) + dataCells(bottom.cells);
  return evaluate(sheet, [top.row, bottom.row], columns, headers, penalty, kinds, forced);
}

function groupBySheet(rows: readonly RawRow[], limit: number): Map<string, RawRow[]> {
  const bySheet = new Map<string, RawRow[]>();
  for (const r of rows) {
    const list = bySheet.get(r.sheet) ?? [];
    if (list.length < limit) list.push(r);
    bySheet.set(r.sheet, list);
  }
  return bySheet;
}

/** Kind from the clues in the chosen header; uncertain when they are few or point both ways. */
export function judgeKind(h: HeaderCandidate | null, forced?: SourceKind): KindVerdict {
  if (h === null) return { kind: forced ?? null, confidence: 0, certain: false };
  if (forced) return { kind: forced, confidence: 1, certain: true };
  const win = h.specific[h.kind];
  const lose = h.specific[h.kind === 'pos' ? 'bank' : 'pos'];
  const f = h.assignment.fields;
  const required =
    h.kind === 'pos'
      ? f.date !== undefined && f.amount !== undefined
      : f.date !== undefined && (f.credit !== undefined || f.debit !== undefined || f.amount !== undefined);
  const confidence = win + lose === 0 ? 0.5 : win / (win + lose);
  return { kind: h.kind, confidence, certain: required && win >= 2 && win >= 2 * lose };
}

/** Finds the header of the sheet whose header scores best, and judges the kind. */
export function detectHeader(rows: readonly RawRow[], opts: DetectOptions = {}): HeaderDetection {
  const kinds = opts.kind ? [opts.kind] : SOURCE_KINDS;
  const forced = opts.headerRow;
  let best: HeaderCandidate | null = null;
  for (const [sheet, list] of groupBySheet(
    rows,
    forced ? Infinity : (opts.maxScanRows ?? DEFAULT_SCAN_ROWS),
  )) {
    if (forced?.sheet !== undefined && forced.sheet !== sheet) continue;
    for (let i = 0; i < list.length; i += 1) {
      const row = list[i]!;
      const next = list[i + 1];
      const pair = next !== undefined && next.row === row.row + 1 ? next : undefined;
      if (forced) {
        if (row.row !== forced.row) continue;
        const pick =
          forced.rowCount === 2 && pair
            ? double(sheet, row, pair, kinds, true)
            : single(sheet, row, kinds, true);
        if (pick && (best === null || pick.score > best.score)) best = pick;
        continue;
      }
      const one = single(sheet, row, kinds);
      let pick = one;
      if (pair) {
        const two = double(sheet, row, pair, kinds);
        const below = single(sheet, pair, kinds);
        if (two && two.score > (one?.score ?? 0) && two.score > (below?.score ?? 0)) pick = two;
      }
      if (pick && (best === null || pick.score > best.score)) best = pick;
    }
  }
  return { header: best, ...judgeKind(best, opts.kind) };
}

/**
 * The other sheets of `rows` whose own header is found, certainly of the same kind as `header`, with
 * data rows below it: a workbook that holds each month or terminal on a sheet of its own.
 */
export function otherDataSheets(rows: readonly RawRow[], header: HeaderCandidate): string[] {
  const bySheet = new Map<string, RawRow[]>();
  for (const r of rows) {
    if (r.sheet === header.sheet) continue;
    const list = bySheet.get(r.sheet);
    if (list) list.push(r);
    else bySheet.set(r.sheet, [r]);
  }
  const out: string[] = [];
  for (const [sheet, list] of bySheet) {
    const d = detectHeader(list);
    const last = d.header?.headerRows[d.header.headerRows.length - 1] ?? Infinity;
    if (d.header?.kind === header.kind && d.certain && list.some((r) => r.row > last)) out.push(sheet);
  }
  return out;
}
