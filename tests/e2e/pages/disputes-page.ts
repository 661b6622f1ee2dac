import { expect } from '@playwright/test';
import type { Download, Locator, Page } from '@playwright/test';

export type ContactEntry = { channel: string; ticketNo?: string; person?: string; note: string };

/** The Disputes (申诉) area: the case list, opening a case from findings, and one case's workflow. */
export class DisputesPage {
  readonly cases: Locator;
  readonly candidates: Locator;
  readonly candidateState: Locator;
  readonly createButton: Locator;
  readonly caseFields: Locator;
  readonly status: Locator;
  readonly caseFindings: Locator;
  readonly contact: Locator;
  readonly timeline: Locator;
  readonly evidence: Locator;
  readonly printed: Locator;

  constructor(readonly page: Page) {
    this.cases = page.getByTestId('dispute-cases');
    this.candidates = page.locator('tr.candidate-row');
    const newCase = page.locator('section[aria-labelledby="new-dispute"]');
    this.candidateState = newCase.getByRole('combobox');
    this.createButton = newCase.getByRole('button', { name: /新建案件|Open a case/ });
    this.caseFields = page.locator('section[aria-labelledby="case-fields"]');
    this.status = page.getByTestId('dispute-status');
    this.caseFindings = page.locator('section[aria-labelledby="case-findings"] tbody tr');
    this.contact = page.locator('section[aria-labelledby="contact-log"]');
    this.timeline = page.getByTestId('dispute-timeline').locator('li');
    this.evidence = page.locator('section[aria-labelledby="case-evidence"]');
    this.printed = page.getByTestId('evidence-done');
  }

  /** The candidate rows of one finding kind (fee_overcharged, cap_not_applied…). */
  candidate(kind: string): Locator {
    return this.candidates.and(this.page.locator(`[data-kind="${kind}"]`));
  }

  /** Ticks the findings of these kinds and opens a case from them; resolves on the case's own view. */
  async createCase(kinds: readonly string[]): Promise<void> {
    for (const kind of kinds) await this.candidate(kind).getByRole('checkbox').check();
    await expect(this.createButton).toContainText(String(kinds.length));
    await this.createButton.click();
    await expect(this.caseFields).toBeVisible();
  }

  /** Fills and submits the contact-log form (channel by its label). */
  async logContact(entry: ContactEntry): Promise<void> {
    await this.contact.getByLabel(/渠道|Channel/).selectOption({ label: entry.channel });
    if (entry.ticketNo !== undefined) await this.contact.getByLabel(/工单号|Ticket no/).fill(entry.ticketNo);
    if (entry.person !== undefined) await this.contact.getByLabel(/联系人|Person/).fill(entry.person);
    await this.contact.getByLabel(/内容|Notes/).fill(entry.note);
    await this.contact.getByRole('button', { name: /记录联系|Log contact/ }).click();
  }

  /** Moves the case to the status shown as `label` (e.g. 已提交), with an optional note. */
  async moveTo(label: string, note?: string): Promise<void> {
    await this.caseFields.getByRole('button', { name: new RegExp(label) }).click();
    const form = this.caseFields.locator('form.status-form');
    if (note !== undefined) await form.getByLabel(/备注|Note/).fill(note);
    await form.getByRole('button', { name: /确认|Confirm/ }).click();
    await expect(this.status).toHaveText(label);
  }

  /** Prints the evidence pack as a PDF and returns the browser's download of it. */
  async downloadPdf(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.evidence.getByRole('button', { name: /PDF/ }).click(),
    ]);
    return download;
  }
}
