import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_ROW_WITH_FINGERPRINT, listBatches, undoBatch } from '../../electron/db/import-repo';
import { attachmentPathOf, ImportService } from '../../electron/services/import-service';
import type { PosTxn } from '../../shared/domain/types';
import { FeeTrailError } from '../../shared/result';
import { generateBankLines, generatePosTxns, writeBankFixture, writePosFixture } from '../fixtures/generator';
import { SAMPLES, bookCounts, newBook, storedBank, storedPos } from './support/book';
import { sha256Of, useTempDir } from './support/temp';

const imports = new ImportService({}, () => '2026-09-01 10:00:00');

/** The fields an export carries; a layout without a column leaves it null in the book. */
function comparable(t: PosTxn) {
  return {
    time: t.txnTime,
    ref: t.refNo,
    term: t.terminalId,
    amt: t.amountFen,
    fee: t.feeFen,
    type: t.txnType,
    status: t.status,
    channel: t.channel,
    card: t.cardKind,
  };
}

async function expectRefused(fn: () => Promise<unknown>): Promise<FeeTrailError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FeeTrailError);
    return e as FeeTrailError;
  }
  throw new Error('expected the import to be refused');
}

describe('importing POS exports', () => {
  const tempDir = useTempDir();

  const layouts = [
    {
      name: 'xlsx, title and totals rows, text dates',
      file: 'pos.xlsx',
      layout: { titleRows: true, footer: true, dateStyle: 'text' as const },
    },
    {
      name: 'xlsx, Excel serial dates, amounts as text with separators',
      file: 'pos.xlsx',
      layout: { dateStyle: 'serial' as const, amountStyle: 'text-thousands' as const },
    },
    {
      name: 'xlsx, date and time in two columns, real date cells',
      file: 'pos.xlsx',
      layout: { dateTime: 'two' as const, dateStyle: 'date' as const, values: 'long' as const },
    },
    { name: 'legacy xls', file: 'pos.xls', layout: { titleRows: true, footer: true } },
    {
      name: 'GBK csv',
      file: 'pos.csv',
      layout: { titleRows: true, footer: true },
      csv: { encoding: 'gbk' as const },
    },
    {
      name: 'GBK csv, ids, card numbers and times written as ="…" text formulas',
      file: 'pos.csv',
      layout: { titleRows: true, footer: true },
      csv: { encoding: 'gbk' as const, guard: 'formula' as const },
    },
    {
      name: 'UTF-8 csv with BOM, ids, card numbers and times behind a leading tab',
      file: 'pos.csv',
      layout: { footer: true },
      csv: { encoding: 'utf-8-bom' as const, guard: 'tab' as const },
    },
  ];

  for (const l of layouts) {
    it(`stores exactly the generated transactions: ${l.name}`, async () => {
      const dir = tempDir();
      const book = newBook(dir);
      const txns = generatePosTxns({ seed: 11, count: 300 });
      const path = join(dir, l.file);
      await writePosFixture(path, txns, l.layout, l.csv ? { csv: l.csv } : {});
      const r = await imports.importFile(book, path, l.file);
      expect(r.kind).toBe('pos');
      expect(r.added).toBe(txns.length);
      expect(storedPos(book).map(comparable)).toEqual(txns.map(comparable));
      book.close();
    });
  }

  it('importing the same file again adds nothing and records no new batch', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const path = join(dir, 'pos.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 3, count: 120 }), { titleRows: true, footer: true });
    const first = await imports.importFile(book, path, 'pos.xlsx');
    const before = bookCounts(book);
    const again = await imports.importFile(book, path, 'pos.xlsx');
    expect(first.added).toBe(120);
    expect(again).toMatchObject({ added: 0, duplicates: 120, batchId: null });
    expect(bookCounts(book)).toEqual(before);
  });

  it('an overlapping export (1st–15th, then 10th–31st) adds only the new rows', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const txns = generatePosTxns({ seed: 5, count: 620, startDate: '2026-08-01', days: 31 });
    const early = txns.filter((t) => t.txnTime.slice(0, 10) <= '2026-08-15');
    const late = txns.filter((t) => t.txnTime.slice(0, 10) >= '2026-08-10');
    const overlap = early.filter((t) => t.txnTime.slice(0, 10) >= '2026-08-10').length;
    await writePosFixture(join(dir, 'a.xlsx'), early, { titleRows: true });
    await writePosFixture(join(dir, 'b.csv'), late, { footer: true }, { csv: { encoding: 'gbk' } });
    const a = await imports.importFile(book, join(dir, 'a.xlsx'), 'a.xlsx');
    const b = await imports.importFile(book, join(dir, 'b.csv'), 'b.csv');
    expect(a.added).toBe(early.length);
    expect(b.added).toBe(late.length - overlap);
    expect(b.duplicates).toBe(overlap);
    expect(storedPos(book)).toHaveLength(txns.length);
  });

  it('every stored row keeps its file, sheet, row and original cells; the original file is kept by SHA-256', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const txns = generatePosTxns({ seed: 9, count: 40 });
    const path = join(dir, '交易明细.xlsx');
    const written = await writePosFixture(path, txns, { titleRows: true, footer: true });
    await imports.importFile(book, path, '交易明细.xlsx');
    const row = book.db
      .prepare(
        `SELECT s.sheet, s.row_number AS row, s.cells_json AS cells, b.sha256, b.file_name AS fileName
           FROM pos_transactions t JOIN source_rows s ON s.id = t.source_row_id JOIN import_batches b ON b.id = t.batch_id
          WHERE t.ref_no = ?`,
      )
      .get(txns[7]?.refNo) as { sheet: string; row: number; cells: string; sha256: string; fileName: string };
    expect(row.sheet).toBe(written.sheet);
    expect(row.row).toBe(written.firstDataRow + 7);
    expect(row.cells).toContain(txns[7]?.refNo ?? 'missing');
    expect(row.sha256).toBe(sha256Of(path));
    const kept = attachmentPathOf(book, row.sha256, row.fileName);
    expect(existsSync(kept)).toBe(true);
    expect(sha256Of(kept)).toBe(row.sha256);
  });

  it('a 参考号 repeated within one export is said against its first row; one from an earlier import is only a duplicate', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const txns = generatePosTxns({ seed: 8, count: 20 }).filter((t) => t.refNo !== null);
    await writePosFixture(join(dir, 'a.xlsx'), txns.slice(0, 10));
    // Header on row 1: txns[5..] fill rows 2.., so txns[12] is row 9 and txns[15] row 12; repeated below.
    const b = [...txns.slice(5), txns[12], txns[15]].filter((t): t is PosTxn => t !== undefined);
    await writePosFixture(join(dir, 'b.xlsx'), b);
    await imports.importFile(book, join(dir, 'a.xlsx'), 'a.xlsx');
    const r = await imports.importFile(book, join(dir, 'b.xlsx'), 'b.xlsx');
    const repeats = r.issues.filter((i) => i.code === 'duplicate_in_file');
    const last = b.length + 1;
    expect(repeats.map((i) => [i.row, i.params?.value])).toEqual([
      [last - 1, '9'],
      [last, '12'],
    ]);
    expect({ added: r.added, duplicates: r.duplicates }).toEqual({ added: txns.length - 10, duplicates: 7 });
    // Looked up once per row: through the fingerprint's index, never by walking the batch's rows.
    const plan = book.db.prepare(`EXPLAIN QUERY PLAN ${FIRST_ROW_WITH_FINGERPRINT}`).all('x', 1);
    expect(plan.map((p) => (p as { detail: string }).detail)).toEqual([
      'SEARCH source_rows USING INDEX source_rows_fingerprint_idx (fingerprint=?)',
    ]);
  });

  it('undo removes a batch, and a row a later batch also held is handed to that batch instead of lost', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const txns = generatePosTxns({ seed: 21, count: 200 });
    const early = txns.slice(0, 120);
    const late = txns.slice(80);
    await writePosFixture(join(dir, 'a.xlsx'), early);
    await writePosFixture(join(dir, 'b.xlsx'), late);
    const a = await imports.importFile(book, join(dir, 'a.xlsx'), 'a.xlsx');
    await imports.importFile(book, join(dir, 'b.xlsx'), 'b.xlsx');
    const res = undoBatch(book, a.batchId ?? 0, '2026-09-02 09:00:00');
    expect(res).toEqual({ removed: 80, rehomed: 40 });
    expect(
      storedPos(book)
        .map((t) => t.refNo)
        .sort(),
    ).toEqual(late.map((t) => t.refNo).sort());
    expect(listBatches(book).find((b) => b.id === a.batchId)?.status).toBe('undone');
  });
});

