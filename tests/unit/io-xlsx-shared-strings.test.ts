/**
 * The compact shared-string table gives back exactly what was pushed: text of any script (including
 * astral characters and lone surrogates UTF-8 cannot carry), empty strings distinct from null entries,
 * and undefined for indexes the table does not have, as exceljs's array did.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SharedStrings } from '../../electron/io/xlsx-shared-strings';

describe('SharedStrings', () => {
  test('round-trips every entry across growth, nulls and empty strings kept apart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: null }), { maxLength: 3000 }),
        (entries) => {
          const t = new SharedStrings();
          for (const e of entries) t.push(e);
          expect(t.size).toBe(entries.length);
          entries.forEach((e, i) => expect(t.get(i)).toBe(e));
        },
      ),
      { numRuns: 40 },
    );
  });

  test('Chinese text, a long entry and lone surrogates', () => {
    const t = new SharedStrings();
    const long = '拉卡拉商户交易明细'.repeat(20_000);
    const values = ['交易时间', '', null, long, '\ud800x', 'a\udc00', '😀', '822290058120123'];
    for (const v of values) t.push(v);
    values.forEach((v, i) => expect(t.get(i)).toBe(v));
  });

  test('indexes the table does not have give undefined', () => {
    const t = new SharedStrings();
    t.push('x');
    for (const i of [-1, 1, 2.5, Number.NaN, 1e12]) expect(t.get(i)).toBeUndefined();
  });
});
