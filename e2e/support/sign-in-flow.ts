import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';
import { MfaEnrolmentPage } from './mfa-enrolment-page';
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

/**
 * First sign-in of an account without MFA while the portal requires it (the demo advisers): sets up an
 * authenticator with the secret the page shows, leaves the recovery codes, and waits until the portal
 * has let the user in. Answers the secret, for signing in again.
 */
export async function signInSettingUpMfa(page: Page, email: string, password = DEMO_PASSWORD): Promise<string> {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.signIn(email, password);
  const enrolment = new MfaEnrolmentPage(page);
  await enrolment.waitUntilShown();
  const secret = await enrolment.secret();
  await enrolment.confirm(await freshTotpCode(secret, email));
  await enrolment.continueButton.click();
  await expect(page).not.toHaveURL(/\/(sign-in|account\/mfa)/);
  return secret;
}
