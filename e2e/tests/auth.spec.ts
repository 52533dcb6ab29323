import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { caseloadUrl } from '../support/caseload-pages';
import { DEMO_LSP_SLUG, DEMO_PASSWORD, demoAccounts } from '../support/demo-accounts';
import { MfaEnrolmentPage } from '../support/mfa-enrolment-page';
import { MfaPage } from '../support/mfa-page';
import { Shell } from '../support/shell';
import { SignInPage } from '../support/sign-in-page';
import { signInWithMfa } from '../support/sign-in-flow';
import { freshTotpCode } from '../support/totp';

const LSP_NAME = 'Tyne and Wear Care Alliance';
const LSP_HOME = caseloadUrl(DEMO_LSP_SLUG);

test.describe('signing in', () => {
  test('an adviser without MFA sets it up at first sign-in, then signs in with a code', async ({ page }) => {
    const signInPage = new SignInPage(page);
    const enrolment = new MfaEnrolmentPage(page);
    const mfaPage = new MfaPage(page);
    const shell = new Shell(page);

    await signInPage.open();
    await expect(page).toHaveTitle('Sign in – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);
    await signInPage.signIn(demoAccounts.lspAdviser, DEMO_PASSWORD);

    // MFA is required and this account has none yet: set it up.
    await enrolment.waitUntilShown();
    await expect(page).toHaveTitle('Set up two-factor authentication – DSPT Support Portal');
    await expect(enrolment.qrCode).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const secret = await enrolment.secret();
    await enrolment.confirm(await freshTotpCode(secret));

    await expect(enrolment.heading).toHaveText('Save your recovery codes');
    await expect(enrolment.recoveryCodes.codes.first()).toHaveText(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    await expectNoAccessibilityViolations(page);
    await enrolment.continueButton.click();

    await expect(page).toHaveURL(LSP_HOME);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caseload');
    await expect(shell.userName).toContainText(`${LSP_NAME} Adviser`);
    await expect(shell.currentLsp).toHaveText(LSP_NAME);
    // An adviser's Manage LSP hub has the import, but not the LSP's users.
    await shell.openHub();
    await expect(shell.manageLink('Import')).toBeVisible();
    await expect(shell.manageLink('Users')).toHaveCount(0);
    await shell.signOut();

    // Next time: password, then a code (for the next time step: the set-up code's step is used up).
    await signInPage.signIn(demoAccounts.lspAdviser, DEMO_PASSWORD);
    await mfaPage.waitUntilShown();
    await expect(page).toHaveTitle('Enter your security code – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);
    await mfaPage.enter(await freshTotpCode(secret));

    await expect(page).toHaveURL(LSP_HOME);
    await expect(shell.userName).toContainText(`${LSP_NAME} Adviser`);
  });

  test('an LSP admin signs in with MFA and manages the LSP users', async ({ page }) => {
    const shell = new Shell(page);

    await signInWithMfa(page, demoAccounts.lspAdmin, { fresh: true });
    await expect(page).toHaveURL(LSP_HOME);
    await shell.openManagePage('Users');

    await expect(page).toHaveURL(new RegExp(`/lsp/${DEMO_LSP_SLUG}/users$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
    await expect(page).toHaveTitle('Users – DSPT Support Portal');
    await expect(page.getByTestId(`member-${demoAccounts.lspAdviser}`)).toContainText(`${LSP_NAME} Adviser`);
    await expect(page.getByTestId(`member-${demoAccounts.lspAdmin}`)).toContainText('(you)');
    await expectNoAccessibilityViolations(page);
  });

  test('a wrong password shows the error summary', async ({ page }) => {
    const signInPage = new SignInPage(page);
    await signInPage.open();

    await signInPage.signIn('nobody@demo.test', 'not the password');

    await expect(signInPage.errorSummary).toContainText('Email address or password is incorrect');
    await expect(signInPage.errorSummary).toBeFocused();
    await expect(page).toHaveTitle('Error: Sign in – DSPT Support Portal');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectNoAccessibilityViolations(page);
  });

  test('an empty form lists what is missing, with links to the fields', async ({ page }) => {
    const signInPage = new SignInPage(page);
    await signInPage.open();

    await signInPage.submitButton.click();

    await expect(signInPage.errorSummary.getByRole('link')).toHaveText([
      'Enter your email address',
      'Enter your password',
    ]);
    await signInPage.errorSummary.getByRole('link', { name: 'Enter your password' }).click();
    await expect(signInPage.password).toBeFocused();
    await expectNoAccessibilityViolations(page);
  });
});
