import type { Locator, Page } from '@playwright/test';

/** `/password-reset`: the email address to send a link to, then a panel saying it is on its way. */
export class RequestPasswordResetPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly sendLinkButton: Locator;
  readonly errorSummary: Locator;
  /** The confirmation panel's heading and its message from the portal. */
  readonly sentHeading: Locator;
  readonly sentMessage: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.email = page.getByLabel('Email address');
    this.sendLinkButton = page.getByRole('button', { name: 'Send link' });
    this.errorSummary = page.getByTestId('error-summary');
    this.sentHeading = page.getByRole('heading', { level: 1, name: 'Check your email' });
    this.sentMessage = page.getByTestId('reset-link-sent');
  }

  async askForLink(email: string): Promise<void> {
    await this.email.fill(email);
    await this.sendLinkButton.click();
  }
}

/** `/password-reset?token=...`: the link in the email; the new password twice. */
export class ChooseNewPasswordPage {
  readonly heading: Locator;
  readonly password: Locator;
  readonly confirmPassword: Locator;
  readonly passwordError: Locator;
  readonly changePasswordButton: Locator;
  readonly errorSummary: Locator;
  /** Shown instead of the form for a link that is not valid, has expired or was used. */
  readonly askForNewLink: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.password = page.getByLabel('New password', { exact: true });
    this.confirmPassword = page.getByLabel('Confirm your new password');
    this.passwordError = page.locator('#password-error');
    this.changePasswordButton = page.getByRole('button', { name: 'Change password' });
    this.errorSummary = page.getByTestId('error-summary');
    this.askForNewLink = page.getByRole('link', { name: 'Ask for a new link' });
  }

  /** Opens the link from the password-reset email. */
  async open(link: URL): Promise<void> {
    await this.page.goto(link.toString());
    await this.password.waitFor();
  }

  async choose(password: string): Promise<void> {
    await this.password.fill(password);
    await this.confirmPassword.fill(password);
    await this.changePasswordButton.click();
  }
}
