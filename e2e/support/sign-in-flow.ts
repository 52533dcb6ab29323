import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';
import { MfaPage } from './mfa-page';
import { SignInPage } from './sign-in-page';
import { freshTotpCode } from './totp';

/**
 * Signs in as an account that has MFA set up (the demo admins and programme lead), with a fresh code for
 * its secret, and waits until the portal has left the sign-in pages. A second sign-in of the same account
 * may wait for the next 30-second code: give such tests `test.slow()`.
 */
export async function signInWithMfa(
  page: Page,
  email: string,
  options: { password?: string; secret?: string; returnUrl?: string } = {},
): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.open(options.returnUrl);
  await signInPage.signIn(email, options.password ?? DEMO_PASSWORD);
  const mfaPage = new MfaPage(page);
  await mfaPage.waitUntilShown();
  await mfaPage.enter(await freshTotpCode(options.secret ?? DEMO_TOTP_SECRET, email));
  await expect(page).not.toHaveURL(/\/sign-in/);
}
