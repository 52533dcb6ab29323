import { type Locator, type Page, expect } from '@playwright/test';

/** The LSP the reminders test sends emails in and changes (no other test uses it). */
export const REMINDERS_LSP_SLUG = 'norfolk-and-suffolk-care-support';
export const REMINDERS_LSP_NAME = 'Norfolk and Suffolk Care Support';

export const remindersAccounts = {
  /** Seeded without MFA: the test sets it up at the first sign-in. */
  adviser: `adviser@${REMINDERS_LSP_SLUG}.demo.test`,
  /** MFA with the demo secret. */
  admin: `admin@${REMINDERS_LSP_SLUG}.demo.test`,
} as const;

/** `/lsp/{slug}/campaigns`: the cycle's reminder steps; LSP admins change them. */
export class CampaignsPage {
  readonly heading: Locator;
  readonly steps: Locator;
  readonly confirmation: Locator;
  readonly errorSummary: Locator;
  readonly stepsField: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.steps = page.getByTestId('reminder-step');
    this.confirmation = page.getByTestId('cadence-confirmation');
    this.errorSummary = page.getByTestId('error-summary');
    this.stepsField = page.getByLabel('Days before the deadline');
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/campaigns`);
    await this.steps.first().waitFor();
  }

  /** The link of the step `offsetDays` before the deadline, to its audience and delivery log. */
  stepLink(offsetDays: number): Locator {
    return this.page.getByRole('link', { name: `${offsetDays} days before the deadline`, exact: true });
  }

  async saveSteps(days: string): Promise<void> {
    await this.stepsField.fill(days);
    await this.page.getByRole('button', { name: 'Save the steps' }).click();
  }

  async useDefaultSteps(): Promise<void> {
    await this.page.getByRole('button', { name: /^Use the default steps/ }).click();
  }
}

/** `/lsp/{slug}/campaigns/{days}`: who a step emails, and its delivery log. */
export class CampaignStepPage {
  readonly heading: Locator;
  readonly audienceCount: Locator;
  readonly audience: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.audienceCount = page.getByTestId('audience-count');
    this.audience = page.getByTestId('audience-member');
  }

  /** The number of providers "As things stand now it will email N providers". */
  async audienceTotal(): Promise<number> {
    const [, total] = /email ([\d,]+) providers?/.exec(await this.audienceCount.innerText()) ?? [];
    return Number(total.replace(/,/g, ''));
  }
}

/** The provider page's Emails section: its delivery log and the guidance email dialog. */
export class ProviderEmailsSection {
  readonly emails: Locator;
  readonly confirmation: Locator;
  /** Says each guidance email's state as it changes (a polite live region). */
  readonly guidanceStatus: Locator;
  readonly dialog: Locator;
  readonly dialogHeading: Locator;
  /** The open items offered, one checkbox each. */
  readonly dialogItems: Locator;
  readonly dialogContacts: Locator;
  readonly previewText: Locator;
  readonly previewHtml: Locator;
  readonly contacts: Locator;

  constructor(private readonly page: Page) {
    this.emails = page.getByTestId('email');
    this.confirmation = page.getByTestId('emails-confirmation');
    this.guidanceStatus = page.getByTestId('guidance-status');
    this.dialog = page.getByTestId('guidance-dialog');
    this.dialogHeading = this.dialog.getByRole('heading', { level: 2 });
    this.dialogItems = this.dialog.getByTestId('guidance-items').locator('.nhsuk-checkboxes__item');
    this.dialogContacts = this.dialog.getByTestId('guidance-contacts').locator('.nhsuk-checkboxes__item');
    this.previewText = this.dialog.getByTestId('preview-text');
    this.previewHtml = this.dialog.getByTestId('preview-html');
    this.contacts = page.getByTestId('contacts');
  }

  /** The primary contact's email address, from the contacts table. */
  async primaryContactEmail(): Promise<string> {
    const row = this.contacts.locator('tbody tr').filter({ hasText: 'Primary contact' });
    return (await row.getByRole('link', { name: /@/ }).innerText()).trim();
  }

  async openGuidanceDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send a guidance email' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialogHeading).toHaveText('Send a guidance email');
  }

  /** Ticks only these open items (by code) and only the contact with this address, writes the message, and previews. */
  async previewGuidance(message: string, codes: readonly string[], contactEmail: string): Promise<void> {
    for (const box of await this.dialogItems.locator('input').all()) {
      const code = ((await box.getAttribute('id')) ?? '').replace('guidance-item-', '');
      await box.setChecked(codes.includes(code));
    }
    for (const item of await this.dialogContacts.all()) {
      const box = item.locator('input');
      if (await box.isEnabled()) {
        await box.setChecked((await item.innerText()).includes(`(${contactEmail})`));
      }
    }
    await this.dialog.getByLabel('Personal message (optional)').fill(message);
    await this.dialog.getByRole('button', { name: 'Preview the email' }).click();
    await expect(this.dialogHeading).toHaveText('Check the guidance email');
  }

  /** Sends what the preview shows. */
  async sendPreviewed(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Send (\d+ )?guidance emails?$/ }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** `request`: how and when the person asked to get emails again. */
  async resubscribe(contactName: string, request: string): Promise<void> {
    await this.page.getByText(`Resubscribe ${contactName} to emails`, { exact: true }).click();
    await this.page.getByLabel('How and when did they ask to get emails again?').fill(request);
    await this.page.getByRole('button', { name: `Resubscribe ${contactName}`, exact: true }).click();
  }
}

/** `/lsp/{slug}/email-templates` and `/admin/email-templates`: one template's editor, with its preview. */
export class EmailTemplatesPage {
  readonly heading: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly errorSummary: Locator;
  readonly confirmation: Locator;
  readonly previewHtml: Locator;
  readonly previewText: Locator;
  readonly previewSubject: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.subject = page.getByLabel('Subject', { exact: true });
    this.body = page.getByLabel('Body', { exact: true });
    this.errorSummary = page.getByTestId('error-summary');
    this.confirmation = page.getByTestId('template-confirmation');
    this.previewHtml = page.getByTestId('preview-html');
    this.previewText = page.getByTestId('preview-text');
    this.previewSubject = page.getByTestId('preview-subject');
  }

  async choose(template: 'Deadline reminder' | 'Guidance email' | 'Invitation'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Templates' }).getByRole('link', { name: template }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: template })).toBeVisible();
  }

  /** Puts `{{name}}` where the cursor is, as its button in the placeholder list does. */
  async insertPlaceholder(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Insert {{${name}}}`, exact: true }).click();
  }

  /** The error shown on a field (its NHS.UK error message), as in "Error: ..." without the prefix. */
  fieldError(label: 'Subject' | 'Body'): Locator {
    return this.page.locator(`#template-${label.toLowerCase()}-error`);
  }

  async save(label = 'Save'): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  async preview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Preview', exact: true }).click();
  }

  /** The text of the email's HTML part as the sandboxed frame shows it. */
  previewHtmlBody(): Locator {
    return this.page.frameLocator('[data-testid="preview-html"]').locator('body');
  }
}
