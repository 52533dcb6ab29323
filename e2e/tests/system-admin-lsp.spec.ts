import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { demoAccounts } from '../support/demo-accounts';
import { Mailbox } from '../support/mailbox';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe("a system admin's LSP page", () => {
  test('an LSP added without an admin gets its first admin from its page, at desktop and phone widths', async ({
    page,
  }) => {
    test.slow();
    const mailbox = new Mailbox();
    const stamp = Date.now();
    const name = `E2E Adminless Partnership ${stamp}`;
    const slug = `e2e-adminless-partnership-${stamp}`;
    const firstAdmin = Mailbox.uniqueAddress('late-admin');

    await page.setViewportSize({ width: 1366, height: 900 });
    // A system admin's home is the Manage portal hub, which leads to the LSPs.
    await signInWithMfa(page, demoAccounts.systemAdmin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Manage portal' })).toBeVisible();
    await new Shell(page).manageLink('LSPs').click();
    const form = page.getByTestId('create-tenant-form');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Region', { exact: true }).selectOption('South West');
    await form.getByRole('button', { name: 'Add LSP' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`${name} was added.`);

    // The list leads to the LSP's page, which says it has nobody to add users.
    await page.getByTestId('tenants-table').getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/tenants/${slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page).toHaveTitle(`${name} – DSPT Support Portal`);
    const summary = page.getByTestId('tenant-summary');
    await expect(summary).toContainText('RegionSouth West');
    await expect(summary).toContainText('Members0');
    await expect(page.getByTestId('no-admin')).toContainText('No admin yet');
    await expectNoAccessibilityViolations(page);

    // A bad address is named in the error summary, before anything is sent.
    const invite = page.getByTestId('invite-tenant-admin-form');
    await invite.getByLabel('Email address').fill('not an address');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
    await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter an email address');
    await expectNoAccessibilityViolations(page);

    await invite.getByLabel('Email address').fill(firstAdmin);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(
      `We have sent an invitation to ${firstAdmin} to be an admin of this LSP.`,
    );
    await expect(page.getByTestId('pending-invitations')).toContainText(`${firstAdmin} (admin)`);
    const link = await mailbox.invitationLinkFor(firstAdmin);
    expect(link.searchParams.get('lsp')).toBe(slug);

    // On a phone the page fits the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAccessibilityViolations(page);
  });
});
