/**
 * Month end is done after the month: in November a bookkeeper imports August's files while the app
 * shows November. Before, the import said only "新增 1,888 行", every page stayed on November, empty
 * ("没有符合筛选条件的记录。请放宽筛选条件。", though nothing was filtered), nothing led to August, and
 * November's overview showed its rates as "–%" and offered to reconcile November. Now the import names
 * the file's month with a button to go there, an empty Transactions or Bank page and the overview's
 * next step say which dates the book holds, with the same button, and a month without sales has no
 * rate ("–").
 */
import { ImportPage } from './pages/import-page';
import { LedgerPage } from './pages/ledger-page';
import { EXAMPLE_DIR } from './support/example-data';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import { importFiles } from './support/import-files';

const POS = `${EXAMPLE_DIR}/pos_export.xlsx`;
const BANK = `${EXAMPLE_DIR}/bank_icbc_corp.xlsx`;

test('importing August while November is in focus offers to go to August', async ({ app, host, page }) => {
  test.setTimeout(120_000);
  await callHost(host, 'book:create', { name: '八月账' });
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-11');
  await app.goTo('import');
  const importPage = new ImportPage(page);
  await importPage.pickFiles([POS]);
  const pos = importPage.preview('pos_export.xlsx');
  await expect(pos.stats).toContainText('2026-08-01 至 2026-08-31', { timeout: 60_000 });
  await pos.importButton.click();
  await expect(pos.result).toContainText('新增 1,888 行', { timeout: 120_000 });
  await expect(pos.result).toContainText('这个文件是2026年8月的数据，现在的对账月份是2026年11月。');
  await pos.result.getByRole('button', { name: '转到2026年8月' }).click();
  await expect(app.monthValue).toHaveAttribute('data-month', '2026-08');
  // In August now: nothing more to offer.
  await expect(pos.result.getByRole('button')).toHaveCount(0);
  await app.goTo('transactions');
  await expect(new LedgerPage(page).count).toHaveText('共 1,888 笔');
});

test('an empty Transactions or Bank page says where the book’s rows are, and goes there', async ({
  app,
  host,
  page,
}) => {
  test.setTimeout(120_000);
  await callHost(host, 'book:create', { name: '空的十一月' });
  await importFiles(host, [POS, BANK]);
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-11');
  const ledger = new LedgerPage(page);

  await app.goTo('bank');
  await expect(ledger.count).toHaveText('共 0 条');
  const empty = app.main.locator('.empty-state');
  await expect(empty).toContainText('这段时间没有记录。账本中的记录在 2026-08-02 至 2026-09-01 之间。');
  await empty.getByRole('button', { name: '转到2026年8月' }).click();
  await expect(app.monthValue).toHaveAttribute('data-month', '2026-08');
  await expect(ledger.count).toHaveText('共 45 条');

  // November's overview: no sales, so no rate either ("–", not "–%").
  await app.header.locator('input.month-picker').fill('2026-11');
  await app.goTo('overview');
  const figures = page.getByTestId('overview-figures');
  await expect(figures.locator('[data-figure="turnover"] dd')).toHaveText('¥0.00');
  await expect(figures.locator('[data-figure="effective"] dd')).toHaveText('–');
  await expect(figures.locator('[data-figure="contracted"] dd')).toHaveText('–');
  // Its next step is not "reconcile November": the book's sales are in August.
  const nextStep = page.locator('section.next-step');
  await expect(nextStep).toContainText(
    '2026年11月没有 POS 交易，账本中的交易在 2026-08-01 至 2026-08-31 之间。',
  );
  await nextStep.getByRole('button', { name: '转到2026年8月' }).click();
  await expect(nextStep).toContainText(
    'POS 交易和银行流水都已导入，可以去“对账”页核对2026年8月的手续费和到账。',
  );
  await app.header.locator('input.month-picker').fill('2026-11');

  // A search that finds nothing is still the filters' doing.
  await app.goTo('transactions');
  await ledger.searchFor('999999999999');
  await expect(ledger.count).toHaveText('共 0 笔');
  await expect(empty).toHaveText('没有符合筛选条件的记录。请放宽筛选条件。');
});
