/**
 * Mapping templates (issue #3): a corrected mapping saved as a template while importing, listed on the
 * Import page, exported as a .json download, deleted, imported back from that file (a file that is
 * not a template is refused and changes nothing), and recognised by the next file of the same layout.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { EXAMPLE_DIR } from './support/example-data';
import { ImportPage } from './pages/import-page';
import { TemplatesPanel, previewTemplate } from './pages/templates-panel';

const NAME = '拉卡拉明细（不用原参考号）';

test('save a corrected mapping as a template, export, delete, import it back, and see it recognised', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'feetrail-e2e-templates-'));
  await app.welcome.createBook('模板示例');
  await app.goTo('import');
  const importPage = new ImportPage(page);
  const templates = new TemplatesPanel(page);
  await expect(templates.root).toContainText('还没有模板');

  // Correct one mapping (column H, the original ref no., is not used) and save it as a template.
  await importPage.pickFiles([`${EXAMPLE_DIR}/pos_export.xlsx`]);
  const pos = importPage.preview('pos_export.xlsx');
  await expect(pos.stats).toContainText('数据 1,888 行', { timeout: 60_000 });
  await expect(previewTemplate(pos).recognised).toBeHidden();
  await pos.openMapping();
  await expect(pos.columnSelect('H')).toHaveValue('origRefNo');
  await pos.columnSelect('H').selectOption('');
  await pos.settled();
  await previewTemplate(pos).saveAs.fill(NAME);
  await pos.importButton.click();
  await expect(pos.result).toContainText('新增 1,888 行', { timeout: 120_000 });

  // Listed with its kind and the layout's header.
  await expect(templates.rows).toHaveCount(1);
  const row = templates.row(NAME);
  await expect(row).toContainText('POS 交易明细');
  await expect(row).toContainText('交易时间');
  await expect(row).toContainText('还没用过');

  // Export: a .json download holding the corrected mapping.
  const [download] = await Promise.all([page.waitForEvent('download'), templates.exportButton(NAME).click()]);
  expect(download.suggestedFilename()).toBe(`${NAME}.feetrail-template.json`);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const shared = JSON.parse(await readFile(file, 'utf8')) as {
    name: string;
    mapping: { kind: string; fields: Record<string, number> };
  };
  expect(shared.name).toBe(NAME);
  expect(shared.mapping.kind).toBe('pos');
  expect(shared.mapping.fields).not.toHaveProperty('origRefNo');
  expect(shared.mapping.fields).toHaveProperty('refNo');

  // Delete, after confirming.
  await templates.deleteButton(NAME).click();
  await templates.confirmDelete.click();
  await expect(templates.message).toContainText(`已删除模板“${NAME}”`);
  await expect(templates.rows).toHaveCount(0);

  // A file that is not JSON is refused, and nothing changes.
  const broken = join(dir, 'broken.json');
  await writeFile(broken, '{"name": "半截', 'utf8');
  await templates.importFile(broken);
  await expect(templates.refused).toContainText('“broken.json”不是 JSON 文件');
  await expect(templates.rows).toHaveCount(0);

  // The downloaded file brings it back.
  await templates.importFile(file);
  await expect(templates.message).toContainText(`已导入模板“${NAME}”`);
  await expect(templates.row(NAME)).toBeVisible();

  // The next file of the same layout is recognised and mapped as corrected.
  await app.goTo('overview');
  await app.goTo('import');
  await importPage.pickFiles([`${EXAMPLE_DIR}/pos_export.xlsx`]);
  const again = importPage.preview('pos_export.xlsx');
  await expect(previewTemplate(again).recognised).toContainText(NAME, { timeout: 60_000 });
  await again.openMapping();
  await expect(again.columnSelect('H')).toHaveValue('');
});
