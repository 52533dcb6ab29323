import { expect, test } from '@playwright/test';
import { AcceptInvitationPage } from '../support/accept-invitation-page';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { caseloadUrl } from '../support/caseload-pages';
import { DEMO_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { LspUsersPage } from '../support/lsp-users-page';
import { Mailbox } from '../support/mailbox';
import { MfaEnrolmentPage } from '../support/mfa-enrolment-page';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';
import { freshTotpCode } from '../support/totp';
import { baseURL } from '../playwright.config';

const LSP_NAME = 'Tyne and Wear Care Alliance';
const NEW_PASSWORD = 'Lantern-orbit-velvet-2026';

test.describe('invitations by email', () => {
  test('someone an LSP admin invites opens the emailed link, sets up their account and MFA, and is in the LSP; the admin can reset that MFA', async ({
    browser,
    page,
  }) => {
    // The admin may have signed in during this 30-second step already: the next code can take a while.
    test.slow();
    const mailbox = new Mailbox();
    const invitee = Mailbox.uniqueAddress('adviser');

    // The admin invites them from the users page.
    const usersPage = new LspUsersPage(page);
    await signInWithMfa(page, demoAccounts.lspAdmin, { returnUrl: `/lsp/${DEMO_LSP_SLUG}/users` });
    await expect(usersPage.heading).toHaveText('Users');
    await usersPage.invite(invitee, 'Adviser');
    await expect(usersPage.confirmation).toHaveText(`We have sent an invitation to ${invitee}.`);

    const email = await mailbox.latestMessageTo(invitee);
    expect(email.subject).toBe(`Your invitation to ${LSP_NAME} on the DSPT Support Portal`);
    const link = await mailbox.invitationLinkFor(invitee);
    // PUBLIC_URL is the portal under test, so the link opens it.
    expect(link.origin).toBe(new URL(baseURL).origin);
    expect(link.searchParams.get('lsp')).toBe(DEMO_LSP_SLUG);

    // The invitee, in a browser of their own, follows the link.
    // (Allowed to use the clipboard, to check "Copy codes".)
    const inviteeContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const inviteePage = await inviteeContext.newPage();
    const acceptPage = new AcceptInvitationPage(inviteePage);
    await acceptPage.open(link);
    await expect(inviteePage).toHaveTitle('Accept your invitation – DSPT Support Portal');
    await expect(acceptPage.heading).toHaveText(`Join ${LSP_NAME}`);
    await expect(acceptPage.summaryValue('Email address')).toHaveText(invitee);
    await expect(acceptPage.summaryValue('Local Support Partner')).toHaveText(LSP_NAME);
    await expect(acceptPage.summaryValue('Role')).toHaveText('Adviser');
    await expectNoAccessibilityViolations(inviteePage);

    // A password that is too short is refused on its field, before anything is sent.
    await acceptPage.createAccount('Riley Invitee', 'too short');
    await expect(acceptPage.passwordError).toHaveText('Error: Your password must be at least 12 characters');
    await expect(acceptPage.errorSummary).toContainText('Your password must be at least 12 characters');
    await expect(acceptPage.errorSummary).toBeFocused();
    await expectNoAccessibilityViolations(inviteePage);

    await acceptPage.createAccount('Riley Invitee', NEW_PASSWORD);

    // MFA is required: set it up with the key the page shows.
    const enrolment = new MfaEnrolmentPage(inviteePage);
    await enrolment.waitUntilShown();
    const secret = await enrolment.secret();
    await enrolment.confirm(await freshTotpCode(secret, invitee));
    await expect(enrolment.heading).toHaveText('Save your recovery codes');
    const codes = await enrolment.recoveryCodes.shownCodes();
    expect(codes).toHaveLength(10);
    expect(await enrolment.recoveryCodes.copy()).toBe(codes.join('\n'));
    const file = await enrolment.recoveryCodes.download();
    expect(file.fileName).toBe('dspt-support-portal-recovery-codes.txt');
    expect(file.text).toContain(`Account: ${invitee}`);
    expect(file.text).toContain(codes.join('\n'));
    await enrolment.continueButton.click();

    await expect(inviteePage).toHaveURL(caseloadUrl(DEMO_LSP_SLUG));
    const shell = new Shell(inviteePage);
    await expect(shell.userName).toContainText('Riley Invitee');
    await expect(shell.currentLsp).toHaveText(LSP_NAME);

    // The admin sees them as a member, with MFA on, and the invitation no longer pending.
    await usersPage.open(DEMO_LSP_SLUG);
    await expect(usersPage.member(invitee)).toContainText('Riley Invitee');
    await expect(usersPage.member(invitee)).toContainText('On');
    await expect(usersPage.pendingInvitations.getByText(invitee)).toHaveCount(0);

    // Should they lose their phone, the admin resets their MFA: it is off, and they are signed out.
    await usersPage.resetMfa('Riley Invitee');
    await expect(usersPage.confirmation).toHaveText(
      'Two-factor authentication was reset for Riley Invitee. They will set it up again the next time they sign in.',
    );
    await expect(usersPage.member(invitee)).toContainText('Off');
    await expect(usersPage.recentActivity).toContainText('Reset two-factor authentication');
    await inviteePage.reload();
    await expect(inviteePage).toHaveURL(/\/sign-in\?returnUrl=/);

    // The link works once.
    await inviteePage.goto(link.toString());
    await expect(acceptPage.heading).toHaveText('This invitation link has expired or has already been used');
    await inviteeContext.close();
  });

  test('a system admin adding an LSP with a first admin sends that person an invitation', async ({ page }) => {
    test.slow();
    const mailbox = new Mailbox();
    const firstAdmin = Mailbox.uniqueAddress('first-admin');
    const name = `E2E Invited Partnership ${Date.now()}`;

    await signInWithMfa(page, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('LSPs');
    const form = page.getByTestId('create-tenant-form');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Region', { exact: true }).selectOption('Yorkshire and The Humber');
    await form.getByLabel("Email address of the LSP's first admin (optional)").fill(firstAdmin);
    await form.getByRole('button', { name: 'Add LSP' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`${name} was added.`);

    const email = await mailbox.latestMessageTo(firstAdmin);
    expect(email.subject).toBe(`Your invitation to ${name} on the DSPT Support Portal`);
    expect(email.text).toContain('as an administrator');
    const link = await mailbox.invitationLinkFor(firstAdmin);
    expect(link.searchParams.get('lsp')).toBe(`e2e-invited-partnership-${name.split(' ').pop()}`);
  });
});
