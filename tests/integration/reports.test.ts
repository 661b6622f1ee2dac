import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../../electron/db/book';
import { latestRun, listFindings, triageFindings } from '../../electron/db/findings-repo';
import { FEE_FINDING_KINDS } from '../../shared/domain/reconcile/types';
import { ImportService } from '../../electron/services/import-service';
import { ReconcileService } from '../../electron/services/reconcile-service';
import { ReportService } from '../../electron/services/report-service';
import { chargedFee } from '../../shared/domain/reconcile';
import { CHANNELS } from '../../shared/domain/types';
import { SAMPLES, newBook } from './support/book';

const run = promisify(execFile);
const bin = new URL('../../bin/feetrail.mjs', import.meta.url).pathname;
const EXAMPLE = join(SAMPLES, 'example-2026-08');
const reports = new ReportService(undefined, () => '2026-09-06 10:00:00');
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

type Fig = { turnover: number; fees: number; expected: number; diff: number; recovered: number };
const GROUPS = [...CHANNELS, 'total'] as const;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The book's own figures for 2026, computed here from the stored rows and findings, not by the report's SQL. */
function bookFigures(book: Book): Record<(typeof GROUPS)[number], Fig> {
  const out = Object.fromEntries(
    GROUPS.map((g) => [g, { turnover: 0, fees: 0, expected: 0, diff: 0, recovered: 0 }]),
  ) as Record<(typeof GROUPS)[number], Fig>;
  const rows = book.db
    .prepare(
      `SELECT id, channel, txn_type AS txnType, status, amount_fen AS amountFen, fee_fen AS feeFen,
         settle_fen AS settleFen FROM pos_transactions WHERE txn_date BETWEEN '2026-01-01' AND '2026-12-31'`,
    )
    .all() as Parameters<typeof chargedFee>[0][];
  for (const t of rows) {
    const sign = t.status !== 'success' ? 0 : t.txnType === 'sale' ? 1 : t.txnType === 'reversal' ? 0 : -1;
    for (const g of [t.channel, 'total'] as const) {
      out[g].turnover += sign * t.amountFen;
      out[g].fees += chargedFee(t) ?? 0;
    }
  }
  for (const f of listFindings(book, { from: '2026-01-01', to: '2026-12-31', includeStale: true })) {
    const groups = f.channel ? [f.channel, 'total' as const] : ['total' as const];
    for (const g of groups) {
      if (f.current && (FEE_FINDING_KINDS as readonly string[]).includes(f.kind)) out[g].diff += f.deltaFen;
      out[g].recovered += f.recoveredFen;
    }
  }
  for (const g of GROUPS) out[g].expected = out[g].fees - out[g].diff;
  return out;
}

const fenOf = (yuan: unknown) => Math.round(Number(yuan) * 100);

/** The 合计 row of the summary sheet, per group, in fen, from the given cell reader. */
function totalsOf(cell: (row: number, col: number) => unknown, totalRow: number): Record<string, Fig> {
  return Object.fromEntries(
    GROUPS.map((g, gi) => {
      const c = 2 + gi * 6;
      return [
        g,
        {
          turnover: fenOf(cell(totalRow, c)),
          fees: fenOf(cell(totalRow, c + 1)),
          expected: fenOf(cell(totalRow, c + 3)),
          diff: fenOf(cell(totalRow, c + 4)),
          recovered: fenOf(cell(totalRow, c + 5)),
        },
      ];
    }),
  );
}