describe('importing bank statements', () => {
  const tempDir = useTempDir();
  const layouts = [
    { kind: 'icbc-historydetail' as const, file: 'bank.xlsx' },
    { kind: 'split' as const, file: 'bank.xls' },
    { kind: 'signed' as const, file: 'bank.xlsx' },
    { kind: 'two-row-header' as const, file: 'bank.xlsx' },
    { kind: 'icbc-personal-csv' as const, file: 'bank.csv', csv: { encoding: 'gbk' as const } },
    { kind: 'cmb-personal-csv' as const, file: 'bank.csv', csv: { encoding: 'utf-8-bom' as const } },
    { kind: 'boc-bilingual' as const, file: 'bank.xls' },
  ];
  for (const l of layouts) {
    it(`stores the generated lines with the right dates and signed amounts: ${l.kind}`, async () => {
      const dir = tempDir();
      const book = newBook(dir);
      const lines = generateBankLines({ seed: 4, posTxns: generatePosTxns({ seed: 4, count: 200 }) });
      const path = join(dir, l.file);
      await writeBankFixture(path, lines, { kind: l.kind, empty: '--' }, l.csv ? { csv: l.csv } : {});
      const r = await imports.importFile(book, path, l.file);
      expect(r.kind).toBe('bank');
      expect(r.added).toBe(lines.length);
      const got = storedBank(book).map((b) => ({ d: b.txnTime.slice(0, 10), c: b.creditFen, x: b.debitFen }));
      const want = lines.map((b) => ({ d: b.txnTime.slice(0, 10), c: b.creditFen, x: b.debitFen }));
      expect([...got].sort((p, q) => (p.d + p.c + p.x < q.d + q.c + q.x ? -1 : 1))).toEqual(
        [...want].sort((p, q) => (p.d + p.c + p.x < q.d + q.c + q.x ? -1 : 1)),
      );
    });
  }

  it('bilingual headers and 付款人/收款人 columns: the counterparty is the payer of money in, the payee of money out', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const lines = generateBankLines({ seed: 6, posTxns: generatePosTxns({ seed: 6, count: 120 }) });
    expect(lines.some((l) => l.debitFen > 0) && lines.some((l) => l.creditFen > 0)).toBe(true);
    const path = join(dir, 'boc.xlsx');
    await writeBankFixture(path, lines, { kind: 'boc-bilingual' });
    expect((await imports.importFile(book, path, 'boc.xlsx')).added).toBe(lines.length);
    const side = (l: {
      txnTime: string;
      creditFen: number;
      counterparty: string | null;
      counterpartyAccount: string | null;
    }) => `${l.txnTime} ${l.creditFen} ${l.counterparty ?? '-'} ${l.counterpartyAccount ?? '-'}`;
    expect(storedBank(book).map(side).sort()).toEqual(lines.map(side).sort());
  });

  it('two genuinely identical lines of one statement are both kept; re-importing adds neither again', async () => {
    const dir = tempDir();
    const book = newBook(dir);
    const lines = generateBankLines({ seed: 8, posTxns: generatePosTxns({ seed: 8, count: 60 }) });
    const twin = { ...lines[3]!, balanceFen: null };
    const withTwins = [...lines.slice(0, 3), twin, twin, ...lines.slice(4)];
    const path = join(dir, 'bank.xlsx');
    await writeBankFixture(path, withTwins, { kind: 'split' });
    const r = await imports.importFile(book, path, 'bank.xlsx');
    expect(r.added).toBe(withTwins.length);
    await writeBankFixture(join(dir, 'again.xlsx'), withTwins, { kind: 'split', sheet: 'Other' });
    const again = await imports.importFile(book, join(dir, 'again.xlsx'), 'again.xlsx');
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(withTwins.length);
  });
});

