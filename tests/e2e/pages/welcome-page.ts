import type { Locator, Page } from '@playwright/test';

/** What the UI shows while no book is open. */
export class WelcomePage {
  readonly root: Locator;
  readonly heading: Locator;
  readonly nameInput: Locator;
  readonly createButton: Locator;
  readonly formHint: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('article.welcome');
    this.heading = this.root.locator('h1');
    this.nameInput = this.root.locator('input[name="bookName"]');
    this.createButton = this.root.locator('form.create-book-form button[type="submit"]');
    this.formHint = this.root.locator('form.create-book-form .field-hint');
  }

  async createBook(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.createButton.click();
  }
}
