import { expect, test } from '@playwright/test';
import { DEMO_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { LspUsersPage } from '../support/lsp-users-page';
import { Mailbox } from '../support/mailbox';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe('LSP users', () => {
  test('an LSP admin invites someone, then revokes the invitation', async ({ page }) => {
    // The admin may have signed in during this 30-second step already: the next code can take a while.
    test.slow();
    const usersPage = new LspUsersPage(page);
    await signInWithMfa(page, demoAccounts.lspAdmin, { returnUrl: `/lsp/${DEMO_LSP_SLUG}/users` });
    await expect(usersPage.heading).toHaveText('Users');

    const invitee = Mailbox.uniqueAddress('viewer');
    await usersPage.invite(invitee, 'Viewer');
    await expect(usersPage.confirmation).toHaveText(`We have sent an invitation to ${invitee}.`);
    await expect(usersPage.pendingInvitations).toContainText(invitee);
    await expect(usersPage.recentActivity).toContainText('Invited a user');

    await page.getByRole('button', { name: `Revoke the invitation for ${invitee}` }).click();
    await expect(usersPage.confirmation).toHaveText(`The invitation for ${invitee} was revoked.`);
    await expect(usersPage.pendingInvitations.getByText(invitee)).toHaveCount(0);
  });
});
