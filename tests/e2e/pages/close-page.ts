import type { Locator, Page } from '@playwright/test';

/** The Close (月结) area: checklist, close button, reopen form, audit log. */
export class ClosePage {
  readonly state: Locator;
  readonly checklist: Locator;
  readonly closeButton: Locator;
  readonly reopenReason: Locator;
  readonly reopenButton: Locator;
  readonly audit: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.state = page.getByTestId('close-state');
    this.checklist = page.getByTestId('close-checklist');
    this.closeButton = page.getByTestId('close-month');
    this.reopenReason = page.getByTestId('reopen-reason');
    this.reopenButton = page.getByTestId('reopen-month');
    this.audit = page.getByTestId('audit-log');
    this.done = page.getByTestId('close-done');
  }

  check(id: 'pos_days' | 'bank_coverage' | 'reconciled' | 'triaged'): Locator {
    return this.page.getByTestId(`check-${id}`);
  }
}

/** The Reports (报表) area: month-end report and annual summary exports. */
export class ReportsPage {
  readonly done: Locator;
  readonly year: Locator;

  constructor(readonly page: Page) {
    this.done = page.getByTestId('report-done');
    this.year = page.getByTestId('report-year');
  }

  exportButton(report: 'month-report' | 'annual-report', format: 'pdf' | 'xlsx'): Locator {
    return this.page.getByTestId(`${report}-${format}`);
  }
}
