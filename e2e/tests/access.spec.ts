import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { DEMO_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { expectNoSidewaysScroll } from '../support/layout';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe('pages by role', () => {
  test('a system admin comes back to the LSP list after signing in, and adds an LSP', async ({ page }) => {
    await page.goto('/admin/tenants');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fadmin%2Ftenants$/);

    await signInWithMfa(page, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants', fresh: true });

    await expect(page).toHaveURL(/\/admin\/tenants$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('LSPs');
    await expect(page.getByTestId('tenants-table')).toContainText(DEMO_LSP_SLUG);
    await expectNoAccessibilityViolations(page);

    const name = `E2E Care Partnership ${Date.now()}`;
    const form = page.getByTestId('create-tenant-form');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await expect(form.getByLabel('Slug', { exact: true })).toHaveValue(`e2e-care-partnership-${name.split(' ').pop()}`);
    await form.getByLabel('Region', { exact: true }).selectOption('North West');
    await form.getByRole('button', { name: 'Add LSP' }).click();
    await expect(page.getByTestId('confirmation')).toHaveText(`${name} was added.`);
    await expect(page.getByTestId('tenants-table')).toContainText(name);

    await new Shell(page).openManagePage('Programme leads', 'Manage portal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme leads');
    await expect(page.getByTestId('programme-leads-table')).toContainText(demoAccounts.programmeLead);
    await expectNoAccessibilityViolations(page);
  });

  test("an LSP admin's header keeps to one row on a laptop and fits a phone, the rest on Manage LSP", async ({
    page,
  }) => {
    const shell = new Shell(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.lspAdmin, { returnUrl: `/lsp/${DEMO_LSP_SLUG}/caseload` });

    await expect(shell.navigation.getByRole('link')).toHaveText([
      'Caseload',
      'My tasks',
      'Coverage',
      'Campaigns',
      'Statistics',
      'Manage LSP',
    ]);
    expect(await shell.navigationRows()).toBe(1);
    await expect(shell.navigationLink('Caseload')).toHaveAttribute('aria-current', 'page');

    await shell.openHub();
    await expect(shell.navigationLink('Manage LSP')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
      'Users',
      'Email templates',
      'Subject access',
      'Audit trail',
      'Import',
      'Transfers',
      'Reconciliation',
    ]);
    await expectNoAccessibilityViolations(page);

    // On a page of the hub, the header still says which section the user is in.
    await shell.manageLink('Users').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
    await expect(shell.navigationLink('Manage LSP')).toHaveAttribute('aria-current', 'true');
    await expect(shell.navigationLink('Caseload')).not.toHaveAttribute('aria-current');

    await page.setViewportSize({ width: 390, height: 844 });
    await shell.openHub();
    expect(await shell.navigationRows()).toBeLessThanOrEqual(2);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
  });

  test('a programme lead sees statistics and is refused an LSP’s pages', async ({ page }) => {
    await signInWithMfa(page, demoAccounts.programmeLead);

    await expect(page).toHaveURL(/\/statistics$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');

    await page.goto(`/lsp/${DEMO_LSP_SLUG}/users`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
    await expect(page).toHaveURL(new RegExp(`/lsp/${DEMO_LSP_SLUG}/users$`));
    await expectNoAccessibilityViolations(page);
  });
});
