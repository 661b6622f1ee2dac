/**
 * Issue 7 through the UI: the August 2026 example month, reconciled and triaged, is closed on the Close
 * page; the month-end report and the annual fee summary download from the Reports page; reopening
 * needs a reason, and both events show in the audit log.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { ClosePage, ReportsPage } from './pages/close-page';
import { expect, test } from './support/fixtures';
import { callHost } from './support/host';
import { importFiles } from './support/import-files';

const EXAMPLE = resolve(import.meta.dirname, '../../../shared/samples/example-2026-08');

test('closes August 2026, exports both reports and reopens the month with a reason', async ({
  app,
  host,
  page,
}) => {
  test.setTimeout(120_000);
  await app.welcome.createBook('八月月结');
  await importFiles(host, [resolve(EXAMPLE, 'pos_export.xlsx'), resolve(EXAMPLE, 'bank_icbc_corp.xlsx')]);
  const run = (await callHost(host, 'reconcile:run', { month: '2026-08' })) as { findings: { id: number }[] };
  await page.reload();
  await app.header.locator('input.month-picker').fill('2026-08');
  await expect(app.monthValue).toHaveAttribute('data-month', '2026-08');

  await app.goTo('close');
  const close = new ClosePage(page);
  await expect(close.state).toHaveAttribute('data-state', 'open');
  await expect(close.check('triaged')).toHaveAttribute('data-ok', 'false');
  await expect(close.check('triaged')).toContainText('还有 8 条差异未处理');
  await expect(close.closeButton).toBeDisabled();

  // Triage is the Reconcile page's journey; here it is done through the API, then the page is reloaded.
  await callHost(host, 'findings:triage', { ids: run.findings.map((f) => f.id), state: 'accepted' });
  await page.reload();
  await expect(close.check('triaged')).toHaveAttribute('data-ok', 'true');
  for (const id of ['pos_days', 'bank_coverage', 'reconciled'] as const)
    await expect(close.check(id)).toHaveAttribute('data-ok', 'true');
  await close.closeButton.click();
  await expect(close.done).toContainText('已月结');
  await expect(close.state).toHaveAttribute('data-state', 'closed');
  await expect(close.audit.locator('tr[data-action="period.closed"]')).toHaveCount(1);

  await app.goTo('reports');
  const reports = new ReportsPage(page);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    reports.exportButton('month-report', 'pdf').click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('月结报告-2026-08.pdf');
  const pdfBytes = await readFile(await pdf.path());
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(reports.done).toContainText('月结报告-2026-08.pdf');

  await expect(reports.year).toHaveValue('2026');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    reports.exportButton('annual-report', 'xlsx').click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('年度手续费汇总-2026.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsx.path());
  expect(wb.getWorksheet('汇总')?.getCell('A12').value).toBe('2026-08');

  await app.goTo('close');
  await expect(close.reopenButton).toBeDisabled();
  await close.reopenReason.fill('银行补发了流水');
  await close.reopenButton.click();
  await expect(close.state).toHaveAttribute('data-state', 'open');
  await expect(close.audit.locator('tr[data-action="period.reopened"]')).toContainText('银行补发了流水');
});
