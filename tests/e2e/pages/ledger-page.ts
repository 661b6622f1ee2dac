import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Transactions or Bank: filters, the count, the virtualised table and a row's detail dialog. */
export class LedgerPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly totalRow: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.search = page.locator('.filters input[type="search"]');
    this.count = page.getByTestId('ledger-count');
    this.table = page.locator('.virtual-table table');
    this.rows = this.table.locator('tbody tr:not(.spacer):not(.row-loading)');
    this.totalRow = this.table.locator('tfoot tr.total-row');
    this.detail = page.locator('dialog.dialog[open]');
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openRow(text: string): Promise<void> {
    await this.rows.filter({ hasText: text }).first().click();
    await expect(this.detail).toBeVisible();
  }
}
