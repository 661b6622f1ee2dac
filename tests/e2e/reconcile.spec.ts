/**
 * Issue 4 through the UI: the August 2026 example month, imported into a fresh book, reconciles on the
 * Reconcile page to exactly the findings of expected.json; a finding shows its arithmetic and source
 * row; triage changes the totals at once and is kept; the rate-card editor's worked example is live.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { parseMoney } from '../../shared/money';
import { ReconcilePage } from './pages/reconcile-page';
import type { ShownFinding } from './pages/reconcile-page';
import { RateCardSettings } from './pages/rate-card-settings';
import { expect, test } from './support/fixtures';
import { importFiles } from './support/import-files';

const EXAMPLE = resolve(import.meta.dirname, '../../../shared/samples/example-2026-08');
const POS = resolve(EXAMPLE, 'pos_export.xlsx');
const BANK = resolve(EXAMPLE, 'bank_icbc_corp.xlsx');

type ExpectedFinding = { kind: string; refNos: string[]; deltaFen: number; date?: string };
const expected = JSON.parse(readFileSync(resolve(EXAMPLE, 'expected.json'), 'utf8')) as {
  findings: ExpectedFinding[];
};

function fenOf(text: string): number {
  const parsed = parseMoney(text);
  if (!parsed.ok || parsed.value === null) throw new Error(`not an amount on screen: ${text}`);
  return parsed.value;
}

const key = (f: { kind: string; refNos: string[]; deltaFen: number }) =>
  `${f.kind}|${[...f.refNos].sort().join(',')}|${f.deltaFen}`;

/** Sheet and row of the POS export that holds `refNo`, read straight from the workbook. */
async function sourceRowOf(refNo: string): Promise<{ sheet: string; row: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(POS);
  for (const sheet of workbook.worksheets) {
    let found: number | null = null;
    sheet.eachRow((row, number) => {
      if (found === null && Array.isArray(row.values) && row.values.some((v) => v === refNo)) found = number;
    });
    if (found !== null) return { sheet: sheet.name, row: found };
  }
  throw new Error(`${refNo} is not in ${POS}`);
}

