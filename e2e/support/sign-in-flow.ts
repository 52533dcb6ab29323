import { expect, type Cookie, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts';
import { MfaEnrolmentPage } from './mfa-enrolment-page';
import { MfaPage } from './mfa-page';
import { readRunState, writeRunState } from './run-state';
import { SignInPage } from './sign-in-page';
import { freshTotpCode } from './totp';

/**
 * Signs in as an account that has MFA set up (the demo admins and programme lead), with a fresh code for
 * its secret, and waits until the portal has left the sign-in pages. Once an account has signed in this
 * way, later tests reuse its session (its cookies, as a browser kept open would) and go straight to
 * `returnUrl`, so a run signs each account in once rather than waiting for a new 30-second code each
 * time; a session that has ended (signed out, say) is signed in again. `fresh` always signs in through
 * the pages, for tests of signing in itself. A fresh sign-in of an account may wait for the next code:
 * give such tests `test.slow()`.
 */
export async function signInWithMfa(
  page: Page,
  email: string,
  options: { password?: string; secret?: string; returnUrl?: string; fresh?: boolean } = {},
): Promise<void> {
  const sessionKey = `session:${email}`;
  const saved = options.fresh ? undefined : readRunState<Cookie[]>(sessionKey);
  if (saved) {
    await page.context().addCookies(saved);
    if ((await page.request.get('/api/auth/me')).ok()) {
      await page.goto(options.returnUrl ?? '/');
      await expect(page).not.toHaveURL(/\/sign-in/);
      return;
    }
    await page.context().clearCookies();
  }
  const signInPage = new SignInPage(page);
  await signInPage.open(options.returnUrl);
  await signInPage.signIn(email, options.password ?? DEMO_PASSWORD);
  const mfaPage = new MfaPage(page);
  await mfaPage.waitUntilShown();
  await mfaPage.enter(await freshTotpCode(options.secret ?? DEMO_TOTP_SECRET, email));
  await expect(page).not.toHaveURL(/\/sign-in/);
  writeRunState(sessionKey, await page.context().cookies());
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
