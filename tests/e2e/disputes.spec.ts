/**
 * Issue 6 through the UI: in a fresh book, the example month is imported and reconciled; its overcharged
 * fee and its cap not applied go "to dispute" on the Reconcile page and become one case on the Disputes
 * page; a hotline call with its ticket number goes into the contact log, the case is marked submitted,
 * and the evidence pack downloads as a PDF whose text (pdftotext) names every disputed ref no., the
 * claimed total, the ticket and the SHA-256 of both imported files.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DisputesPage } from './pages/disputes-page';
import { ReconcilePage } from './pages/reconcile-page';
import { EXAMPLE_DIR } from './support/example-data';
import { expect, test } from './support/fixtures';
import { importFiles } from './support/import-files';

const run = promisify(execFile);
const POS = `${EXAMPLE_DIR}/pos_export.xlsx`;
const BANK = `${EXAMPLE_DIR}/bank_icbc_corp.xlsx`;
const PICKED = ['fee_overcharged', 'cap_not_applied'] as const;

async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

test('a case from two findings: contact log, submitted, evidence pack downloaded as a PDF', async ({
  app,
  host,
  page,
}) => {
  // The whole journey: two imports, a reconciliation and a 7-page print (Chromium) in one test.
  test.setTimeout(180_000);
  await app.welcome.createBook('申诉示例');
  await expect(app.currentBookName).toHaveText('申诉示例');
  await importFiles(host, [POS, BANK]);
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-08');
  await expect(app.monthValue).toHaveAttribute('data-month', '2026-08');

  // Reconcile, then send the overcharged fee and the cap not applied "to dispute".
  await app.goTo('reconcile');
  const reconcile = new ReconcilePage(page);
  await reconcile.run();
  const refNos: string[] = [];
  for (const kind of PICKED) {
    const group = reconcile.group(kind);
    await group.selectAll.check();
    refNos.push(...(await group.rows.locator('.ref-no').allTextContents()).map((r) => r.trim()));
  }
  expect(refNos.sort()).toEqual(['258000000057', '258000001817']);
  await reconcile.bulkBar.getByRole('button', { name: '待申诉' }).click();
  for (const kind of PICKED)
    await expect(reconcile.group(kind).rows.first()).toHaveAttribute('data-state', 'to_dispute');

  // The Disputes page lists them under the Reconcile page's own word for their state.
  await app.goTo('disputes');
  const disputes = new DisputesPage(page);
  await expect(disputes.candidateState.locator('option:checked')).toHaveText('待申诉');
  await expect(disputes.candidates).toHaveCount(2);
  await disputes.createCase(PICKED);
  await expect(disputes.status).toHaveText('草稿');
  await expect(disputes.caseFindings).toHaveCount(2);
  await expect(disputes.caseFields).toContainText('¥43.88');
  const caseNo = (await disputes.caseFields.locator('h2').textContent())?.split(' · ')[0]?.trim() ?? '';
  expect(caseNo).toMatch(/^FT-\d{8}-\d{3}$/);

  // A call to the acquirer's hotline, with its ticket number, then the case goes in.
  await disputes.logContact({
    channel: '客服热线',
    ticketNo: 'LKL-20260905-0417',
    person: '王女士',
    note: '致电 95016 说明多收手续费，对方受理',
  });
  await expect(disputes.timeline.filter({ hasText: 'LKL-20260905-0417' })).toContainText('客服热线');
  await disputes.moveTo('已提交', '已通过热线提交申诉材料');
  await expect(disputes.timeline.filter({ hasText: '已提交' })).toContainText('已通过热线提交申诉材料');

  // The evidence pack, as the browser downloads it.
  const download = await disputes.downloadPdf();
  expect(download.suggestedFilename()).toBe(`申诉材料-${caseNo}.pdf`);
  const pdf = await download.path();
  expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(disputes.printed).toContainText(`申诉材料-${caseNo}.pdf`);
  await expect(disputes.timeline.filter({ hasText: `申诉材料-${caseNo}.pdf` })).toHaveCount(1);

  const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
  const text = stdout.replace(/\s+/g, ' ');
  for (const refNo of refNos) expect(text).toContain(refNo);
  expect(text).toContain('合计 ¥43.88');
  expect(text).toContain(caseNo);
  // The contact and the status change are on the pack's timeline (附件六).
  expect(text).toMatch(/联系 客服热线 LKL-20260905-0417 王女士/);
  expect(text).toContain('→ 已提交 已通过热线提交申诉材料');
  // Every page's footer: the case number, the print date and 第 N 页 / 共 M 页.
  const pages = /第\s*1\s*页\s*\/\s*共\s*(\d+)\s*页/.exec(text)?.[1] ?? '';
  expect(Number(pages)).toBeGreaterThan(1);
  expect(text).toMatch(new RegExp(`第\\s*${pages}\\s*页\\s*/\\s*共\\s*${pages}\\s*页`));
  expect(text.split(`案件编号 ${caseNo} · 打印日期`)).toHaveLength(Number(pages) + 1);
  for (const file of [POS, BANK]) expect(text).toContain(await sha256Of(file));

  // Back on the list, the case shows as submitted with its claim.
  await page.getByRole('button', { name: '返回列表' }).click();
  const row = disputes.cases.locator('tbody tr').filter({ hasText: caseNo });
  await expect(row).toContainText('已提交');
  await expect(row).toContainText('¥43.88');
});
