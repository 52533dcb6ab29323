import type { Locator, Page } from '@playwright/test';

/** `/sign-in`: email address and password, and the way to reset a forgotten password. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submitButton: Locator;
  readonly errorSummary: Locator;
  readonly forgotPasswordLink: Locator;
  /** The success banner a page that sent the user here can ask for ("Your password has been changed..."). */
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.email = page.getByLabel('Email address');
    this.password = page.getByLabel('Password', { exact: true });
    this.submitButton = page.getByRole('button', { name: 'Sign in' });
    this.errorSummary = page.getByTestId('error-summary');
    this.forgotPasswordLink = page.getByRole('link', { name: 'Forgot your password?' });
    this.notice = page.getByTestId('sign-in-notice');
  }

  async open(returnUrl?: string): Promise<void> {
    await this.page.goto(returnUrl ? `/sign-in?returnUrl=${encodeURIComponent(returnUrl)}` : '/sign-in');
    await this.heading.waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }
}
