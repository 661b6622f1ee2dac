import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCleanMonth, posSheet, writeXlsx } from '../fixtures/generator';
import { expect, test } from './support/fixtures';
import { EXAMPLE_DIR } from './support/example-data';
import { ImportPage } from './pages/import-page';
import { LedgerPage } from './pages/ledger-page';

const EXAMPLE = EXAMPLE_DIR;

test.describe('importing the August example through the UI', () => {
  test.setTimeout(180_000);

  test('preview, correct a column, import, find a transaction by its ref no., and re-import adds nothing', async ({
    app,
    page,
  }) => {
    await app.welcome.createBook('八月示例');
    await app.goTo('import');
    const importPage = new ImportPage(page);

    await importPage.pickFiles([`${EXAMPLE}/pos_export.xlsx`]);
    const pos = importPage.preview('pos_export.xlsx');
    await expect(pos.stats).toContainText('数据 1,888 行', { timeout: 60_000 });
    await expect(pos.stats).toContainText('2026-08-01 至 2026-08-31');
    await expect(pos.kindSelect).toHaveValue('pos');
    // The example prints fees the usual way (a sale's fee positive).
    await expect(pos.root.getByLabel('手续费记法')).toHaveValue('charge');

    // Correct one mapping: the original ref no. column (H) is not needed for this month's check.
    await pos.openMapping();
    await expect(pos.columnSelect('H')).toHaveValue('origRefNo');
    await pos.columnSelect('H').selectOption('');
    await pos.settled();
    await expect(pos.columnSelect('H')).toHaveValue('');
    await expect(pos.stats).toContainText('可导入 1,888 行');

    await pos.importButton.click();
    await expect(pos.result).toContainText('新增 1,888 行', { timeout: 120_000 });
    await expect(importPage.history.locator('tbody tr')).toHaveCount(1);

    // Find a transaction by its ref no. in August and see where it came from.
    await app.goTo('transactions');
    await app.header.locator('input[type="month"]').fill('2026-08');
    await expect(app.monthValue).toHaveAttribute('data-month', '2026-08');
    const txns = new LedgerPage(page);
    await expect(txns.count).toContainText('共 1,888 笔');
    // Ctrl+F goes to the search box, as in Excel.
    await page.keyboard.press('Control+f');
    await expect(txns.search).toBeFocused();
    await page.keyboard.type('258000000057');
    await expect(txns.count).toContainText('共 1 笔');
    await expect(txns.rows).toHaveCount(1);
    await expect(txns.rows.first()).toContainText('258000000057');
    await expect(txns.totalRow).toContainText('合计');
    await txns.openRow('258000000057');
    await expect(txns.detail).toContainText('pos_export.xlsx');
    await page.keyboard.press('Escape');
    await expect(txns.detail).toBeHidden();

    // The same file again: recognised, and nothing is added twice.
    await app.goTo('import');
    await importPage.pickFiles([`${EXAMPLE}/pos_export.xlsx`]);
    const again = importPage.preview('pos_export.xlsx');
    await expect(again.root.locator('.notice').first()).toContainText('已经导入过', { timeout: 60_000 });
    await again.importButton.click();
    await expect(again.result).toContainText('新增 0 行', { timeout: 120_000 });
  });
});

