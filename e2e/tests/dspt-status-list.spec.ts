import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { demoAccounts, RECONCILIATION_LSP_SLUG } from '../support/demo-accounts';
import { DsptListAdminPage, ReconciliationPage } from '../support/dspt-list-pages';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

async function fitsTheScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A synthetic status list in the DSPT download's current layout, with codes no LSP holds. */
function synthetic(): string {
  const code = () =>
    `VQ${Math.floor(Math.random() * 1000)
      .toString()
      .padStart(3, '0')}`;
  return [
    'Organisation Code,Organisation Name,Sector,Status,Date Published',
    `${code()},Quayside Care,Social Care,Standards Met,`,
    `${code()},Harbour View,Social Care,Not Published,`,
    `${code()},Old Mill House,Social Care,Standards Not Met,`,
  ].join('\n');
}

test.describe('the DSPT status list', () => {
  test('a system admin uploads a list: refused columns named, the mapping used and unknown statuses shown', async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants' });
    await new Shell(page).openManagePage('DSPT list', 'Manage portal');
    const admin = new DsptListAdminPage(page);
    await expect(admin.heading).toHaveText('DSPT status list');
    // The demo seed's import is listed.
    await expect(admin.runs).toContainText('Upload');
    await expectNoAccessibilityViolations(page);

    await admin.upload('wrong.csv', 'Provider,Result\nVQ001,Standards Met\n');
    await expect(admin.errorSummary).toBeFocused();
    await expect(admin.errorSummary).toContainText('"provider", "result"');
    await expectNoAccessibilityViolations(page);

    await admin.upload('dspt-organisations.csv', synthetic());
    await expect(page.getByTestId('confirmation')).toContainText('The list was imported');
    await expect(admin.value(admin.result, 'Rows')).toHaveText('3');
    await expect(admin.value(admin.mapping, 'Organisation code')).toHaveText('organisation code');
    await expect(admin.value(admin.mapping, 'Date published')).toHaveText('date published');
    await expect(admin.unknownStatuses).toContainText('"Standards Not Met" on 1 row');
    await expectNoAccessibilityViolations(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await fitsTheScreen(page);
    await expectNoAccessibilityViolations(page);
  });

  test('an LSP resolves its disagreements with the list, keeping the portal only with a reason', async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.reconciliationAdmin);
    await new Shell(page).openManagePage('Reconciliation');
    const reconciliation = new ReconciliationPage(page);
    await expect(reconciliation.heading).toHaveText('Reconciliation with the DSPT status list');
    // The demo seed's list disagrees with the portal for some of every LSP's providers.
    await expect(reconciliation.rows.first()).toBeVisible();
    const before = await reconciliation.rows.count();
    await expectNoAccessibilityViolations(page);

    const first = reconciliation.rows.first();
    const name = (await first.getByRole('link').textContent())?.trim() ?? '';
    await first.getByRole('button', { name: /Resolve/ }).click();
    await expect(reconciliation.form.getByRole('heading', { level: 2 })).toBeFocused();
    await reconciliation.form.getByLabel(/^The portal:/).check();
    await reconciliation.form.getByRole('button', { name: 'Save' }).click();
    await expect(reconciliation.errorSummary).toBeFocused();
    await expect(reconciliation.errorSummary).toContainText("Enter why the portal's value is right");
    await expectNoAccessibilityViolations(page);

    await reconciliation.form
      .getByLabel('Why is the portal right? (needed to keep it)')
      .fill('Certificate seen on a visit');
    await reconciliation.form.getByRole('button', { name: 'Save' }).click();
    await expect(reconciliation.confirmation).toHaveText(`${name}: the portal's value was kept.`);
    await expect(reconciliation.rows).toHaveCount(before - 1);

    if (before > 1) {
      await reconciliation.rows
        .first()
        .getByRole('button', { name: /Resolve/ })
        .click();
      await reconciliation.form.getByLabel(/^The DSPT status list:/).check();
      await reconciliation.form.getByRole('button', { name: 'Save' }).click();
      await expect(reconciliation.confirmation).toContainText("the DSPT status list's value was accepted");
      await expect(reconciliation.rows).toHaveCount(before - 2);
    }

    await page.setViewportSize({ width: 390, height: 844 });
    await reconciliation.open(RECONCILIATION_LSP_SLUG);
    await fitsTheScreen(page);
    await expectNoAccessibilityViolations(page);
  });
});
