/**
 * Text clean-up shared by header detection and normalisation.
 *
 * Exports pad cells with spaces, tabs (ICBC puts a tab inside every quoted CSV cell so Excel keeps long
 * digits as text), full-width spaces (CCB pads headers with U+3000) and byte-order marks. Banks write
 * `-` or `--` for "nothing here". All of that is noise, never data.
 */
import type { RawCell } from './raw';

// \s covers tabs, NBSP, U+3000 and the other Unicode spaces; U+FEFF (BOM) and zero-width marks are not \s.
const EDGE_NOISE = /^[\s\uFEFF\u200B-\u200D]+|[\s\uFEFF\u200B-\u200D]+$/g;
const ALL_NOISE = /[\s\uFEFF\u200B-\u200D]+/g;
const EMPTY_MARKERS = new Set(['-', '--', '—', '——', '－', '－－', '/', 'null', 'NULL', 'N/A']);
// `="822290058120123"`: CSV exports write ids, card numbers and dates as an Excel formula giving text,
// so Excel keeps every digit and leading zero; Excel shows the text inside, and so do we.
const FORMULA_TEXT = /^[\s\uFEFF]*="((?:[^"]|"")*)"[\s\uFEFF]*$/;

/** The text an Excel text formula `="…"` shows (quotes inside doubled), or the cell as it is. */
function unwrapFormulaText(text: string): string {
  if (!text.includes('="')) return text;
  const m = FORMULA_TEXT.exec(text);
  return m ? (m[1] as string).replaceAll('""', '"') : text;
}

/** Printable ASCII other than the space, or a CJK ideograph (U+3400–U+9FFF): never padding. */
const isInk = (code: number): boolean => (code > 0x20 && code < 0x7f) || (code >= 0x3400 && code <= 0x9fff);

/** Strips padding (spaces, tabs, full-width spaces, BOM) from both ends. */
export function trimPadding(text: string): string {
  // Most cells (ids, codes, 消费, 成功) begin and end with ink: nothing to strip, no regex run.
  if (text.length > 0 && isInk(text.charCodeAt(0)) && isInk(text.charCodeAt(text.length - 1))) return text;
  return text.replace(EDGE_NOISE, '');
}

/**
 * A cell as trimmed text, or null when it holds nothing (blank, padding only, `-`, `--`).
 * A CSV text formula `="0123"` is the text it shows (`0123`).
 * Numbers become their shortest decimal text (`93.36`, `258000000001`); booleans `true`/`false`;
 * dates their wall-clock text; Excel errors (#N/A) their code.
 */
export function cellText(cell: RawCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const t = trimPadding(unwrapFormulaText(cell));
    return t === '' || EMPTY_MARKERS.has(t) ? null : t;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberText(cell) : null;
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return cell.value;
}

/** Whole numbers print without an exponent up to 1e21, which covers every reference or card number. */
function numberText(n: number): string {
  return String(n);
}

/** True when the cell holds nothing once padding and empty markers are removed. */
export function isBlankCell(cell: RawCell | undefined): boolean {
  return cellText(cell) === null;
}

/**
 * The comparable form of a header text: NFKC (full-width letters, digits, brackets and colons become
 * ASCII), no whitespace at all, lower case, no trailing colon, no unit suffix such as (元) or （人民币）.
 * `交易金额（元）`, ` 交易金额 ` and `交易金额:` all compare as `交易金额`.
 */
export function normaliseHeader(text: string): string {
  let t = text.normalize('NFKC').replace(ALL_NOISE, '').toLowerCase();
  t = t.replace(/[:：]+$/, '');
  t = t.replace(/\((元|人民币|rmb|cny|¥|￥)\)$/, '');
  t = t.replace(/^[*#]+/, '');
  return t;
}

/** True when a header text declares its amounts in fen, e.g. `交易金额(分)` or `金额（单位：分）`. */
export function headerSaysFen(text: string): boolean {
  const t = text.normalize('NFKC').replace(ALL_NOISE, '');
  return /\((单位:)?分\)$/.test(t) || /单位:分/.test(t);
}

/** The header text with its fen marker removed, so `交易金额(分)` matches the alias `交易金额`. */
export function stripFenMarker(normalised: string): string {
  return normalised.replace(/\((单位:)?分\)$/, '');
}

/** The comparable form of a value (card kind, channel, status…): NFKC, no whitespace, lower case. */
export function normaliseValue(text: string): string {
  return text.normalize('NFKC').replace(ALL_NOISE, '').toLowerCase();
}

/** Free text as stored (counterparty, summary): padding trimmed, inner runs of whitespace made one space. */
export function tidyText(cell: RawCell | undefined): string | null {
  const t = cellText(cell);
  return t === null ? null : t.replace(/[\s\u3000]+/g, ' ');
}

/** Excel's column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
