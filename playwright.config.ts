import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys: the real UI in Debian's Chromium against the browser host (electron/host).
 * Each test gets its own host on a random port with a fresh data folder (tests/e2e/support/host.ts),
 * so tests never share a book. The renderer must be built first (`npm run test:e2e` does it).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
