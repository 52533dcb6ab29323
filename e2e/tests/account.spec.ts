import { expect, test } from '@playwright/test';
import { AccountPage } from '../support/account-page';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { DEMO_TOTP_SECRET, demoAccounts } from '../support/demo-accounts';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';
import { freshTotpCode } from '../support/totp';

test.describe('your account', () => {
  test('a signed-in user gets new recovery codes with a current code, and sees them once', async ({ page }) => {
    // Signing in and confirming each take a code of their own 30-second step: this can wait for the next.
    test.slow();
    const account = new AccountPage(page);
    await signInWithMfa(page, demoAccounts.programmeLead);

    await new Shell(page).accountLink('Your account').click();
    await account.waitUntilShown();
    await expect(page).toHaveTitle('Your account – DSPT Support Portal');
    await expect(account.summary).toContainText(demoAccounts.programmeLead);
    await expectNoAccessibilityViolations(page);

    // A code that is not the app's is refused on the field (a letter can never be right).
    await account.getNewCodes('12345a');
    await expect(account.codeError).toHaveText('Error: The code must be 6 digits, like 123456');
    // The API checks the code with the authenticator's secret (this one is right once in a million tries).
    await account.getNewCodes('000000');
    await expect(account.codeError).toHaveText('Error: Enter the current code from your authenticator app');

    await account.getNewCodes(await freshTotpCode(DEMO_TOTP_SECRET, demoAccounts.programmeLead));
    await expect(account.confirmation).toHaveText('You have new recovery codes. Your old codes no longer work.');
    const codes = await account.newCodes.shownCodes();
    expect(codes).toHaveLength(10);
    const file = await account.newCodes.download();
    expect(file.fileName).toBe('dspt-support-portal-recovery-codes.txt');
    expect(file.text).toContain(codes.join('\n'));
    await expectNoAccessibilityViolations(page);

    // Once saved, they are gone from the page for good.
    await account.savedButton.click();
    await expect(account.newCodes.codes).toHaveCount(0);
    await expect(account.getCodesButton).toBeVisible();
  });
});
