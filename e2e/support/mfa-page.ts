import type { Locator, Page } from '@playwright/test';

/** `/sign-in/mfa`: the code from the authenticator app (or a recovery code). */
export class MfaPage {
  readonly code: Locator;
  readonly continueButton: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.code = page.getByLabel('Enter the code from your authenticator app');
    this.continueButton = page.getByRole('button', { name: 'Continue' });
    this.errorSummary = page.getByTestId('error-summary');
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/sign-in\/mfa(\?|$)/);
    await this.code.waitFor();
  }

  async enter(code: string): Promise<void> {
    await this.code.fill(code);
    await this.continueButton.click();
  }
}
