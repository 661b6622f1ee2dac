/**
 * Saving a rate card from the keyboard: the editor closes and takes the focused 保存费率卡 button with
 * it. Before, the keyboard was left on the page's body and the view where the long editor had been,
 * far below the 已保存 notice; now both go to the notice.
 */
import { RateCardSettings } from './pages/rate-card-settings';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import { importFiles } from './support/import-files';
import { EXAMPLE_DIR } from './support/example-data';

test('a rate card saved with Enter: the keyboard and the view go to the saved notice', async ({
  app,
  host,
  page,
}) => {
  await callHost(host, 'book:create', { name: '费率卡' });
  // The first import gives the book its default card, 拉卡拉标准.
  await importFiles(host, [`${EXAMPLE_DIR}/bank_icbc_corp.xlsx`, `${EXAMPLE_DIR}/pos_export.xlsx`]);
  await page.reload();
  await app.goTo('settings');
  const rates = new RateCardSettings(page);
  await rates.edit('拉卡拉标准');
  await rates.saveButton.focus();
  await page.keyboard.press('Enter');
  await expect(rates.editor).toBeHidden();
  const notice = rates.root.getByRole('status');
  await expect(notice).toHaveText('已保存费率卡“拉卡拉标准”。重新对账后按新费率核对。');
  await expect(notice).toBeFocused();
  await expect(notice).toBeInViewport();
});