test.describe('reconciling the August 2026 example month in the UI', () => {
  test('shows exactly the expected findings, explains one, and triage moves the totals', async ({
    app,
    host,
    page,
  }) => {
    await app.welcome.createBook('八月对账');
    await expect(app.currentBookName).toHaveText('八月对账');
    const imported = await importFiles(host, [POS, BANK]);
    expect(imported.map((r) => r.added)).toEqual([1888, 46]);
    await page.reload();
    await expect(app.currentBookName).toHaveText('八月对账');

    await app.header.locator('input.month-picker').fill('2026-08');
    await expect(app.monthValue).toHaveAttribute('data-month', '2026-08');
    await app.goTo('reconcile');
    const reconcile = new ReconcilePage(page);
    await expect(app.main.locator('.empty-state')).toContainText('2026年8月还没有对账');
    await reconcile.run();
    await expect(reconcile.period).toContainText('2026-08-01 至 2026-08-31');
    await expect(reconcile.stale).toHaveCount(0);

    // Every kind, ref no., amount and date of expected.json, and nothing else.
    const shown = await reconcile.shownFindings();
    const asExpected = shown.map((f: ShownFinding) => ({
      kind: f.kind,
      refNos: f.refNos,
      deltaFen: fenOf(f.delta),
    }));
    expect(asExpected.map(key).sort()).toEqual(expected.findings.map(key).sort());
    for (const e of expected.findings) {
      const f = shown.find((x) => x.kind === e.kind);
      if (e.date !== undefined) expect(f?.date, e.kind).toBe(e.date);
    }
    expect(shown.find((f) => f.kind === 'rate_raised')?.refNos).toHaveLength(89);
    expect(shown.every((f) => f.state === 'open')).toBe(true);

    // The 余额调节表: the short settlement day is the whole difference; ¥131.88 at stake.
    await expect(page.getByTestId('summary-difference')).toHaveText('¥36.00');
    await expect(reconcile.atStake).toHaveText('¥131.88');

    // One finding: its sentence with the arithmetic, the steps, and the row of the file it came from.
    const cap = reconcile.group('cap_not_applied');
    const dialog = await reconcile.open(cap.rows.first());
    await expect(dialog.sentence).toContainText('¥13,535.57 × 0.50% = ¥67.67785');
    await expect(dialog.sentence).toContainText('应收 ¥25.00；实收 ¥67.68；多收 ¥42.68');
    await expect(dialog.arithmetic).toContainText('超过封顶，按封顶');
    await expect(dialog.txnRows).toHaveCount(1);
    const source = await sourceRowOf('258000001817');
    await expect(dialog.txnRows.first()).toContainText('258000001817');
    await expect(dialog.txnRows.first()).toContainText(
      `pos_export.xlsx · ${source.sheet} · 第 ${source.row} 行`,
    );
    await expect(dialog.txnRows.first()).toContainText('SHA-256');
    await dialog.closeWithEscape();

    // Dismiss the acquirer's ¥36.00 debit in bulk: a reason is required, then the totals move at once.
    const deduction = reconcile.group('unexpected_deduction');
    await expect(deduction.meta).toHaveText('1 项，合计 ¥36.00');
    await deduction.selectAll.check();
    await expect(reconcile.bulkBar).toContainText('已选 1 项');
    await reconcile.bulkBar.getByRole('button', { name: '排除' }).click();
    const reason = reconcile.reasonDialog();
    await expect(reason).toBeVisible();
    const reasonInput = reason.locator('input[name="reason"]');
    await expect(reasonInput).toBeFocused();
    await reasonInput.press('Enter');
    await expect(reason).toContainText('排除问题需要写明原因');
    await reasonInput.fill('合同约定的年度流量费');
    await reasonInput.press('Enter');
    await expect(reason).toBeHidden();
    await expect(deduction.meta).toContainText('0 项，合计 ¥0.00');
    await expect(deduction.meta).toContainText('另有 1 项已排除');
    await expect(deduction.rows.first()).toHaveAttribute('data-state', 'dismissed');
    await expect(deduction.rows.first()).toContainText('合同约定的年度流量费');
    await expect(reconcile.atStake).toHaveText('¥95.88');

    // Per finding from its detail: to dispute (no reason asked), shown in the dialog and the list.
    const overcharged = reconcile.group('fee_overcharged');
    const detail = await reconcile.open(overcharged.rows.first());
    await detail.root.getByRole('button', { name: '待申诉' }).click();
    await expect(detail.state).toContainText('待申诉');
    await detail.closeWithEscape();
    await expect(overcharged.rows.first()).toHaveAttribute('data-state', 'to_dispute');
    await expect(reconcile.atStake).toHaveText('¥95.88');

    // Accepting from the detail asks for a reason (optional) on top of it; Enter confirms.
    const failed = reconcile.group('fee_on_failed');
    const failedDetail = await reconcile.open(failed.rows.first());
    await failedDetail.root.getByRole('button', { name: '接受' }).click();
    await expect(reconcile.reasonDialog()).toBeVisible();
    await reconcile.reasonDialog().locator('input[name="reason"]').fill('已与拉卡拉确认，下月退回');
    await reconcile.reasonDialog().locator('input[name="reason"]').press('Enter');
    await expect(reconcile.reasonDialog()).toBeHidden();
    await expect(failedDetail.state).toContainText('已接受：已与拉卡拉确认，下月退回');
    await failedDetail.closeWithEscape();
    await expect(reconcile.atStake).toHaveText('¥95.66');

    // Esc cancels the reason dialog and changes nothing.
    await reconcile.group('rate_raised').selectAll.check();
    await reconcile.bulkBar.getByRole('button', { name: '接受' }).click();
    await expect(reconcile.reasonDialog()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(reconcile.reasonDialog()).toBeHidden();
    await expect(reconcile.group('rate_raised').rows.first()).toHaveAttribute('data-state', 'open');

    // The decisions are stored: a new session reads them back from the book.
    await page.reload();
    await expect(reconcile.summary).toBeVisible();
    await expect(reconcile.atStake).toHaveText('¥95.66');
    await expect(deduction.rows.first()).toHaveAttribute('data-state', 'dismissed');
    await expect(overcharged.rows.first()).toHaveAttribute('data-state', 'to_dispute');

    // Reopening puts the money back at stake.
    await deduction.selectAll.check();
    await reconcile.bulkBar.getByRole('button', { name: '重新打开' }).click();
    await expect(deduction.meta).toHaveText('1 项，合计 ¥36.00');
    await expect(reconcile.atStake).toHaveText('¥131.66');
  });
});

test('the rate-card editor shows a live worked example and the service’s problems; reconcile settings are kept', async ({
  app,
  page,
}) => {
  await app.welcome.createBook('费率卡测试');
  await expect(app.currentBookName).toHaveText('费率卡测试');
  await app.goTo('settings');
  const settings = new RateCardSettings(page);
  await expect(settings.card('拉卡拉标准')).toContainText('全部商户和终端');
  await expect(settings.card('拉卡拉标准')).toContainText('自 2000-01-01 起（6 条规则）');

  await settings.edit('拉卡拉标准');
  const credit = settings.rule('credit');
  await expect(settings.example('credit')).toHaveText('¥10,000.00 贷记卡 → ¥60.00');
  await expect(settings.example('debit')).toHaveText('¥10,000.00 借记卡 → ¥25.00');
  await expect(settings.versionExample()).toHaveText('¥10,000.00 贷记卡 → ¥60.00');

  await settings.field(credit, 'ratePercent').fill('0.55');
  await expect(settings.example('credit')).toHaveText('¥10,000.00 贷记卡 → ¥55.00');
  await expect(settings.versionExample()).toHaveText('¥10,000.00 贷记卡 → ¥55.00');
  await settings.exampleAmount.fill('1,234.56');
  await expect(settings.example('credit')).toHaveText('¥1,234.56 贷记卡 → ¥6.79');

  // A rate that is not a number: the service refuses the card and the editor shows where and why.
  await settings.field(credit, 'ratePercent').fill('0.5x');
  await settings.saveButton.click();
  await expect(settings.issues).toContainText('版本 1 · 规则 2 · 费率：费率请填写百分数');
  await expect(settings.field(credit, 'ratePercent')).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.example('credit')).toContainText('先改正这条规则');

  await settings.field(credit, 'ratePercent').fill('0.55');
  await expect(settings.issues).toHaveCount(0);
  await settings.saveButton.click();
  await expect(settings.root).toContainText('已保存费率卡“拉卡拉标准”');

  await page.reload();
  await settings.edit('拉卡拉标准');
  await expect(settings.field(settings.rule('credit'), 'ratePercent')).toHaveValue('0.55');
  await expect(settings.example('credit')).toHaveText('¥10,000.00 贷记卡 → ¥55.00');

  // The reconcile settings beside it: a T+1 cycle, gross settlement and a wider window are kept in the book.
  const reconcileSettings = page.getByTestId('reconcile-settings');
  await reconcileSettings.getByRole('radio', { name: /T\+1/ }).check();
  await expect(reconcileSettings.getByRole('radio', { name: /^差额结算/ })).toBeChecked();
  await reconcileSettings.getByRole('radio', { name: /^全额结算/ }).check();
  await reconcileSettings.getByLabel('到账匹配窗口（天）').fill('5');
  await reconcileSettings.getByRole('button', { name: '保存对账设置' }).click();
  await expect(reconcileSettings).toContainText('已保存对账设置');
  await page.reload();
  await expect(reconcileSettings.getByRole('radio', { name: /T\+1/ })).toBeChecked();
  await expect(reconcileSettings.getByRole('radio', { name: /^全额结算/ })).toBeChecked();
  await expect(reconcileSettings.getByLabel('到账匹配窗口（天）')).toHaveValue('5');
});
