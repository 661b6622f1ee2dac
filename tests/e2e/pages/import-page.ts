import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The Import area: pick files, one preview card per file, the import history below. */
export class ImportPage {
  readonly pickButton: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.pickButton = page.locator('.page-header .page-actions button');
    this.history = page.locator('section.import-history');
  }

  /** Chooses files in the browser's file chooser (they are uploaded to the host). */
  async pickFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.pickButton.click();
    await (await chooser).setFiles(paths);
  }

  /** The preview card of a file, or of one sheet of it. */
  preview(fileName: string, sheet?: string): FilePreviewCard {
    const bySheet = sheet === undefined ? '' : `[data-sheet="${sheet}"]`;
    return new FilePreviewCard(this.page.locator(`section.file-preview[data-file="${fileName}"]${bySheet}`));
  }
}

export class FilePreviewCard {
  readonly stats: Locator;
  readonly kindSelect: Locator;
  readonly importButton: Locator;
  readonly blockers: Locator;
  readonly result: Locator;

  constructor(readonly root: Locator) {
    this.stats = root.getByTestId('preview-stats');
    this.kindSelect = root.locator('.preview-options select').first();
    this.importButton = root.locator('.import-actions button.button-primary');
    this.blockers = root.getByTestId('import-blockers');
    this.result = root.locator('.notice-success');
  }

  async openMapping(): Promise<void> {
    const details = this.root.locator('details.mapping-details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  }

  columnSelect(letter: string): Locator {
    return this.root.locator(`.mapping-editor tr[data-column="${letter}"] select`);
  }

  /** Waits until the preview is settled (not re-reading after a change). */
  async settled(): Promise<void> {
    await expect(this.root.locator('.preview-body')).toHaveAttribute('aria-busy', 'false');
  }
}
