import type { Locator, Page } from '@playwright/test';

/** The Charts area: the rate chart's dots and markers, and the data table behind it. */
export class ChartsPage {
  readonly charts: Locator;
  readonly rateTable: Locator;

  constructor(readonly page: Page) {
    this.charts = page.getByTestId('charts');
    this.rateTable = page.getByTestId('rate-table');
  }

  /** Opens the data table under the rate chart (built only when opened). */
  async openRateTable(): Promise<void> {
    await this.page.locator('[data-chart="rates"] .chart-table summary').click();
  }

  rateRow(channel: string, bucket: string): Locator {
    return this.rateTable.locator(`tr[data-channel="${channel}"][data-bucket="${bucket}"]`);
  }

  rateDot(channel: string, bucket: string): Locator {
    return this.page.locator(
      `[data-chart="rates"] circle.rate-dot[data-channel="${channel}"][data-bucket="${bucket}"]`,
    );
  }

  marker(bucket: string): Locator {
    return this.page.locator(`[data-chart="rates"] path.finding-marker[data-bucket="${bucket}"]`);
  }
}
