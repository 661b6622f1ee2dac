/**
 * The rate chart's contracted-rate lines on the example month: WeChat Pay and Alipay are both
 * contracted at 0.38%, and their two reference lines on the same height wrote their labels over each
 * other ("微信合同费率 0.38%" on "支付宝合同费率 0.38%", unreadable). One line per rate now, labelled for
 * every channel it holds for.
 */
import { ChartsPage } from './pages/charts-page';
import { loadExampleMonth } from './support/example-data';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';

test('contracted rates shared by two channels are one labelled line, and no label covers another', async ({
  app,
  host,
  page,
}) => {
  await callHost(host, 'book:create', { name: '费率线' });
  await loadExampleMonth(host);
  await page.evaluate(() => window.sessionStorage.setItem('feetrail.month', '2026-08'));
  await page.reload();
  await app.goTo('charts');
  await expect(new ChartsPage(page).charts).toBeVisible();
  const labels = page.locator('[data-chart="rates"] svg text').filter({ hasText: '合同费率' });
  await expect(labels).toHaveText(['微信、支付宝合同费率 0.38%', '云闪付合同费率 0.60%']);
  const boxes = await Promise.all((await labels.all()).map((l) => l.boundingBox()));
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      if (a === null || b === null) throw new Error('a label is not drawn');
      const apart =
        a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x;
      expect(apart, 'two labels overlap').toBe(true);
    }

  await app.switchLanguage('en');
  await expect(page.locator('[data-chart="rates"] svg text').filter({ hasText: 'contracted' })).toHaveText([
    'WeChat, Alipay contracted 0.38%',
    'UnionPay QR contracted 0.60%',
  ]);
});
