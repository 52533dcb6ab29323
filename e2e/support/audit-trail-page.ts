import type { Download, Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** `/lsp/{slug}/audit` (LSP admins): the whole audit trail, searched, paged and downloaded. */
export class AuditTrailPage {
  readonly heading: Locator;
  readonly count: Locator;
  readonly events: Locator;
  readonly filtersDetails: Locator;
  readonly filters: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.count = page.getByTestId('audit-count');
    this.events = page.getByTestId('audit-event');
    this.filtersDetails = page.getByTestId('audit-filters-details');
    this.filters = page.getByTestId('audit-filters');
    this.errorSummary = page.getByTestId('error-summary');
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/audit`);
    await this.heading.waitFor();
  }

  /** Opens the filters when they are folded away (on a phone). */
  async showFilters(): Promise<void> {
    if (!(await this.filtersDetails.evaluate((details) => (details as HTMLDetailsElement).open))) {
      await this.filtersDetails.locator('summary').click();
    }
  }

  /** Types a day (2026-03-05) into the From or To date boxes. */
  async setDate(legend: 'From' | 'To', isoDay: string): Promise<void> {
    const [year, month, day] = isoDay.split('-');
    const group = this.filters.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(day)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year);
  }

  async apply(): Promise<void> {
    await this.filters.getByRole('button', { name: 'Apply filters' }).click();
  }

  /** Follows a download link and answers the file's name and text. */
  async download(link: Locator): Promise<{ filename: string; text: string }> {
    return downloadFrom(this.page, link);
  }
}

/** Follows a download link (a plain GET with the session cookie) and answers the file's name and text. */
export async function downloadFrom(page: Page, link: Locator): Promise<{ filename: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
