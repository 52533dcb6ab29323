import type { Locator, Page } from '@playwright/test';

/** `/invitations/accept?token=...&lsp=...`: what the invitation is for, then name and password. */
export class AcceptInvitationPage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly displayName: Locator;
  readonly password: Locator;
  readonly confirmPassword: Locator;
  readonly passwordError: Locator;
  readonly createAccountButton: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.summary = page.getByTestId('invitation-summary');
    this.displayName = page.getByLabel('Full name');
    this.password = page.getByLabel('Create a password');
    this.confirmPassword = page.getByLabel('Confirm your password');
    this.passwordError = page.locator('#password-error');
    this.createAccountButton = page.getByRole('button', { name: 'Create account' });
    this.errorSummary = page.getByTestId('error-summary');
  }

  /** Opens the link from the invitation email. */
  async open(link: URL): Promise<void> {
    await this.page.goto(link.toString());
    await this.summary.waitFor();
  }

  /** The value shown against a key of the invitation summary ("Email address", "Role"...). */
  summaryValue(key: string): Locator {
    return this.summary.locator('.nhsuk-summary-list__row', { hasText: key }).locator('dd');
  }

  async createAccount(displayName: string, password: string): Promise<void> {
    await this.displayName.fill(displayName);
    await this.password.fill(password);
    await this.confirmPassword.fill(password);
    await this.createAccountButton.click();
  }
}
