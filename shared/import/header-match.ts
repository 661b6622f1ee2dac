/**
 * Header texts → fields, for one kind of file. Each column may offer several candidate texts (a
 * two-row header offers 借方发生额, 发生额借方 and 借方 for 发生额 over 借方); the best alias rank wins.
 *
 * Assignment: date and time first (they share the word 交易时间, see assignDateTime), then every other
 * field greedily by alias rank, so a column goes to the field it names most precisely. Two columns
 * that name one field equally well are reported as duplicates: FeeTrail does not pick one silently.
 */
import { BANK_HEADER_ALIASES, BOOKING_DATE_HEADERS } from './aliases-bank';
import { POS_HEADER_ALIASES } from './aliases-pos';
import {
  BANK_FIELDS,
  BANK_SPECIFIC,
  POS_FIELDS,
  POS_SPECIFIC,
  type AnyField,
  type SourceKind,
} from './fields';
import { headerSaysFen, normaliseHeader, stripFenMarker } from './text';

type Rank = { field: AnyField; rank: number };

function buildIndex(table: Partial<Record<AnyField, readonly string[]>>): Map<string, Rank[]> {
  const index = new Map<string, Rank[]>();
  for (const [field, aliases] of Object.entries(table) as [AnyField, readonly string[]][]) {
    aliases.forEach((alias, rank) => {
      const key = normaliseHeader(alias);
      const list = index.get(key) ?? [];
      if (!list.some((r) => r.field === field)) list.push({ field, rank });
      index.set(key, list);
    });
  }
  return index;
}

const INDEX: Record<SourceKind, Map<string, Rank[]>> = {
  pos: buildIndex(POS_HEADER_ALIASES),
  bank: buildIndex(BANK_HEADER_ALIASES),
};
const FIELD_ORDER: Record<SourceKind, readonly AnyField[]> = { pos: POS_FIELDS, bank: BANK_FIELDS };
const SPECIFIC: Record<SourceKind, ReadonlySet<AnyField>> = {
  pos: new Set(POS_SPECIFIC),
  bank: new Set(BANK_SPECIFIC),
};
const BOOKING = new Set(BOOKING_DATE_HEADERS.map(normaliseHeader));

/** Per column: the candidate header texts (display form). Empty list = no header text. */
export type ColumnTexts = readonly (readonly string[])[];

type ColumnMatch = { ranks: Map<AnyField, number>; fen: boolean; booking: boolean };

/**
 * An English gloss after a Chinese header: in brackets (中国银行: `交易日期[ Transaction Date ]`,
 * `余额（Balance）`), on the cell's second line, or after a space (`摘要 Summary`). Only Latin text
 * counts as a gloss, so `交易金额(收入)` and `交易金额(分)` keep their bracket.
 */
