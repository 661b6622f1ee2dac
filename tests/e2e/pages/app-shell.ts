import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { BookSwitcherDialog } from './book-switcher-dialog';
import { WelcomePage } from './welcome-page';

export type UiLanguage = 'zh-CN' | 'en';

/** The frame around every area: header (book, month, language), navigation, the main region. */
export class AppShell {
  readonly header: Locator;
  readonly nav: Locator;
  readonly main: Locator;
  readonly languageSelect: Locator;
  readonly bookButton: Locator;
  readonly currentBookName: Locator;
  readonly monthValue: Locator;
  readonly welcome: WelcomePage;

  constructor(readonly page: Page) {
    this.header = page.locator('header.app-header');
    this.nav = page.locator('nav.nav');
    this.main = page.locator('main#main');
    this.languageSelect = this.header.locator('.language-switch select');
    this.bookButton = this.header.locator('.book-button');
    this.currentBookName = page.getByTestId('current-book-name');
    this.monthValue = this.header.locator('.month-value');
    this.welcome = new WelcomePage(page);
  }

  /** Opens the UI through the host's link and waits until the shell has loaded the book state. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.nav).toBeVisible();
    await expect(this.main.locator('h1')).toBeVisible();
  }

  navLink(route: string): Locator {
    return this.nav.locator(`a[data-route="${route}"]`);
  }

  async goTo(route: string): Promise<void> {
    await this.navLink(route).click();
    await expect(this.main).toHaveAttribute('data-route', route);
  }

  async switchLanguage(language: UiLanguage): Promise<void> {
    await this.languageSelect.selectOption(language);
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  async openBookSwitcher(): Promise<BookSwitcherDialog> {
    await this.bookButton.click();
    const dialog = new BookSwitcherDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  pageTitle(): Locator {
    return this.main.locator('h1');
  }
}
