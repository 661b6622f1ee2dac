import { expect, test } from './support/fixtures';

test.describe('the renderer shell through the browser host', () => {
  test('a new user switches to English, creates a book and finds it in the recent list', async ({
    app,
    page,
  }) => {
    // Chinese by default, with the welcome screen while no book is open.
    await expect(app.welcome.heading).toHaveText('欢迎使用 FeeTrail 手续费对账');
    await expect(app.navLink('transactions')).toHaveText('交易');
    await expect(app.currentBookName).toHaveText('未打开账本');

    await app.switchLanguage('en');
    await expect(app.welcome.heading).toHaveText('Welcome to FeeTrail');
    await expect(app.navLink('overview')).toHaveText('Overview');
    await expect(app.navLink('bank')).toHaveText('Bank');
    await expect(app.navLink('reconcile')).toHaveText('Reconcile');

    await app.welcome.createBook('Corner Shop 便利店');
    await expect(app.currentBookName).toHaveText('Corner Shop 便利店');
    await expect(app.pageTitle()).toHaveText('Overview');
    await expect(app.main.getByText('This book is empty')).toBeVisible();

    const switcher = await app.openBookSwitcher();
    const item = switcher.recentItem('Corner Shop 便利店');
    await expect(item).toBeVisible();
    await expect(item).toContainText('open now');
    await switcher.dismissWithEscape();

    // The language is remembered and the token left the address bar but still works after a reload.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(app.navLink('overview')).toHaveText('Overview');
    await expect(app.currentBookName).toHaveText('Corner Shop 便利店');
  });

  test('switching between two books from the recent list', async ({ app }) => {
    await app.welcome.createBook('甲店');
    await expect(app.currentBookName).toHaveText('甲店');

    const first = await app.openBookSwitcher();
    await first.createBook('乙店');
    await expect(app.currentBookName).toHaveText('乙店');

    const second = await app.openBookSwitcher();
    await expect(second.recentItem('甲店')).toBeVisible();
    await second.openRecent('甲店');
    await expect(app.currentBookName).toHaveText('甲店');
    await expect(app.main.getByTestId('overview-book')).toContainText('甲店');
  });

  test('a book name the file system cannot take is explained before anything is sent', async ({ app }) => {
    await app.welcome.createBook('a/b');
    await expect(app.welcome.formHint).toContainText('不能包含');
    await expect(app.welcome.nameInput).toHaveAttribute('aria-invalid', 'true');
    await expect(app.currentBookName).toHaveText('未打开账本');
  });

  test('creating a book whose name is taken says so politely', async ({ app }) => {
    await app.welcome.createBook('重名店');
    await expect(app.currentBookName).toHaveText('重名店');
    const switcher = await app.openBookSwitcher();
    await switcher.nameInput.fill('重名店');
    await switcher.nameInput.press('Enter');
    await expect(switcher.root.getByRole('alert')).toContainText('已经有同名的账本');
    await switcher.dismissWithEscape();
  });

  test('empty areas say how to get data in and link to Import', async ({ app, page }) => {
    await app.welcome.createBook('空账本');
    await expect(app.currentBookName).toHaveText('空账本');

    await app.goTo('transactions');
    await expect(app.main).toContainText('还没有交易。请先在“导入”页导入 POS 交易明细。');
    await app.main.getByRole('link', { name: '去导入' }).click();
    await expect(app.main).toHaveAttribute('data-route', 'import');
    expect(new URL(page.url()).hash).toBe('#/import');

    for (const route of ['bank', 'reconcile', 'charts', 'disputes', 'close', 'reports']) {
      await app.goTo(route);
      await expect(app.main.locator('.empty-state')).toBeVisible();
    }
  });

  test('the month in focus is always in the header and moves month by month', async ({ app }) => {
    const start = await app.monthValue.getAttribute('data-month');
    expect(start).toMatch(/^\d{4}-\d{2}$/);
    await app.header.getByRole('button', { name: '上个月' }).click();
    await expect(app.monthValue).not.toHaveAttribute('data-month', start ?? '');
    await app.header.getByRole('button', { name: '下个月' }).click();
    await expect(app.monthValue).toHaveAttribute('data-month', start ?? '');
    await expect(app.monthValue).toHaveText(/\d{4}年\d{1,2}月/);
  });

  test('settings switch the language too and show where the data lives', async ({ app, host }) => {
    await app.goTo('settings');
    await expect(app.pageTitle()).toHaveText('设置');
    await expect(app.main).toContainText(host.dataDir);
    await app.main.getByRole('radio', { name: 'English' }).check();
    await expect(app.pageTitle()).toHaveText('Settings');
    await expect(app.languageSelect).toHaveValue('en');
  });
});

test('a newcomer opens a sample book from the welcome screen in one click', async ({ app }) => {
  test.setTimeout(120_000);
  await app.welcome.root.getByRole('button', { name: '打开示例账本' }).click();
  await expect(app.currentBookName).not.toHaveText('未打开账本', { timeout: 90_000 });
  await expect(app.pageTitle()).toHaveText('总览');
  await expect(app.main.locator('table.data-table')).toBeVisible();
});
