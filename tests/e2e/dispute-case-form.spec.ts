/**
 * A dispute case as the bookkeeper works it after month end: the case's fields are a form (each caption
 * above its box, wide enough to read), saving says so, a status change started by mistake is cancelled
 * with Esc, and the timeline says what happened in Chinese (which fields were edited, how much was
 * recovered), not the service's keys and fen.
 */
import type { Locator } from '@playwright/test';
import type { DisputeDetail } from '../../shared/api/disputes';
import type { FindingView } from '../../shared/api/reconcile';
import { DisputesPage } from './pages/disputes-page';
import { EXAMPLE_DIR } from './support/example-data';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import type { RunningHost } from './support/host';
import { importFiles } from './support/import-files';

/** A book with the example month reconciled and its overcharged fee and missed cap in one case. */
async function bookWithCase(host: RunningHost, name: string): Promise<DisputeDetail> {
  await callHost(host, 'book:create', { name });
  await importFiles(host, [`${EXAMPLE_DIR}/pos_export.xlsx`, `${EXAMPLE_DIR}/bank_icbc_corp.xlsx`]);
  await callHost(host, 'reconcile:run', { month: '2026-08' });
  const findings = (await callHost(host, 'findings:list', {})) as FindingView[];
  const ids = findings
    .filter((f) => f.kind === 'fee_overcharged' || f.kind === 'cap_not_applied')
    .map((f) => f.id);
  await callHost(host, 'findings:triage', { ids, state: 'to_dispute' });
  return (await callHost(host, 'disputes:create', { findingIds: ids })) as DisputeDetail;
}

/** The caption's box and its control's: stacked means the same left edge, the control below. */
async function expectCaptionAbove(label: Locator): Promise<void> {
  const control = label.locator('input, select, textarea').first();
  const l = await label.boundingBox();
  const c = await control.boundingBox();
  if (l === null || c === null) throw new Error('label or control not laid out');
  expect(Math.abs(c.x - l.x), 'control starts under its caption').toBeLessThan(2);
  expect(c.y, 'control below its caption').toBeGreaterThan(l.y + 10);
  expect(c.width, 'control wide enough to read').toBeGreaterThanOrEqual(200);
}

test('a dispute case: fields under their captions, a save that says so, Esc cancels a status change, a timeline in words', async ({
  app,
  host,
  page,
}) => {
  test.setTimeout(120_000);
  const created = await bookWithCase(host, '申诉表单');
  await page.reload();
  await app.goTo('disputes');
  const disputes = new DisputesPage(page);
  await disputes.cases
    .locator('tbody tr')
    .filter({ hasText: created.case.caseNo })
    .getByRole('button')
    .click();
  await expect(disputes.status).toHaveText('草稿');

  const caseForm = disputes.caseFields.locator('form').first();
  for (const caption of ['标题', '商户名称', '申诉金额（元）', '金额调整原因', '请求事项', '答复期限'])
    await expectCaptionAbove(caseForm.locator('label', { hasText: caption }));
  for (const caption of ['渠道', '工单号', '联系人', '内容'])
    await expectCaptionAbove(disputes.contact.locator('label', { hasText: caption }));

  // Save: it says so, and no longer once the form is edited again.
  await caseForm.getByLabel('商户名称').fill('张记便利店');
  await caseForm.getByLabel('答复期限').fill('2026-09-30');
  await caseForm.getByRole('button', { name: '保存' }).click();
  const saved = page.getByTestId('dispute-saved');
  await expect(saved).toHaveText('已保存');
  await expect(disputes.timeline.filter({ hasText: '修改' })).toContainText('商户名称、答复期限');
  await caseForm.getByLabel('金额调整原因').fill('x');
  await expect(saved).toBeHidden();
  await caseForm.getByLabel('金额调整原因').fill('');

  // A status change opened by mistake: Esc closes it, the keyboard is back on its button.
  const submit = disputes.caseFields.getByRole('button', { name: '改为“已提交”' });
  await submit.click();
  const statusForm = disputes.caseFields.locator('form.status-form');
  await expect(statusForm.getByLabel('备注（可选）')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(statusForm).toBeHidden();
  await expect(submit).toBeFocused();
  await expect(disputes.status).toHaveText('草稿');
  // …and 取消 does the same.
  await submit.click();
  await statusForm.getByRole('button', { name: '取消' }).click();
  await expect(statusForm).toBeHidden();

  // Submitted, then resolved with ¥30.00 back: the timeline says it in yuan.
  await disputes.moveTo('已提交');
  await disputes.caseFields.getByRole('button', { name: '改为“已解决”' }).click();
  await statusForm.getByLabel('追回金额（元）').fill('30.00');
  await statusForm.getByRole('button', { name: '确认' }).click();
  await expect(disputes.status).toHaveText('已解决');
  await expect(disputes.timeline.filter({ hasText: '已解决' })).toContainText('追回 ¥30.00');
  await expect(disputes.timeline.first()).toContainText('2 项问题');
  await expect(page.getByTestId('dispute-timeline')).not.toContainText(/merchantName|deadline|recovered/);
});
