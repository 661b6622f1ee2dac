/**
 * The app in English, as an accountant or a head office reads it: typographic quotes and apostrophes
 * are drawn as English punctuation (the CJK font drew them full-width: "the app’ s language"), and
 * what the app names itself (the rate-card templates) is in English.
 */
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';

/** The drawn width of the first `char` in the text of `selector`, over the element's font size. */
function glyphWidthInEm(selector: string, char: string): string {
  return `(() => {
    const root = document.querySelector(${JSON.stringify(selector)});
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(${JSON.stringify(char)});
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      return range.getBoundingClientRect().width / size;
    }
    return -1;
  })()`;
}

test('English screens draw ’ and “ ” as English punctuation, not full-width', async ({ app, host, page }) => {
  await callHost(host, 'book:create', { name: 'English' });
  await page.reload();
  await app.switchLanguage('en');
  await app.goTo('settings');
  await expect(app.main.getByText('on the transaction’s date')).toBeVisible();
  const apostrophe = await page.evaluate<number>(glyphWidthInEm('main', '’'));
  expect(apostrophe).toBeGreaterThan(0);
  expect(apostrophe, 'the apostrophe of transaction’s').toBeLessThan(0.5);
  await app.goTo('disputes');
  await expect(app.main.getByText('Mark findings “To dispute”')).toBeVisible();
  const quote = await page.evaluate<number>(glyphWidthInEm('main', '“'));
  expect(quote).toBeGreaterThan(0);
  expect(quote, 'the opening quote of “To dispute”').toBeLessThan(0.6);
});

test('the rate-card templates are named in English on the English Settings page', async ({
  app,
  host,
  page,
}) => {
  await callHost(host, 'book:create', { name: 'Templates' });
  await page.reload();
  await app.switchLanguage('en');
  await app.goTo('settings');
  const templates = page.getByTestId('rate-cards').getByLabel('Template');
  await expect(templates.locator('option')).toHaveText([
    'Lakala standard',
    'Lakala standard (UnionPay QR up to ¥1,000 at the scan rate)',
    'Blank rate card',
  ]);
  await app.switchLanguage('zh-CN');
  await expect(page.getByTestId('rate-cards').getByLabel('模板').locator('option')).toHaveText([
    '拉卡拉标准',
    '拉卡拉标准（云闪付千元以下优惠）',
    '空白费率卡',
  ]);
});
