import { resolve } from 'node:path';
import { expect, test } from './support/fixtures';
import { EXAMPLE_DIR } from './support/example-data';
import { ImportPage } from './pages/import-page';

const SCREENSHOT = resolve(import.meta.dirname, '../../docs/images/feetrail-overview.png');
const TRANSACTIONS = resolve(import.meta.dirname, '../../docs/images/feetrail-transactions.png');
const EXAMPLE = EXAMPLE_DIR;

test('the overview and the transactions of a book holding the August example, for the README', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.welcome.createBook('张记便利店');
  await expect(app.currentBookName).toHaveText('张记便利店');

  // Both files of the month in one pick: each gets its own preview and is imported on its own.
  await app.goTo('import');
  const importPage = new ImportPage(page);
  await importPage.pickFiles([`${EXAMPLE}/pos_export.xlsx`, `${EXAMPLE}/bank_icbc_corp.xlsx`]);
  for (const name of ['pos_export.xlsx', 'bank_icbc_corp.xlsx']) {
    const card = importPage.preview(name);
    await expect(card.stats).toBeVisible({ timeout: 60_000 });
    await card.settled();
    await card.importButton.click();
    await expect(card.result).toBeVisible({ timeout: 120_000 });
  }
  await expect(importPage.preview('bank_icbc_corp.xlsx').result).toContainText('新增 46 行');

  await app.header.locator('input[type="month"]').fill('2026-08');
  await app.goTo('overview');
  await expect(app.pageTitle()).toHaveText('总览');
  await expect(app.main.locator('table.data-table')).toContainText('1,888');
  await page.screenshot({ path: SCREENSHOT, fullPage: false });

  await app.goTo('transactions');
  await expect(page.getByTestId('ledger-count')).toContainText('1,888');
  await expect(page.locator('.virtual-table tfoot')).toContainText('合计');
  await page.screenshot({ path: TRANSACTIONS, fullPage: false });
});
