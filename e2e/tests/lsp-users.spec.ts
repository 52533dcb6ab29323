import { expect, test } from '@playwright/test';
import { DEMO_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe('LSP users', () => {
  test('an LSP admin invites someone, then revokes the invitation', async ({ page }) => {
    // The admin may have signed in during this 30-second step already: the next code can take a while.
    test.slow();
    await signInWithMfa(page, demoAccounts.lspAdmin, { returnUrl: `/lsp/${DEMO_LSP_SLUG}/users` });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');

    // Sending the invitation email is part of inviting: this needs an SMTP server that accepts mail.
    const invitee = `e2e-${Date.now()}@example.org`;
    const inviteForm = page.getByTestId('invite-form');
    await inviteForm.getByLabel('Email address', { exact: true }).fill(invitee);
    await inviteForm.getByLabel('Viewer', { exact: true }).check();
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`We have sent an invitation to ${invitee}.`);
    await expect(page.getByTestId('pending-invitations')).toContainText(invitee);
    await expect(page.getByTestId('recent-activity')).toContainText('Invited a user');

    await page.getByRole('button', { name: `Revoke the invitation for ${invitee}` }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`The invitation for ${invitee} was revoked.`);
    await expect(page.getByTestId('pending-invitations').getByText(invitee)).toHaveCount(0);
  });
});
