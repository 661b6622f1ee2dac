import { test as base, expect } from '@playwright/test';
import { AppShell } from '../pages/app-shell';
import { closeAllBooks, startHost } from './host';
import type { RunningHost } from './host';

type TestFixtures = {
  /** The UI opened through the host's link with no book open, waiting until the shell is on screen. */
  app: AppShell;
};

type WorkerFixtures = {
  /**
   * One host per worker (starting one takes seconds): fresh data folder, no book open. Every test
   * starts from a closed book and an empty recent list (see `app`) and in a new browser context,
   * so nothing a test did is visible to the next one except the book files, whose names differ.
   */
  host: RunningHost;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startHost({ noDefaultBook: true });
      try {
        await use(host);
      } finally {
        await host.stop();
      }
    },
    { scope: 'worker' },
  ],
  app: async ({ page, host }, use, testInfo) => {
    await closeAllBooks(host);
    const app = new AppShell(page);
    await app.open(host.url);
    await use(app);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('host-output', { body: host.output(), contentType: 'text/plain' });
    }
  },
});

export { expect };
