import type { Locator, Page } from '@playwright/test';
import type { FilePreviewCard } from './import-page';

/** The Import page's mapping-template panel: list, export, delete, import a .json file. */
export class TemplatesPanel {
  readonly root: Locator;
  readonly rows: Locator;
  readonly importButton: Locator;
  readonly message: Locator;
  readonly refused: Locator;
  readonly confirmDelete: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('templates-panel');
    this.rows = this.root.locator('tbody tr');
    this.importButton = this.root.locator('.section-head button');
    this.message = this.root.getByTestId('templates-message');
    this.refused = this.root.getByTestId('templates-refused');
    this.confirmDelete = this.root.locator('dialog[open] button[type="submit"]');
  }

  row(name: string): Locator {
    return this.root.locator(`tbody tr[data-template="${name}"]`);
  }

  exportButton(name: string): Locator {
    return this.row(name).locator('button').first();
  }

  deleteButton(name: string): Locator {
    return this.row(name).locator('button').last();
  }

  /** Uploads a template file through the browser's file chooser. */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles(path);
  }
}

/** The template parts of one file's preview: the name to save it as, and the template recognised. */
export function previewTemplate(card: FilePreviewCard): { saveAs: Locator; recognised: Locator } {
  return {
    saveAs: card.root.locator('.import-actions input[type="text"]'),
    recognised: card.root.getByTestId('preview-template'),
  };
}