describe('annual fee summary and month-end report', () => {
  let dir: string;
  let book: Book;

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feetrail-reports-'));
    book = newBook(dir);
    const imports = new ImportService();
    await imports.importFile(book, join(EXAMPLE, 'pos_export.xlsx'), 'pos_export.xlsx');
    await imports.importFile(book, join(EXAMPLE, 'bank_icbc_corp.xlsx'), 'bank_icbc_corp.xlsx');
    new ReconcileService(() => '2026-09-05 10:00:00').run(book, { month: '2026-08' });
    const findings = listFindings(book, { from: '2026-08-01', to: '2026-08-31' });
    triageFindings(
      book,
      findings.map((f) => f.id),
      'accepted',
      null,
      '2026-09-05 11:00:00',
    );
    // As if a dispute had won back the cap overcharge and a text cell tried to be a formula.
    book.db.prepare("UPDATE findings SET recovered_fen = delta_fen WHERE kind = 'cap_not_applied'").run();
    book.db
      .prepare("UPDATE findings SET triage_reason = '=HYPERLINK(\"x\")' WHERE kind = 'fee_overcharged'")
      .run();
  }, 60_000);

  it('every total of the summary sheet equals the book’s figures, and August equals its reconcile summary', async () => {
    const out = join(dir, 'annual.xlsx');
    writeFileSync(out, await reports.annualReport(book, 2026, 'xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '终端', '差异', '申诉']);
    const ws = wb.getWorksheet('汇总');
    if (!ws) throw new Error('no summary sheet');
    expect(ws.getCell('A17').value).toBe('合计');
    const cached = (r: number, c: number) => {
      const v = ws.getRow(r).getCell(c).value;
      // exceljs writes a cached 0 as <v>0</v> but reads it back as no result.
      return typeof v === 'object' && v !== null && 'formula' in v ? (v.result ?? 0) : v;
    };
    const formula = ws.getCell('B17').value as { formula: string };
    expect(formula.formula).toBe('SUM(B5:B16)');
    const expected = bookFigures(book);
    expect(totalsOf(cached, 17)).toEqual(expected);
    expect(expected.total.recovered).toBeGreaterThan(0);

    const summary = latestRun(book, { from: '2026-08-01', to: '2026-08-31' })?.summary;
    const aug = totalsOf(cached, 12)['total'];
    if (!aug) throw new Error('no August row');
    expect(aug.turnover).toBe(summary?.turnoverFen);
    expect(aug.fees).toBe(summary?.feesChargedFen);
    expect(aug.diff).toBe(summary?.feeDeltaFen);
    expect(ws.getCell('B5').numFmt).toContain('¥#,##0.00');
    expect(ws.getCell('D12').numFmt).toBe('0.00%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:4' });

    const findingsSheet = wb.getWorksheet('差异');
    const texts: string[] = [];
    findingsSheet?.eachRow((row) =>
      row.eachCell((c) => texts.push(typeof c.value === 'string' ? c.value : '')),
    );
    expect(texts).toContain('\'=HYPERLINK("x")');
    expect(texts.some((t) => t.startsWith('='))).toBe(false);
  });

  it.skipIf(!soffice)(
    'LibreOffice recalculating the formulas gets the same totals',
    async () => {
      const src = new ExcelJS.Workbook();
      await src.xlsx.load((await reports.annualReport(book, 2026, 'xlsx')) as unknown as ArrayBuffer);
      // Drop every cached result, so the numbers can only come from LibreOffice evaluating the formulas.
      src.worksheets.forEach((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            const v = c.value;
            if (typeof v === 'object' && v !== null && 'formula' in v && typeof v.formula === 'string')
              c.value = { formula: v.formula, date1904: false };
          }),
        ),
      );
      const stripped = join(dir, 'stripped.xlsx');
      await src.xlsx.writeFile(stripped);
      await run(
        soffice ?? '',
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false',
          '--outdir',
          join(dir, 'csv'),
          stripped,
        ],
        { timeout: 120_000 },
      );
      const lines = readFileSync(join(dir, 'csv', 'stripped.csv'), 'utf8')
        .trim()
        .split('\n');
      const rows = lines.map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
      const totalRow = rows.findIndex((r) => r[0] === '合计');
      expect(totalRow).toBe(16);
      expect(totalsOf((r, c) => rows[r - 1]?.[c - 1], 17)).toEqual(bookFigures(book));
    },
    180_000,
  );

  it('the PDFs read back with the month’s figures', async () => {
    const annual = join(dir, 'annual.pdf');
    writeFileSync(annual, await reports.annualReport(book, 2026, 'pdf'));
    const text = execFileSync('pdftotext', ['-layout', annual, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026 年度手续费汇总');
    expect(text).toContain('¥533,452.90');
    const month = join(dir, 'month.pdf');
    writeFileSync(month, await reports.monthReport(book, '2026-08', 'pdf'));
    const m = execFileSync('pdftotext', ['-layout', month, '-'], { encoding: 'utf8' });
    for (const s of ['2026-08 月结报告', '结算余额调节表', '¥533,452.90', '¥1,499.13', '不明扣款', '已确认'])
      expect(m).toContain(s);
  }, 60_000);

  it('in English: sheet names, headers, names of kinds and states, and the same totals; no Chinese left', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reports.annualReport(book, 2026, 'xlsx', 'en')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Terminals', 'Findings', 'Disputes']);
    const ws = wb.getWorksheet('Summary');
    if (!ws) throw new Error('no summary sheet');
    expect(ws.getCell('A1').value).toBe('Annual fee summary 2026');
    expect(ws.getCell('A3').value).toBe('Month');
    expect(ws.getCell('A17').value).toBe('Total');
    expect(ws.getRow(4).values).toEqual(
      expect.arrayContaining(['Turnover', 'Fees charged', 'Effective rate', 'Expected fees', 'Recovered']),
    );
    const cached = (r: number, c: number) => {
      const v = ws.getRow(r).getCell(c).value;
      return typeof v === 'object' && v !== null && 'formula' in v ? (v.result ?? 0) : v;
    };
    expect(totalsOf(cached, 17)).toEqual(bookFigures(book));
    const findings = wb.getWorksheet('Findings');
    expect(findings?.getRow(3).values).toEqual([
      undefined,
      'Date',
      'Finding',
      'Channel',
      'Terminal',
      'Reference no.',
      'Difference',
      'State',
      'Note',
      'Recovered',
      'Details',
    ]);
    // Every label is English; only text the book holds (the findings' details quote imported names) is not.
    const texts: string[] = [];
    wb.worksheets.forEach((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (!(sheet.name === 'Findings' && Number(c.col) === 10) && typeof c.value === 'string')
            texts.push(c.value);
        }),
      ),
    );
    expect(texts).toContain('Unexpected deduction');
    expect(texts).toContain('Accepted');
    expect(texts.filter((t) => CJK.test(t))).toEqual([]);

    const month = join(dir, 'month-en.pdf');
    writeFileSync(month, await reports.monthReport(book, '2026-08', 'pdf', 'en'));
    const m = execFileSync('pdftotext', ['-layout', month, '-'], { encoding: 'utf8' });
    for (const s of [
      'Month-end report 2026-08',
      'Settlement reconciliation',
      'Outstanding items',
      '¥533,452.90',
      '¥1,499.13',
      'Unexpected deduction',
      'Accepted',
      'Page 1 of',
    ])
      expect(m).toContain(s);
    expect(m.split('\n').filter((line) => CJK.test(line))).toEqual([]);
  }, 60_000);

  it('the CLI closes the month, exports the month-end report and reopens the month with a reason', async () => {
    const path = join(dir, 'shop.feetrail');
    book.db.close();
    const env = { ...process.env, FEETRAIL_DATA_DIR: dir };
    const cli = (...args: string[]) => run(process.execPath, [bin, ...args], { env });
    const closed = await cli('close', '--book', path, '--month', '2026-08', '--no-trade-days', '');
    expect(closed.stdout).toContain('2026-08 已月结');
    const xlsx = join(dir, 'm.xlsx');
    await cli('export', 'month', '--book', path, '--month', '2026-08', '--out', xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '渠道',
      '余额调节表',
      '未达账项',
      '终端',
      '差异',
      '申诉',
    ]);
    const annualEn = join(dir, 'a-en.xlsx');
    await cli('export', 'annual', '--book', path, '--year', '2026', '--out', annualEn, '--lang', 'en');
    const en = new ExcelJS.Workbook();
    await en.xlsx.readFile(annualEn);
    expect(en.getWorksheet('Summary')?.getCell('A1').value).toBe('Annual fee summary 2026');
    const french = join(dir, 'a-fr.xlsx');
    await expect(
      cli('export', 'annual', '--book', path, '--year', '2026', '--out', french, '--lang', 'fr'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('--lang must be zh-CN or en') as unknown });
    expect(existsSync(french)).toBe(false);
    const reopened = await cli('reopen', '--book', path, '--month', '2026-08', '--reason', '补录退货');
    expect(reopened.stdout).toContain('补录退货');
  }, 120_000);
});
