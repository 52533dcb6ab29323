import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** A file the browser downloaded: its name and bytes. */
export interface DownloadedFile {
  name: string;
  content: Buffer;
}

/** `/lsp/{slug}/import` (advisers and admins): the template, the upload, row errors, progress, the counts. */
export class ProviderImportPage {
  readonly heading: Locator;
  readonly errorSummary: Locator;
  readonly fileError: Locator;
  readonly nothingImported: Locator;
  readonly result: Locator;
  readonly counts: Locator;
  readonly viewCaseloadLink: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.errorSummary = page.getByTestId('error-summary');
    this.fileError = page.locator('#import-file-error');
    this.nothingImported = page.getByTestId('nothing-imported');
    this.result = page.getByTestId('import-result');
    this.counts = page.getByTestId('import-counts');
    this.viewCaseloadLink = page.getByRole('link', { name: 'View the caseload' });
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/import`);
    await this.heading.waitFor();
  }

  /** Follows one of the template links ("Download the template as a CSV file") and reads what arrives. */
  async downloadTemplate(linkText: string): Promise<DownloadedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('link', { name: linkText, exact: true }).click(),
    ]);
    return { name: download.suggestedFilename(), content: await readFile(await download.path()) };
  }

  /** Chooses a file with these contents in the upload field and presses "Import providers". */
  async upload(name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.page
      .getByLabel('Upload a CSV or XLSX file', { exact: true })
      .setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
    await this.page.getByRole('button', { name: 'Import providers' }).click();
  }

  /** One figure of the counts after an import ("Providers added"). */
  count(label: string): Locator {
    return this.counts
      .locator('.nhsuk-summary-list__row')
      .filter({ has: this.page.getByRole('term').filter({ hasText: label }) })
      .getByRole('definition');
  }

  /** The lines of the error summary, as shown. */
  async errors(): Promise<string[]> {
    return (await this.errorSummary.locator('li').allInnerTexts()).map((line) => line.trim());
  }
}