const ENGLISH_GLOSS =
  /^(.*\p{Script=Han}.*?)\s*(?:[[(（【]\s*[A-Za-z][^\])）】]*[\])）】]|\n[\s\S]*|\s+[A-Za-z][A-Za-z0-9 .,'’&/_-]*)$/u;

/** The header's texts, each also without an English gloss when it has one. */
function withoutGlosses(texts: readonly string[]): string[] {
  const out = [...texts];
  for (const text of texts) {
    const chinese = ENGLISH_GLOSS.exec(text.normalize('NFKC').trim())?.[1];
    if (chinese !== undefined && !out.includes(chinese)) out.push(chinese);
  }
  return out;
}

/** Ranks of the keyword rules: weaker than every alias. */
const KEYWORD_RANK = 1000;

type KeywordRule = {
  field: AnyField;
  /** Each group: the header contains at least one of its words. */
  all: readonly (readonly string[])[];
  none?: readonly string[];
};

/**
 * Last-resort words for the columns reconciliation needs most, for headers no alias names (a bank or an
 * app version not seen yet: 对方账户户名, 系统参考号码…). Weaker than every alias, and a rule two columns
 * meet equally is not used (see assignFields): it names no column for sure.
 */
const KEYWORD_RULES: Record<SourceKind, readonly KeywordRule[]> = {
  pos: [
    { field: 'origRefNo', all: [['原'], ['参考号', '订单号', '交易号', '交易单号']] },
    { field: 'refNo', all: [['参考号']], none: ['原'] },
    // The platform's order number under its own name (收钱吧订单号, 汇付订单号), never the merchant's own.
    { field: 'refNo', all: [['订单号', '交易号', '交易单号']], none: ['原', '商户', '退款'] },
    { field: 'fee', all: [['手续费']], none: ['率', '返', '退'] },
    {
      field: 'settleAmount',
      all: [
        ['结算', '清算', '入账'],
        ['金额', '净额'],
      ],
    },
    { field: 'terminalId', all: [['终端'], ['号', '码', 'id']], none: ['流水', '批次', '凭证'] },
    { field: 'merchantNo', all: [['商户'], ['号', '码']], none: ['名', '订单', '流水'] },
  ],
  bank: [
    { field: 'counterparty', all: [['对方', '对手'], ['名']], none: ['行'] },
    {
      field: 'counterpartyAccount',
      all: [
        ['对方', '对手'],
        ['账号', '卡号', '账户'],
      ],
      none: ['名', '行'],
    },
    { field: 'summary', all: [['摘要']] },
    { field: 'purpose', all: [['用途', '附言', '备注']] },
    { field: 'balance', all: [['余额']] },
  ],
};

/** A header text's keyword matches. Text with digits or a colon inside is a preamble value, not a header. */
function keywordRanks(kind: SourceKind, norm: string): Rank[] {
  if (/[\d:]/.test(norm)) return [];
  const hits: Rank[] = [];
  KEYWORD_RULES[kind].forEach((rule, i) => {
    if (
      rule.all.every((group) => group.some((w) => norm.includes(w))) &&
      !(rule.none ?? []).some((w) => norm.includes(w))
    ) {
      hits.push({ field: rule.field, rank: KEYWORD_RANK + i });
    }
  });
  return hits;
}

function matchColumn(kind: SourceKind, texts: readonly string[]): ColumnMatch {
  const ranks = new Map<AnyField, number>();
  let fen = false;
  let booking = false;
  const all = withoutGlosses(texts);
  const named = all.some((text) => {
    const norm = normaliseHeader(text);
    return INDEX[kind].has(headerSaysFen(text) ? stripFenMarker(norm) : norm);
  });
  if (!named) {
    for (const text of all) {
      const hits = keywordRanks(kind, stripFenMarker(normaliseHeader(text)));
      for (const { field, rank } of hits) if (!ranks.has(field)) ranks.set(field, rank);
      if (hits.length > 0 && headerSaysFen(text)) fen = true;
    }
  }
  for (const text of all) {
    const norm = normaliseHeader(text);
    const saysFen = headerSaysFen(text);
    const hits = INDEX[kind].get(saysFen ? stripFenMarker(norm) : norm) ?? [];
    for (const { field, rank } of hits) {
      const prev = ranks.get(field);
      if (prev === undefined || rank < prev) ranks.set(field, rank);
    }
    if (hits.length > 0 && saysFen) fen = true;
    if (hits.length > 0 && BOOKING.has(norm)) booking = true;
  }
  return { ranks, fen, booking };
}

export type Assignment = {
  kind: SourceKind;
  /** field → 0-based column index */
  fields: Partial<Record<AnyField, number>>;
  /** Columns whose header says the amounts are in fen. */
  fenColumns: Set<number>;
  /** Fields two or more columns name equally well: every such column, the assigned one first. */
  duplicates: { field: AnyField; columns: number[] }[];
  /** When the date column is a transaction date-time chosen over a booking date: the booking column. */
  bookingDateColumn: number | null;
  /** Fields matched that only this kind of file has. */
  specificCount: number;
  /** Every field matched. */
  matchedCount: number;
};

function best(
  matches: readonly ColumnMatch[],
  field: AnyField,
  taken: ReadonlySet<number>,
  only?: (m: ColumnMatch) => boolean,
): number[] {
  let bestRank = Infinity;
  let cols: number[] = [];
  matches.forEach((m, col) => {
    const r = m.ranks.get(field);
    if (r === undefined || taken.has(col) || (only && !only(m))) return;
    if (r < bestRank) [bestRank, cols] = [r, [col]];
    else if (r === bestRank) cols.push(col);
  });
  return cols;
}

/**
 * 交易时间 is a full date-time in some files (ICBC corporate) and a time of day beside 交易日期 in
 * others (ABC, CCB personal). Rule: a column that names only a date is the date; a 交易时间-like column
 * is then the time. Alone, it is the date-time. A booking date (记账日期) beside a 交易时间 loses to it:
 * the transaction's own moment matters for matching (the caller may still switch back when the data
 * shows 交易时间 holds only times).
 */
function assignDateTime(
  matches: readonly ColumnMatch[],
  a: Assignment,
  dups: Map<AnyField, number[]>,
): Set<number> {
  const taken = new Set<number>();
  const pureDate = best(matches, 'date', taken, (m) => !m.ranks.has('time'));
  const timeish = best(matches, 'time', taken);
  const timeCol = timeish[0];
  const dateCol = pureDate[0];
  if (dateCol !== undefined) {
    const booking = matches[dateCol]?.booking === true;
    if (booking && timeCol !== undefined && matches[timeCol]?.ranks.has('date')) {
      a.fields.date = timeCol;
      a.bookingDateColumn = dateCol;
      taken.add(timeCol);
      if (timeish.length > 1) dups.set('date', timeish);
      return taken;
    }
    a.fields.date = dateCol;
    taken.add(dateCol);
    if (pureDate.length > 1) dups.set('date', pureDate);
    if (timeCol !== undefined) {
      a.fields.time = timeCol;
      taken.add(timeCol);
      if (timeish.length > 1) dups.set('time', timeish);
    }
  } else if (timeCol !== undefined) {
    const asDate = best(matches, 'date', taken);
    const col = asDate[0] ?? timeCol;
    a.fields.date = col;
    taken.add(col);
    if (asDate.length > 1) dups.set('date', asDate);
  }
  return taken;
}

/** Assigns fields of one kind to columns. */
export function assignFields(kind: SourceKind, columns: ColumnTexts): Assignment {
  const matches = columns.map((texts) => matchColumn(kind, texts));
  // A keyword rule that two columns meet names neither of them.
  const keywordHits = new Map<string, number>();
  for (const m of matches) {
    for (const [field, rank] of m.ranks) {
      if (rank >= KEYWORD_RANK)
        keywordHits.set(`${field}|${rank}`, (keywordHits.get(`${field}|${rank}`) ?? 0) + 1);
    }
  }
  for (const m of matches) {
    for (const [field, rank] of m.ranks) {
      if (rank >= KEYWORD_RANK && (keywordHits.get(`${field}|${rank}`) ?? 0) > 1) m.ranks.delete(field);
    }
  }
  const a: Assignment = {
    kind,
    fields: {},
    fenColumns: new Set(),
    duplicates: [],
    bookingDateColumn: null,
    specificCount: 0,
    matchedCount: 0,
  };
  const dups = new Map<AnyField, number[]>();
  const taken = assignDateTime(matches, a, dups);
  const order = FIELD_ORDER[kind];
  const candidates: { field: AnyField; col: number; rank: number }[] = [];
  matches.forEach((m, col) => {
    for (const [field, rank] of m.ranks) {
      if (field !== 'date' && field !== 'time') candidates.push({ field, col, rank });
    }
  });
  candidates.sort(
    (x, y) => x.rank - y.rank || order.indexOf(x.field) - order.indexOf(y.field) || x.col - y.col,
  );
  for (const c of candidates) {
    if (a.fields[c.field] !== undefined || taken.has(c.col)) continue;
    a.fields[c.field] = c.col;
    taken.add(c.col);
    // Same field, same alias rank, another free column: the file names this field twice.
    const twins = candidates.filter(
      (o) => o.field === c.field && o.rank === c.rank && o.col !== c.col && !taken.has(o.col),
    );
    if (twins.length > 0) dups.set(c.field, [c.col, ...twins.map((t) => t.col)]);
  }
  for (const [field, col] of Object.entries(a.fields) as [AnyField, number][]) {
    if (matches[col]?.fen) a.fenColumns.add(col);
    a.matchedCount += 1;
    if (SPECIFIC[kind].has(field)) a.specificCount += 1;
  }
  a.duplicates = [...dups].map(([field, cols]) => ({ field, columns: cols }));
  return a;
}
