import type { Locator, Page } from '@playwright/test';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** `/account`: the signed-in user's details, and new recovery codes. */
export class AccountPage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly code: Locator;
  readonly codeError: Locator;
  readonly getCodesButton: Locator;
  readonly confirmation: Locator;
  readonly newCodes: RecoveryCodesPanel;
  readonly savedButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.summary = page.getByTestId('account-summary');
    this.code = page.getByLabel('Enter the 6-digit code from your authenticator app');
    this.codeError = page.locator('#code-error');
    this.getCodesButton = page.getByRole('button', { name: 'Get new recovery codes' });
    this.confirmation = page.getByTestId('confirmation');
    this.newCodes = new RecoveryCodesPanel(page);
    this.savedButton = page.getByRole('button', { name: 'I have saved my new recovery codes' });
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/account$/);
    await this.summary.waitFor();
  }

  async getNewCodes(code: string): Promise<void> {
    await this.code.fill(code);
    await this.getCodesButton.click();
  }
}
