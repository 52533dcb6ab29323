import type { Locator, Page } from '@playwright/test';

/** The LSP the providers test adds a provider to (no other test uses it). */
export const PROVIDERS_LSP_SLUG = 'bristol-and-somerset-care-alliance';

/** `/lsp/{slug}/providers/new` and `.../providers/{id}/edit`, with the provider page's summary banner. */
export class ProviderFormPage {
  readonly heading: Locator;
  readonly odsCode: Locator;
  readonly odsCheck: Locator;
  readonly summaryConfirmation: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.odsCode = page.getByLabel('ODS code', { exact: true });
    this.odsCheck = page.getByTestId('ods-check');
    this.summaryConfirmation = page.getByTestId('summary-confirmation');
  }
}
