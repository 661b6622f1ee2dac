/**
 * The Transactions table by keyboard alone: Tab onto it, ↓ to a row, Enter opens its detail with
 * where it came from, Esc closes it and the keyboard is back on the row, End goes to the last of the
 * month's 1,888 rows, Home to the first. Before, the rows could not be reached from the keyboard at all
 * (each was tabindex -1 and the table had no keys), and Enter on a row that had the focus opened its
 * detail and closed it again at once (the same Enter reached the dialog's close button).
 */
import { LedgerPage } from './pages/ledger-page';
import { EXAMPLE_DIR } from './support/example-data';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import { importFiles } from './support/import-files';

test('the Transactions table by keyboard: ↓ Enter Esc End Home', async ({ app, host, page }) => {
  test.setTimeout(120_000);
  await callHost(host, 'book:create', { name: '键盘' });
  await importFiles(host, [`${EXAMPLE_DIR}/pos_export.xlsx`]);
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-08');
  await app.goTo('transactions');
  const ledger = new LedgerPage(page);
  await expect(ledger.count).toHaveText('共 1,888 笔');

  await page.getByRole('button', { name: '清除筛选' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: '交易' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = ledger.table.locator('tbody tr[aria-rowindex="3"]');
  await expect(second).toBeFocused();
  await expect(second).toContainText('258000000002');

  await page.keyboard.press('Enter');
  await expect(ledger.detail).toBeVisible();
  await expect(ledger.detail).toContainText('258000000002');
  await expect(ledger.detail).toContainText('pos_export.xlsx');
  await page.keyboard.press('Escape');
  await expect(ledger.detail).toBeHidden();
  await expect(second).toBeFocused();

  await page.keyboard.press('End');
  await expect(ledger.table.locator('tbody tr[aria-rowindex="1889"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(ledger.table.locator('tbody tr[aria-rowindex="2"]')).toBeFocused();
  // Tab leaves the table: one stop for its rows, not 1,888.
  await page.keyboard.press('Tab');
  await expect(ledger.table.locator('tbody tr:focus')).toHaveCount(0);
});
