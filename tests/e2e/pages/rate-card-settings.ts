import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The rate-card section of Settings: the book's cards and the editor of one. */
export class RateCardSettings {
  readonly root: Locator;
  readonly editor: Locator;
  readonly issues: Locator;
  readonly saveButton: Locator;
  readonly exampleAmount: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('rate-cards');
    this.editor = this.root.locator('form.rate-card-editor');
    this.issues = this.editor.getByTestId('rate-issues');
    this.saveButton = this.editor.getByTestId('save-rate-card');
    this.exampleAmount = this.editor.locator('input[data-path="example"]');
  }

  card(name: string): Locator {
    return this.root.locator(`tr[data-card-name="${name}"]`);
  }

  async edit(name: string): Promise<void> {
    await this.card(name)
      .getByRole('button', { name: /编辑|Edit/ })
      .click();
    await expect(this.editor).toBeVisible();
  }

  rule(id: string): Locator {
    return this.editor.locator(`fieldset.rate-rule[data-rule-id="${id}"]`);
  }

  /** An input of a rule by its JSON field name ("ratePercent", "cap"…). */
  field(rule: Locator, name: string): Locator {
    return rule.locator(`input[data-path$=".${name}"]`);
  }

  /** The worked example under a rule, without its caption. */
  example(ruleId: string): Locator {
    return this.rule(ruleId).getByTestId('rule-example-value');
  }

  versionExample(): Locator {
    return this.editor.getByTestId('version-example').locator('strong');
  }
}
