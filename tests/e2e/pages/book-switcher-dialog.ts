import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The dialog behind the header's book button: recent books, a new book form, close book. */
export class BookSwitcherDialog {
  readonly root: Locator;
  readonly nameInput: Locator;
  readonly recentItems: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('dialog.dialog[open]');
    this.nameInput = this.root.locator('input[name="bookName"]');
    this.recentItems = this.root.locator('.recent-item');
  }

  recentItem(name: string): Locator {
    return this.recentItems.filter({ has: this.page.locator('.recent-name', { hasText: name }) });
  }

  /** Types a name and presses Enter (the form's default action), then waits for the dialog to close. */
  async createBook(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.nameInput.press('Enter');
    await expect(this.root).toBeHidden();
  }

  async openRecent(name: string): Promise<void> {
    await this.recentItem(name).locator('button').first().click();
    await expect(this.root).toBeHidden();
  }

  async dismissWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.root).toBeHidden();
  }
}
