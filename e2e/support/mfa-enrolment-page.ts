import type { Locator, Page } from '@playwright/test';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** `/account/mfa`: scan the QR code (or type the key), confirm with a code, save the recovery codes. */
export class MfaEnrolmentPage {
  readonly heading: Locator;
  readonly qrCode: Locator;
  readonly secretKey: Locator;
  readonly code: Locator;
  readonly turnOnButton: Locator;
  readonly recoveryCodes: RecoveryCodesPanel;
  readonly continueButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.qrCode = page.getByRole('img', { name: /QR code/ });
    this.secretKey = page.getByTestId('mfa-secret');
    this.code = page.getByLabel('Enter the 6-digit code the app shows');
    this.turnOnButton = page.getByRole('button', { name: 'Turn on two-factor authentication' });
    this.recoveryCodes = new RecoveryCodesPanel(page);
    this.continueButton = page.getByRole('button', { name: 'I have saved my recovery codes, continue' });
  }

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/\/account\/mfa(\?|$)/);
    await this.secretKey.waitFor();
  }

  /** The key as an authenticator app wants it (the page shows it in groups of four). */
  async secret(): Promise<string> {
    return (await this.secretKey.innerText()).replace(/\s+/g, '');
  }

  async confirm(code: string): Promise<void> {
    await this.code.fill(code);
    await this.turnOnButton.click();
  }
}
