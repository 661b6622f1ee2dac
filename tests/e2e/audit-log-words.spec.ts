/**
 * The Close page's audit log, read by a bookkeeper at month end: every line names the action in the
 * UI's language and says what it did (the file and its rows, the period and its findings, the case and
 * its status), not the book's stored keys ("rates.saved", "batchId: 2; sha256: …; kind: bank").
 */
import type { FindingView } from '../../shared/api/reconcile';
import type { DisputeDetail } from '../../shared/api/disputes';
import { ClosePage } from './pages/close-page';
import { EXAMPLE_DIR } from './support/example-data';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import { importFiles } from './support/import-files';

test('the audit log says what each action did, in Chinese and in English', async ({ app, host, page }) => {
  test.setTimeout(120_000);
  await callHost(host, 'book:create', { name: '操作日志' });
  await importFiles(host, [`${EXAMPLE_DIR}/pos_export.xlsx`, `${EXAMPLE_DIR}/bank_icbc_corp.xlsx`]);
  await callHost(host, 'reconcile:run', { month: '2026-08' });
  const findings = (await callHost(host, 'findings:list', {})) as FindingView[];
  const capped = findings.filter((f) => f.kind === 'cap_not_applied').map((f) => f.id);
  await callHost(host, 'findings:triage', { ids: capped, state: 'to_dispute' });
  const created = (await callHost(host, 'disputes:create', { findingIds: capped })) as DisputeDetail;
  await callHost(host, 'disputes:setStatus', { id: created.case.id, status: 'submitted' });
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-08');
  await app.goTo('close');
  const close = new ClosePage(page);

  const line = (action: string) => close.audit.locator(`tr[data-action="${action}"]`);
  /** The action's name and its details, as the row shows them. */
  const cells = async (action: string, hasText?: string) => {
    const row = hasText === undefined ? line(action).first() : line(action).filter({ hasText });
    return [await row.locator('td').nth(1).innerText(), await row.locator('td').nth(2).innerText()];
  };
  expect(await cells('import.committed', 'pos_export.xlsx')).toEqual([
    '导入',
    'pos_export.xlsx · POS 交易明细 · 新增 1,888 行，重复 0 行，跳过 0 行',
  ]);
  expect(await cells('reconcile.run')).toEqual(['对账', '2026-08-01 至 2026-08-31 · 8 个问题']);
  expect(await cells('findings.triaged')).toEqual(['处理差异', '1 项 → 待申诉']);
  expect(await cells('rates.saved')).toEqual(['保存费率卡', '“拉卡拉标准”（1 个版本）']);
  expect(await cells('dispute.created')).toEqual(['新建申诉', '案件 1 · 1 项问题，申诉金额 ¥42.68']);
  expect(await cells('dispute.status')).toEqual(['申诉状态', '案件 1 · 草稿 → 已提交']);
  expect((await cells('book.created'))[0]).toBe('新建账本');
  const text = await close.audit.innerText();
  expect(text).not.toMatch(
    /\b(batchId|sha256|fileName|findingIds|recoveredFen|rates\.saved|book\.created)\b/,
  );
  // The time stays on one line beside a long line of details.
  const stamp = close.audit.locator('tbody tr td').first();
  expect((await stamp.boundingBox())?.height ?? 99).toBeLessThan(40);

  await app.switchLanguage('en');
  await expect(
    line('import.committed').filter({ hasText: 'bank_icbc_corp.xlsx' }).locator('td').nth(2),
  ).toHaveText('bank_icbc_corp.xlsx · Bank statement · 46 added, 0 duplicates, 0 skipped');
  expect(await cells('dispute.created')).toEqual(['Dispute opened', 'case 1 · 1 finding, ¥42.68 claimed']);
  expect(await cells('rates.saved')).toEqual(['Rate card saved', '“拉卡拉标准” (1 version)']);
});
