/**
 * Property-based fuzzing of header detection and column mapping (issue 8): any choice among the
 * aliases a field is known by, in any column order, padded or with a (元) unit, among junk columns that
 * name no field, below any number of junk preamble rows. The header row, the kind and every field's
 * column must be found; no junk column may be mapped.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BANK_HEADER_ALIASES } from '../../shared/import/aliases-bank';
import { POS_HEADER_ALIASES } from '../../shared/import/aliases-pos';
import { analyse } from '../../shared/import/analyse';
import {
  BANK_SPECIFIC,
  POS_MONEY_FIELDS,
  BANK_MONEY_FIELDS,
  POS_SPECIFIC,
  type AnyField,
  type SourceKind,
} from '../../shared/import/fields';
import type { RawCell, RawRow } from '../../shared/import/raw';
import { normaliseHeader } from '../../shared/import/text';

const TABLES: Record<SourceKind, Partial<Record<AnyField, readonly string[]>>> = {
  pos: POS_HEADER_ALIASES,
  bank: BANK_HEADER_ALIASES,
};
const SPECIFIC: Record<SourceKind, ReadonlySet<AnyField>> = {
  pos: new Set(POS_SPECIFIC),
  bank: new Set(BANK_SPECIFIC),
};
const MONEY = new Set<AnyField>([...POS_MONEY_FIELDS, ...BANK_MONEY_FIELDS]);
const EVERY_ALIAS = new Set(
  Object.values(TABLES).flatMap((t) => Object.values(t).flatMap((list) => list.map(normaliseHeader))),
);

/**
 * The aliases that name `field` and nothing else in a file of its kind, nor a field only the other
 * kind has: with these, the right answer is unambiguous.
 */
function unambiguousAliases(kind: SourceKind, field: AnyField): string[] {
  const other: SourceKind = kind === 'pos' ? 'bank' : 'pos';
  const elsewhere = new Set([
    ...Object.entries(TABLES[kind])
      .filter(([f]) => f !== field)
      .flatMap(([, list]) => list.map(normaliseHeader)),
    ...Object.entries(TABLES[other])
      .filter(([f]) => SPECIFIC[other].has(f as AnyField))
      .flatMap(([, list]) => list.map(normaliseHeader)),
  ]);
  return (TABLES[kind][field] ?? []).filter((a) => !elsewhere.has(normaliseHeader(a)));
}

/** Columns a shop's export may carry that no field reads (checked against every alias). */
const JUNK = [
  '序号',
  '备注',
  '门店名称',
  '操作员',
  '商品名称',
  '分期期数',
  '会员号',
  '优惠金额说明',
  'remark',
];
const junkText = fc
  .oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 6 }))
  .filter((t) => !EVERY_ALIAS.has(normaliseHeader(t)));
const preambleRow = fc.oneof(
  fc.constant<RawCell[]>(['交易明细查询']),
  fc.constant<RawCell[]>(['商户名称：', '某某便利店', null, '查询日期：', '2026-08-31']),
  fc.constant<RawCell[]>([]),
  fc.array(fc.oneof(fc.constant(null), junkText, fc.integer()), { maxLength: 6 }),
);
const decoration = fc.constantFrom('', ' ', '\t', '\u3000');

type Column = { text: string; field: AnyField | null };

/**
 * A header for `kind`: the `always` fields plus any of `optional`, each under a random unambiguous
 * alias, mixed with junk columns in a random order.
 */
function headerArb(kind: SourceKind, always: AnyField[], optional: AnyField[]): fc.Arbitrary<Column[]> {
  const fields = [...always, ...optional];
  const choice = fc.record({
    pick: fc.nat(),
    pad: decoration,
    unit: fc.constantFrom('', '(元)', '（元）'),
    keep: fc.boolean(),
  });
  return fc
    .tuple(
      fc.array(choice, { minLength: fields.length, maxLength: fields.length }),
      fc.array(junkText, { maxLength: 5 }),
    )
    .map(([choices, junk]): Column[] => [
      ...fields.flatMap((field, i): Column[] => {
        const c = choices[i]!;
        if (!always.includes(field) && !c.keep) return [];
        const aliases = unambiguousAliases(kind, field);
        const unit = MONEY.has(field) ? c.unit : '';
        return [{ text: `${c.pad}${aliases[c.pick % aliases.length]!}${unit}${c.pad}`, field }];
      }),
      ...junk.map((text): Column => ({ text, field: null })),
    ])
    .chain((cols) => fc.shuffledSubarray(cols, { minLength: cols.length }));
}

const sheet = (cells: RawCell[][]): RawRow[] =>
  cells.map((c, i) => ({ sheet: 'Sheet1', row: i + 1, cells: c }));

function expectFound(kind: SourceKind, header: Column[], preamble: RawCell[][]): void {
  const a = analyse(sheet([...preamble, header.map((c) => c.text), header.map(() => null)]), {
    file: 'fuzz.xlsx',
  });
  expect(a.kind).toBe(kind);
  expect(a.mapping?.headerRows).toEqual([preamble.length + 1]);
  const want = Object.fromEntries(
    header.flatMap((c, col) => (c.field === null ? [] : [[c.field, col] as const])),
  );
  expect(a.mapping?.fields).toMatchObject(want);
  const junkCols = header.flatMap((c, col) => (c.field === null ? [col] : []));
  expect(Object.values(a.mapping?.fields ?? {}).filter((col) => junkCols.includes(col))).toEqual([]);
}

describe('header detection (property)', () => {
  test('every field has an unambiguous alias to draw from', () => {
    for (const kind of ['pos', 'bank'] as const)
      for (const field of Object.keys(TABLES[kind]) as AnyField[])
        if (field !== 'amount' || kind === 'pos')
          expect(unambiguousAliases(kind, field), `${kind}.${field}`).not.toEqual([]);
  });

  test('POS exports: random aliases, order, junk columns and preamble', () => {
    fc.assert(
      fc.property(
        headerArb(
          'pos',
          ['date', 'amount', 'fee', 'refNo', 'terminalId'],
          [
            'merchantNo',
            'time',
            'cardNo',
            'cardKind',
            'channel',
            'txnType',
            'status',
            'settleAmount',
            'settleDate',
            'origRefNo',
            'traceNo',
            'batchNo',
          ],
        ),
        fc.array(preambleRow, { maxLength: 8 }),
        (header, preamble) => expectFound('pos', header, preamble),
      ),
      { numRuns: 200 },
    );
  });

  test('bank statements: random aliases, order, junk columns and preamble', () => {
    fc.assert(
      fc.property(
        headerArb(
          'bank',
          ['date', 'credit', 'debit', 'balance'],
          ['time', 'counterparty', 'counterpartyAccount', 'summary', 'purpose', 'currency'],
        ),
        fc.array(preambleRow, { maxLength: 8 }),
        (header, preamble) => expectFound('bank', header, preamble),
      ),
      { numRuns: 200 },
    );
  });
});
