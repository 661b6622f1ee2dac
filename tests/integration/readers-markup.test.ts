/**
 * Statements that online banks export as a web page's table, or as Excel 2003 XML, under an .xls
 * name: read as Excel reads them, imported and reconciled like any other statement.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../electron/io/read-file';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import type { BankLine } from '../../shared/domain/types';
import { generateCleanMonth, writePosFixture } from '../fixtures/generator';
import { newBook } from './support/book';
import { readAll, withTempDir } from './readers-support';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const HEADER = ['交易时间', '摘要', '收入金额', '支出金额', '余额', '对方户名', '对方账号'];
const cells = (l: BankLine) => [
  l.txnTime,
  l.summary ?? '',
  l.creditFen ? yuan(l.creditFen) : '',
  l.debitFen ? yuan(l.debitFen) : '',
  l.balanceFen === null ? '' : yuan(l.balanceFen),
  l.counterparty ?? '',
  l.counterpartyAccount ?? '',
];

/** A GBK web page: a title row spanning the table, the header, the lines, a totals row. */
function htmlStatement(lines: readonly BankLine[]): Buffer {
  const tr = (cs: readonly string[], tag = 'td') =>
    `<tr>${cs.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
  const html = [
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>',
    '<table border="1">',
    `<tr><td colspan="7">账户明细查询 &nbsp;账号：6222020200001234567</td></tr>`,
    tr(HEADER, 'th'),
    ...lines.map((l) => tr(cells(l))),
    tr(['合计', '', '', '', '', '', '']),
    '</table></body></html>',
  ].join('\n');
  return iconv.encode(html, 'gbk');
}

/** Excel 2003 XML (SpreadsheetML), times as typed DateTime cells and amounts as numbers. */
function xmlStatement(lines: readonly BankLine[]): string {
  const cell = (v: string | number | null, type?: 'DateTime') =>
    v === null || v === ''
      ? '<Cell/>'
      : `<Cell><Data ss:Type="${type ?? (typeof v === 'number' ? 'Number' : 'String')}">${esc(String(v))}</Data></Cell>`;
  const rows = lines.map(
    (l) =>
      `<Row>${[
        cell(`${l.txnTime.replace(' ', 'T')}.000`, 'DateTime'),
        cell(l.summary),
        cell(l.creditFen ? l.creditFen / 100 : null),
        cell(l.debitFen ? l.debitFen / 100 : null),
        cell(l.balanceFen === null ? null : l.balanceFen / 100),
        cell(l.counterparty),
        cell(l.counterpartyAccount),
      ].join('')}</Row>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
    '<Worksheet ss:Name="交易明细"><Table>',
    `<Row>${HEADER.map((h) => cell(h)).join('')}</Row>`,
    ...rows,
    '</Table></Worksheet></Workbook>',
  ].join('\n');
}

describe('web-page and XML .xls statements', () => {
  it('are read by the charset they declare and import and reconcile like any statement', async () => {
    await withTempDir(async (dir) => {
      const { txns, bankLines } = generateCleanMonth({ seed: 41, count: 150, startDate: '2026-08-01' });
      await writePosFixture(join(dir, 'pos.xlsx'), txns);
      const files = { 'bank-html.xls': htmlStatement(bankLines), 'bank-xml.xls': xmlStatement(bankLines) };
      for (const [name, content] of Object.entries(files)) {
        await writeFile(join(dir, name), content);
        const src = await openSource(join(dir, name));
        expect(src.format).toBe('xls');
        const rows = await readAll(join(dir, name));
        expect(rows.some((r) => r.cells.includes('拉卡拉支付股份有限公司'))).toBe(true);

        const book = newBook(join(dir, name.replace('.xls', '')));
        const imports = new ImportService();
        await imports.importFile(book, join(dir, 'pos.xlsx'), 'pos.xlsx');
        const r = await imports.importFile(book, join(dir, name), name);
        expect([name, r.added]).toEqual([name, bankLines.length]);
        const sums = book.db
          .prepare('SELECT sum(credit_fen) AS c, sum(debit_fen) AS d, min(txn_time) AS first FROM bank_lines')
          .get() as { c: number; d: number; first: string };
        expect(sums).toEqual({
          c: bankLines.reduce((s, l) => s + l.creditFen, 0),
          d: bankLines.reduce((s, l) => s + l.debitFen, 0),
          first: [...bankLines].map((l) => l.txnTime).sort()[0],
        });
        expect(
          new ReconcileService(() => '2026-10-05 10:00:00').run(book, { month: '2026-08' }).findings,
        ).toEqual([]);
        expect((await imports.importFile(book, join(dir, name), name)).added).toBe(0);
        book.close();
      }
    });
  });

  it('a GBK page that declares no charset is decoded by detection', async () => {
    await withTempDir(async (dir) => {
      const p = join(dir, 'bank.xls');
      const rows = HEADER.map((h) => `<td>${h}</td>`).join('');
      const line = ['2026-08-01 09:00:00', 'POS结算', '100.00', '', '200.00', '拉卡拉支付股份有限公司', '31']
        .map((c) => `<td>${c}</td>`)
        .join('');
      await writeFile(p, iconv.encode(`<table><tr>${rows}</tr><tr>${line}</tr></table>`.repeat(3), 'gbk'));
      const src = await openSource(p);
      expect(src.encoding?.encoding).toBe('gb18030');
      expect((await readAll(p))[0]?.cells).toEqual(HEADER);
      // A UTF-8 byte-order mark outranks a wrong declaration, as in a browser.
      const bom = join(dir, 'bom.xls');
      const table = `<table><tr>${rows}</tr><tr>${line}</tr></table>`;
      await writeFile(bom, `\uFEFF<html><head><meta charset="gb2312"></head><body>${table}</body></html>`);
      expect((await openSource(bom)).encoding?.encoding).toBe('utf-8');
      expect((await readAll(bom))[0]?.cells).toEqual(HEADER);
    });
  });
});
