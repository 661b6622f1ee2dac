/**
 * The CSV encoding detector on generated text: a GBK export is never called mixed (a false alarm would
 * block a good file), and a GBK part pasted before a UTF-8 part always is, with the lines named.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, mixedEncoding } from '../../electron/io/csv-encoding';

/** Words real exports are made of: channels, card kinds, types, statuses, bank summaries, shop names. */
const WORDS = [
  '消费',
  '撤销',
  '退货',
  '成功',
  '失败',
  '借记卡',
  '贷记卡',
  '微信',
  '支付宝',
  '云闪付',
  '拉卡拉支付股份有限公司',
  '结算款',
  '服务费',
  '张记面馆',
  '合计',
  '交易日期',
  '金额',
];

const cell = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)),
  fc.stringMatching(/^[0-9]{6,12}$/),
  fc
    .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 6 })
    .map((cs) => String.fromCodePoint(...cs)),
);
const line = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(','));
const lines = fc.array(line, { minLength: 1, maxLength: 60 });

const gbk = (ls: string[]) => iconv.encode(`${ls.join('\r\n')}\r\n`, 'gb18030');
const utf8 = (ls: string[]) => Buffer.from(`${ls.join('\r\n')}\r\n`, 'utf8');

describe('CSV encoding detection', () => {
  it('never calls a GBK file mixed', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        expect(mixedEncoding(gbk(ls), false)).toBeNull();
        expect(detectEncoding(gbk(ls), false).mixed).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never calls a UTF-8 file mixed, nor anything but UTF-8', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const info = detectEncoding(utf8(ls), false);
        expect(info.encoding).toBe('utf-8');
        expect(info.mixed).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('finds a GBK part followed by a UTF-8 part, naming the first line of each', () => {
    const utf8Part = fc.array(line, { minLength: 4, maxLength: 30 }).filter((ls) => {
      const multibyte = [...ls.join('')].filter((c) => c.codePointAt(0)! >= 0x80).length;
      return ls.filter((l) => /[\u4e00-\u9fa5]/.test(l)).length >= 2 && multibyte >= 8;
    });
    // A short GBK line can be valid UTF-8 by accident ("一" is D2 BB): such a line counts as UTF-8.
    const strictUtf8 = (l: string) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(gbk([l]));
        return true;
      } catch {
        return false;
      }
    };
    const gbkOnly = lines.filter((ls) => ls.some((l) => !strictUtf8(l)));
    fc.assert(
      fc.property(gbkOnly, utf8Part, (head, tail) => {
        const info = detectEncoding(Buffer.concat([gbk(head), utf8(tail)]), false);
        expect(info.uncertain).toBe(true);
        const all = [...head.map((l) => ({ l, gbk: true })), ...tail.map((l) => ({ l, gbk: false }))];
        const nonAscii = (l: string) => [...l].some((c) => c.codePointAt(0)! >= 0x80);
        const otherLine = all.findIndex((x) => x.gbk && !strictUtf8(x.l)) + 1;
        const utf8Line = all.findIndex((x) => nonAscii(x.l) && (!x.gbk || strictUtf8(x.l))) + 1;
        expect(info.mixed).toEqual({ otherLine, utf8Line });
      }),
      { numRuns: 200 },
    );
  });

  it('does not judge the line a truncated sample cuts', () => {
    const text = Buffer.concat([
      gbk(['交易日期,金额', '微信,1.00']),
      utf8(['支付宝结算款,2.00', '云闪付服务费,3.00']),
    ]);
    const cut = text.subarray(0, text.length - 4);
    expect(mixedEncoding(cut, true)).toBeNull();
    expect(mixedEncoding(text, false)).toEqual({ otherLine: 1, utf8Line: 3 });
  });
});
