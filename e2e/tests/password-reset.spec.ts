import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { DEMO_PASSWORD, demoAccounts } from '../support/demo-accounts';
import { Mailbox, passwordResetLinkIn } from '../support/mailbox';
import { MfaEnrolmentPage } from '../support/mfa-enrolment-page';
import { ChooseNewPasswordPage, RequestPasswordResetPage } from '../support/password-reset-pages';
import { SignInPage } from '../support/sign-in-page';

const ADVISER = demoAccounts.otherLspAdviser;
const NEW_PASSWORD = 'Harbour-copper-kettle-2026';

test.describe('forgotten passwords', () => {
  test('an adviser asks for a link from the sign-in page, chooses a new password with it and signs in with that; the link then no longer works', async ({
    page,
  }) => {
    const mailbox = new Mailbox();
    const signInPage = new SignInPage(page);
    const requestPage = new RequestPasswordResetPage(page);
    const choosePage = new ChooseNewPasswordPage(page);

    await signInPage.open();
    await signInPage.forgotPasswordLink.click();
    await expect(page).toHaveURL(/\/password-reset$/);
    await expect(requestPage.heading).toHaveText('Reset your password');
    await expect(page).toHaveTitle('Reset your password – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);

    // The same answer whatever the address; the email goes only to an account's.
    const email = await mailbox.messageSentBy(ADVISER, () => requestPage.askForLink(ADVISER));
    await expect(requestPage.sentHeading).toBeFocused();
    await expect(requestPage.sentMessage).toHaveText(
      `If ${ADVISER} has an account, we have sent it a link to choose a new password. It works for an hour.`,
    );
    await expect(page).toHaveTitle('Check your email – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);
    expect(email.subject).toBe('Reset your DSPT Support Portal password');
    const link = passwordResetLinkIn(email);
    expect(link.origin).toBe(new URL(baseURL).origin);

    await choosePage.open(link);
    await expect(choosePage.heading).toHaveText('Choose a new password');
    await expect(page).toHaveTitle('Choose a new password – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);

    // A password that is too short is refused on its field.
    await choosePage.choose('too short');
    await expect(choosePage.passwordError).toHaveText('Error: Your password must be at least 12 characters');
    await expect(choosePage.errorSummary).toBeFocused();
    await expectNoAccessibilityViolations(page);

    await choosePage.choose(NEW_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(signInPage.notice).toHaveText('Your password has been changed. Sign in with it now.');
    await expectNoAccessibilityViolations(page);

    // The old password no longer works; the new one does (then MFA set-up: this adviser has none yet).
    await signInPage.signIn(ADVISER, DEMO_PASSWORD);
    await expect(signInPage.errorSummary).toContainText('Email address or password is incorrect');
    await signInPage.signIn(ADVISER, NEW_PASSWORD);
    await new MfaEnrolmentPage(page).waitUntilShown();

    // The link works once.
    await choosePage.open(link);
    await choosePage.choose('Lantern-orbit-velvet-2027');
    await expect(choosePage.heading).toHaveText('This password-reset link has expired or been used: ask for a new one');
    await expect(choosePage.heading).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await choosePage.askForNewLink.click();
    await expect(requestPage.heading).toHaveText('Reset your password');
  });
});
