import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** A finding as the Reconcile page lists it, read from the screen. */
export type ShownFinding = {
  id: number;
  kind: string;
  date: string;
  /** The 差额 column as printed ("¥42.68"). */
  delta: string;
  refNos: string[];
  state: string;
};

/** The Reconcile area: run button, summary (余额调节表), findings by kind, bulk triage. */
export class ReconcilePage {
  readonly runButton: Locator;
  readonly period: Locator;
  readonly summary: Locator;
  readonly atStake: Locator;
  readonly stale: Locator;
  readonly bulkBar: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.runButton = page.getByTestId('run-reconcile');
    this.period = page.getByTestId('reconcile-period');
    this.summary = page.locator('section.reconcile-summary');
    this.atStake = page.getByTestId('summary-at-stake');
    this.stale = page.getByTestId('reconcile-stale');
    this.bulkBar = page.getByTestId('bulk-bar');
    this.rows = page.locator('tr.finding-row');
  }

  /** Runs the reconciliation of the month in focus and waits for its results on screen. */
  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.runButton).toBeEnabled({ timeout: 30_000 });
    await expect(this.summary).toBeVisible();
  }

  group(kind: string): FindingGroupSection {
    return new FindingGroupSection(
      this.page,
      this.page.locator(`section.finding-group[data-kind="${kind}"]`),
    );
  }

  /** Every finding listed, with all its ref nos (long lists are expanded first). */
  async shownFindings(): Promise<ShownFinding[]> {
    const collapsed = this.page.locator('.ref-nos button[aria-expanded="false"]');
    for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) {
      await collapsed.first().click();
    }
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => {
        const cell = (col: string) => row.querySelector(`[data-col="${col}"]`)?.textContent?.trim() ?? '';
        return {
          id: Number(row.getAttribute('data-finding-id')),
          kind: row.closest('section.finding-group')?.getAttribute('data-kind') ?? '',
          date: cell('date'),
          delta: cell('delta'),
          refNos: Array.from(row.querySelectorAll('.ref-no')).map((el) => el.textContent?.trim() ?? ''),
          state: row.getAttribute('data-state') ?? '',
        };
      }),
    );
  }

  /** Opens a finding's detail from its row. */
  async open(row: Locator): Promise<FindingDialog> {
    await row.getByRole('button', { name: /查看|Open/ }).click();
    const dialog = new FindingDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  /** The dialog that asks why (accept, dismiss). */
  reasonDialog(): Locator {
    return this.page.locator('dialog[open]').filter({ has: this.page.locator('form.triage-reason') });
  }
}

export class FindingGroupSection {
  readonly meta: Locator;
  readonly rows: Locator;
  readonly selectAll: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {
    this.meta = root.getByTestId('group-meta');
    this.rows = root.locator('tr.finding-row');
    this.selectAll = root.locator('thead input[type="checkbox"]');
  }
}

export class FindingDialog {
  readonly root: Locator;
  readonly sentence: Locator;
  readonly arithmetic: Locator;
  readonly state: Locator;
  readonly txnRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('dialog[open]').filter({ has: page.locator('.finding-detail') });
    this.sentence = this.root.getByTestId('finding-sentence');
    this.arithmetic = this.root.getByTestId('finding-arithmetic');
    this.state = this.root.getByTestId('finding-state');
    this.txnRows = this.root.locator('table.finding-txns tbody tr');
  }

  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