test('a refused file says, in Chinese, which file and what is wrong with it', async ({ app, page }) => {
  await app.welcome.createBook('坏文件');
  await app.goTo('import');
  const importPage = new ImportPage(page);
  const dir = await mkdtemp(join(tmpdir(), 'feetrail-e2e-refused-'));
  try {
    // A download cut short: the first half of a real export. And a PDF saved under a spreadsheet name.
    const whole = await readFile(`${EXAMPLE}/pos_export.xlsx`);
    await writeFile(join(dir, '交易明细-半截.xlsx'), whole.subarray(0, whole.length >> 1));
    await writeFile(join(dir, '对账单.xls'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    await importPage.pickFiles([join(dir, '交易明细-半截.xlsx'), join(dir, '对账单.xls')]);

    const cut = importPage.preview('交易明细-半截.xlsx').root.getByRole('alert');
    await expect(cut).toContainText('“交易明细-半截.xlsx”已损坏或不完整', { timeout: 60_000 });
    await expect(cut).toContainText('请重新导出或重新下载');
    const pdf = importPage.preview('对账单.xls').root.getByRole('alert');
    await expect(pdf).toContainText('“对账单.xls”是 PDF 文件，不是表格', { timeout: 60_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a workbook with a sheet per month: its other sheet is previewed in one click and imported on its own', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.welcome.createBook('分月工作簿');
  await app.goTo('import');
  const importPage = new ImportPage(page);
  const dir = await mkdtemp(join(tmpdir(), 'feetrail-e2e-sheets-'));
  try {
    const aug = generateCleanMonth({ seed: 5, count: 40, startDate: '2026-08-01' }).txns;
    const sep = generateCleanMonth({ seed: 6, count: 30, startDate: '2026-09-01' }).txns;
    const file = join(dir, '分月交易明细.xlsx');
    await writeXlsx(file, [
      { ...posSheet(aug).grid, sheet: '8月' },
      { sheet: '说明', rows: [{ row: 1, cells: ['本文件由商户后台导出'] }] },
      { ...posSheet(sep).grid, sheet: '9月' },
    ]);
    await importPage.pickFiles([file]);
    const august = importPage.preview('分月交易明细.xlsx', '8月');
    await expect(august.stats).toContainText(`数据 ${aug.length} 行`, { timeout: 60_000 });
    const other = august.root.getByTestId('other-sheets');
    await expect(other).toContainText('其他工作表（9月）也有同类数据');
    await other.getByRole('button', { name: '逐个预览这 1 个工作表' }).click();
    await expect(other).toBeHidden();

    const september = importPage.preview('分月交易明细.xlsx', '9月');
    await expect(september.root.locator('h2')).toHaveText('分月交易明细.xlsx · 工作表“9月”');
    await expect(september.stats).toContainText(`数据 ${sep.length} 行`, { timeout: 60_000 });
    await expect(september.stats).toContainText('2026-09-01 至');

    await august.importButton.click();
    await expect(august.result).toContainText(`新增 ${aug.length} 行`, { timeout: 60_000 });
    await september.importButton.click();
    await expect(september.result).toContainText(`新增 ${sep.length} 行`, { timeout: 60_000 });
    await expect(importPage.history.locator('tbody tr')).toHaveCount(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('two columns that look like one field: keeping the one already chosen settles it in one click', async ({
  app,
  page,
}) => {
  await app.welcome.createBook('重复列');
  await app.goTo('import');
  const importPage = new ImportPage(page);
  const dir = await mkdtemp(join(tmpdir(), 'feetrail-e2e-duplicate-'));
  try {
    const file = join(dir, '两列金额.csv');
    await writeFile(
      file,
      [
        '交易时间,参考号,卡类型,交易金额,手续费,交易金额,交易状态',
        '2026-08-01 10:00:00,100000000001,借记卡,100.00,0.50,100.00,成功',
        '2026-08-01 11:00:00,100000000002,贷记卡,200.00,1.20,200.00,成功',
      ].join('\n'),
    );
    await importPage.pickFiles([file]);
    const preview = importPage.preview('两列金额.csv');
    await expect(preview.blockers).toContainText('有的列需要确认', { timeout: 60_000 });
    await expect(preview.importButton).toBeDisabled();
    await preview.openMapping();
    // Column D already feeds 交易金额; choosing it again in its list would change nothing.
    await expect(preview.columnSelect('D')).toHaveValue('amount');
    await preview.root
      .locator('.mapping-editor tr[data-column="D"]')
      .getByRole('button', { name: '确认这一列' })
      .click();
    await preview.settled();
    await expect(preview.blockers).toBeHidden();
    await expect(preview.root.locator('.mapping-editor tr.is-unclear')).toHaveCount(0);
    await preview.importButton.click();
    await expect(preview.result).toContainText('新增 2 行', { timeout: 60_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