describe('the sample files', () => {
  const tempDir = useTempDir();
  const banks: [string, number][] = [
    ['icbc-personal-debit.csv', 11],
    ['icbc-personal-credit.csv', 9],
    ['ccb-personal.xls', 6],
    ['spdb-personal-debit.xls', 4],
    ['cmb-personal-pc.csv', 2],
    ['abc-personal.xlsx', 2],
  ];
  for (const [file, count] of banks) {
    it(`bank/${file} imports ${count} lines`, async () => {
      const book = newBook(tempDir());
      const r = await imports.importFile(book, join(SAMPLES, 'bank', file), file);
      expect(r).toMatchObject({ kind: 'bank', added: count });
      for (const l of storedBank(book)) {
        expect(l.txnTime).toMatch(/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
        expect(l.creditFen === 0 || l.debitFen === 0).toBe(true);
        expect(l.creditFen + l.debitFen).toBeGreaterThan(0);
      }
    });
  }

  it('the example month imports completely, and again adds nothing', async () => {
    const book = newBook(tempDir());
    const pos = await imports.importFile(
      book,
      join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'),
      'pos_export.xlsx',
    );
    const bank = await imports.importFile(
      book,
      join(SAMPLES, 'example-2026-08', 'bank_icbc_corp.xlsx'),
      'bank_icbc_corp.xlsx',
    );
    expect(pos.added).toBe(1888);
    expect(bank.added).toBe(46);
    const byTerminal = book.db
      .prepare(
        'SELECT terminal_id AS t, count(*) AS n, sum(fee_fen) AS fee FROM pos_transactions GROUP BY terminal_id',
      )
      .all();
    expect((byTerminal as { t: string; n: number }[]).map(({ t, n }) => ({ t, n }))).toEqual([
      { t: 'A8837261', n: 958 },
      { t: 'A8837262', n: 930 },
    ]);
    expect((book.db.prepare('SELECT sum(fee_fen) AS f FROM pos_transactions').get() as { f: number }).f).toBe(
      149913,
    );
    const before = bookCounts(book);
    const again = await imports.importFile(
      book,
      join(SAMPLES, 'example-2026-08', 'pos_export.xlsx'),
      'pos_export.xlsx',
    );
    expect(again.added).toBe(0);
    expect(bookCounts(book)).toEqual(before);
  });
});

describe('bad files are refused with a located message and change nothing', () => {
  const tempDir = useTempDir();

  async function refusedUnchanged(path: string, name: string) {
    const book = newBook(tempDir());
    const before = bookCounts(book);
    const e = await expectRefused(() => imports.importFile(book, path, name));
    expect(bookCounts(book)).toEqual(before);
    book.close();
    return e;
  }

  it('an image', async () => {
    const path = join(tempDir(), 'photo.xlsx');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const e = await refusedUnchanged(path, 'photo.xlsx');
    expect(e.code).toBe('file_unsupported');
    expect(e.message).toContain('photo.xlsx');
  });

  it('a text file renamed to .xlsx', async () => {
    const path = join(tempDir(), 'notes.xlsx');
    writeFileSync(path, 'just some notes\nnothing tabular\n');
    const e = await refusedUnchanged(path, 'notes.xlsx');
    expect(e.code).toBe('file_unsupported');
  });

  it('a file with no recognisable header', async () => {
    const path = join(tempDir(), 'list.csv');
    writeFileSync(path, '名称,数量\n苹果,3\n梨,4\n');
    const e = await refusedUnchanged(path, 'list.csv');
    expect(e.code).toBe('import_ambiguous');
  });

  it('a truncated .xlsx', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.xlsx');
    await writePosFixture(path, generatePosTxns({ seed: 1, count: 50 }));

    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await refusedUnchanged(path, 'pos.xlsx');
    expect(['file_unreadable', 'file_unsupported']).toContain(e.code);
  });

  it('an unparseable amount names its row and column, and nothing of the file is kept', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.csv');
    const txns = generatePosTxns({ seed: 2, count: 30 });
    const w = await writePosFixture(path, txns, { titleRows: true });

    const text = readFileSync(path, 'utf8');
    const amountText = (txns[4]!.amountFen / 100).toFixed(2);
    const lines = text.split('\n');
    const target = w.firstDataRow + 4 - 1;
    lines[target] = lines[target]!.replace(amountText, '12,3x');
    writeFileSync(path, lines.join('\n'));
    const e = await refusedUnchanged(path, 'pos.csv');
    expect(e.code).toBe('import_invalid');
    expect(e.details).toMatchObject({ row: w.firstDataRow + 4 });
    expect(String(e.details?.['column'])).toMatch(/^[A-Z]+$/);
  });

  it('an unparseable date names its row, and nothing of the file is kept', async () => {
    const dir = tempDir();
    const path = join(dir, 'pos.csv');
    const txns = generatePosTxns({ seed: 2, count: 30 });
    const w = await writePosFixture(path, txns, {});

    const lines = readFileSync(path, 'utf8').split('\n');
    const target = w.firstDataRow + 2 - 1;
    lines[target] = lines[target]!.replace(txns[2]!.txnTime, '2026-13-45 25:00:00');
    writeFileSync(path, lines.join('\n'));
    const e = await refusedUnchanged(path, 'pos.csv');
    expect(e.code).toBe('import_invalid');
    expect(e.details).toMatchObject({ row: w.firstDataRow + 2 });
  });
});
