import type { Locator, Page } from '@playwright/test';

/** `/admin/dspt-status` (system admins): the DSPT status list's upload, the columns used and the runs. */
export class DsptListAdminPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly result: Locator;
  readonly mapping: Locator;
  readonly unknownStatuses: Locator;
  readonly runs: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.form = page.getByTestId('dspt-list-upload-form');
    this.result = page.getByTestId('dspt-list-result');
    this.mapping = page.getByTestId('dspt-list-mapping');
    this.unknownStatuses = page.getByTestId('dspt-list-unknown');
    this.runs = page.getByTestId('dspt-list-runs');
    this.errorSummary = page.locator('.nhsuk-error-summary');
  }

  async upload(name: string, content: string): Promise<void> {
    await this.form
      .getByLabel('Upload the status list (CSV or XLSX)')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
    await this.form.getByRole('button', { name: 'Import list' }).click();
  }

  /** One row of a summary list ("Rows", "Status"): its value. */
  value(list: Locator, label: string): Locator {
    return list
      .locator('.nhsuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').filter({ hasText: label }) })
      .getByRole('definition');
  }
}

/** `/lsp/{slug}/reconciliation`: disagreements with the DSPT status list, and resolving one. */
export class ReconciliationPage {
  readonly heading: Locator;
  readonly items: Locator;
  readonly rows: Locator;
  readonly form: Locator;
  readonly errorSummary: Locator;
  readonly confirmation: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.items = page.getByTestId('reconciliation-items');
    this.rows = this.items.locator('tbody tr');
    this.form = page.getByTestId('reconciliation-form');
    this.errorSummary = page.locator('.nhsuk-error-summary');
    this.confirmation = page.getByTestId('confirmation');
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/reconciliation`);
    await this.heading.waitFor();
  }
}
