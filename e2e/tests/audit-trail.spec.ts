import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { AuditTrailPage, downloadFrom } from '../support/audit-trail-page';
import { CaseloadPage } from '../support/caseload-pages';
import { DEMO_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe('downloads and the audit trail', () => {
  test('an LSP admin downloads the filtered caseload, then finds that download in the audit trail', async ({
    page,
  }) => {
    // A second sign-in of the demo admin may wait for the next 30-second code.
    test.slow();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.lspAdmin, { returnUrl: `/lsp/${DEMO_LSP_SLUG}/caseload` });
    const caseload = new CaseloadPage(page);
    await caseload.rows.first().waitFor();

    // The caseload's download takes the list's filters and sort: the file holds what the list counts.
    await caseload.filters.getByLabel('Status').selectOption({ label: 'Not started' });
    await caseload.filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=not_started/);
    await caseload.loaded();
    await expect(caseload.count).toContainText('of ');
    const listed = Number(/of (\d+) provider/.exec((await caseload.count.textContent()) ?? '')?.[1]);
    const csvLink = page.getByTestId('export-csv');
    await expect(csvLink).toHaveAttribute('href', /status=not_started.*format=csv$/);
    const csv = await downloadFrom(page, csvLink);
    expect(csv.filename).toMatch(new RegExp(`^caseload-${DEMO_LSP_SLUG}-\\d{4}-\\d{2}-.*\\.csv$`));
    expect(
      csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(listed + 1);
    await expectNoAccessibilityViolations(page);

    // The audit trail, from the Users page.
    await page.goto(`/lsp/${DEMO_LSP_SLUG}/users`);
    await page.getByTestId('audit-trail-link').click();
    const audit = new AuditTrailPage(page);
    await expect(audit.heading).toHaveText('Audit trail');
    await expect(page).toHaveTitle('Audit trail – DSPT Support Portal');
    await expect(audit.filtersDetails).toHaveAttribute('open', '');
    await audit.filters.getByLabel('What').selectOption({ label: 'Downloaded the caseload' });
    await audit.apply();
    await expect(page).toHaveURL(/action=caseload\.exported/);
    await expect(audit.count).toHaveText('Showing 1 to 1 of 1 event, newest first.');
    await expect(audit.events.first()).toContainText(demoAccounts.lspAdmin);
    await expect(audit.events.first()).toContainText('Downloaded the caseload');
    await expectNoAccessibilityViolations(page);

    const trail = await audit.download(page.getByTestId('audit-export-csv'));
    expect(trail.filename).toMatch(new RegExp(`^audit-trail-${DEMO_LSP_SLUG}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(trail.text).toContain('caseload.exported,Downloaded the caseload');

    // A period that ends before it starts is refused in words, before any request.
    await audit.setDate('From', '2026-08-10');
    await audit.setDate('To', '2026-08-09');
    await audit.apply();
    await expect(audit.errorSummary).toContainText('To must be the same day as From or later');
    await expectNoAccessibilityViolations(page);

    // On a phone the filters start folded, the table stacks, and nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(audit.events.first()).toBeVisible();
    await expect(audit.filtersDetails).not.toHaveAttribute('open', '');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAccessibilityViolations(page);
    await audit.showFilters();
    await expect(audit.filters.getByLabel('Who')).toBeVisible();
  });
});
