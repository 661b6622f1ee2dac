import { resolve } from 'node:path';
import { expect, test } from './support/fixtures';

const SCREENSHOT = resolve(import.meta.dirname, '../../docs/images/feetrail-overview.png');

test('the overview with a book open, for the README', async ({ app }) => {
  await app.welcome.createBook('张记便利店');
  await expect(app.currentBookName).toHaveText('张记便利店');
  await expect(app.pageTitle()).toHaveText('总览');
  await expect(app.main.locator('table.data-table')).toBeVisible();
  await app.page.screenshot({ path: SCREENSHOT, fullPage: false });
});
