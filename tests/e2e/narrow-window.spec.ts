/**
 * The month-end pages in a 1024×700 window (a small laptop, or the app beside the bank's site): the
 * Reconcile page's finding tables keep every column in view, their 查看 / Open button included, and
 * the window itself never scrolls sideways. Before, each of the example month's 8 tables was 33–156 px
 * too wide and hid the button behind its own scrollbar, and a caption hidden for screen readers poked
 * out of them and made the whole window scroll sideways.
 */
import { ReconcilePage } from './pages/reconcile-page';
import { EXAMPLE_DIR } from './support/example-data';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import { importFiles } from './support/import-files';

test('at 1024×700 the Reconcile page shows every column of every finding table, in Chinese and English', async ({
  app,
  host,
  page,
}) => {
  test.setTimeout(120_000);
  await callHost(host, 'book:create', { name: '窄窗口' });
  await importFiles(host, [`${EXAMPLE_DIR}/pos_export.xlsx`, `${EXAMPLE_DIR}/bank_icbc_corp.xlsx`]);
  await callHost(host, 'reconcile:run', { month: '2026-08' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-08');
  await app.goTo('reconcile');
  const reconcile = new ReconcilePage(page);
  await expect(reconcile.rows).toHaveCount(8);

  for (const language of ['zh-CN', 'en'] as const) {
    await app.switchLanguage(language);
    const tables = page.locator('.finding-group .table-scroll');
    await expect(tables).toHaveCount(8);
    for (const table of await tables.all()) {
      const [scroll, client] = await table.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll, `${language}: a finding table wider than its place`).toBeLessThanOrEqual(client);
    }
    const mainRight = await app.main.evaluate((m) => m.getBoundingClientRect().right);
    for (const open of await reconcile.rows.getByRole('button').all()) {
      const box = await open.boundingBox();
      expect((box?.x ?? 9999) + (box?.width ?? 0), `${language}: 查看 in view`).toBeLessThanOrEqual(
        mainRight,
      );
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  }
});
