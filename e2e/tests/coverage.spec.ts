import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { demoAccounts } from '../support/demo-accounts';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

/** The LSP whose coverage this test changes (no other test uses it); its region's LAs are in the demo register. */
const COVERAGE_LSP_SLUG = 'essex-care-digital';

async function fitsTheScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A figure of the coverage summary, by its label. */
async function figure(page: Page, label: string): Promise<number> {
  const row = page.getByTestId('coverage-summary').locator('.nhsuk-summary-list__row', { hasText: label });
  return Number((await row.locator('dd').innerText()).replace(/,/g, ''));
}

test.describe('coverage of the CQC register', () => {
  test('an LSP admin sees the registered locations of its local authorities and adds one from the outreach list to the caseload', async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, `admin@${COVERAGE_LSP_SLUG}.demo.test`, {
      returnUrl: `/lsp/${COVERAGE_LSP_SLUG}/caseload`,
    });
    await new Shell(page).navigationLink('Coverage').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coverage');
    await expect(page).toHaveTitle('Coverage – DSPT Support Portal');
    await expect(page.getByTestId('coverage-summary')).toBeVisible();
    expect(await figure(page, 'Registered locations')).toBeGreaterThan(0);
    expect(await figure(page, 'In this caseload')).toBeGreaterThan(0);
    // The other East of England LSP's providers are in the same local authorities.
    expect(await figure(page, "In another LSP's caseload")).toBeGreaterThan(0);
    await expect(page.getByLabel('Local authorities covered')).toHaveValue(/Essex/);
    await expectNoAccessibilityViolations(page);

    const before = await figure(page, 'In this caseload');
    await page.getByTestId('outreach-link').click();
    await expect(page).toHaveURL(/status=not_engaged/);
    const table = page.getByTestId('coverage-table');
    await expect(table.getByText('Not engaged').first()).toBeVisible();
    await expect(table.getByText("In another LSP's caseload")).toHaveCount(0);
    const exportLink = page.getByTestId('coverage-export');
    await expect(exportLink).toHaveAttribute('href', /coverage\/export\?status=not_engaged&published=no/);
    const download = page.waitForEvent('download');
    await exportLink.click();
    expect((await download).suggestedFilename()).toBe('coverage.csv');

    const first = table.locator('tbody tr').first();
    const name = (await first.locator('td').nth(1).innerText()).split('\n')[0].trim();
    await first.getByRole('checkbox').check();
    await page.getByTestId('claim-button').click();
    await expect(page.getByTestId('claim-result')).toHaveText('1 location added to the caseload.');
    await page.goto(`/lsp/${COVERAGE_LSP_SLUG}/coverage`);
    await expect.poll(() => figure(page, 'In this caseload')).toBe(before + 1);
    await page.goto(`/lsp/${COVERAGE_LSP_SLUG}/caseload`);
    await expect(page.getByText(name).first()).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/lsp/${COVERAGE_LSP_SLUG}/coverage?status=not_engaged&published=no`);
    await expect(page.getByTestId('coverage-table')).toBeVisible();
    await fitsTheScreen(page);
    await expectNoAccessibilityViolations(page);
  });

  test("a system admin uploads the CQC register, keeping adult social care locations, and sets an LSP's local authorities", async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants' });
    await new Shell(page).openManagePage('CQC register', 'Manage portal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CQC register');
    await expect(page.getByTestId('register-summary')).toContainText('Locations held');
    await expectNoAccessibilityViolations(page);

    const csv = [
      'Location ID,Care home?,Location Name,Location ODS Code,Location Primary Inspection Category,Location Region,Location Local Authority,Provider ID,Provider Name',
      '1-900000001,Y,Harbour House,VZZ01,Residential social care,East of England,Essex,1-1,Harbour Care',
      '1-900000002,N,Quay Surgery,,GP Practices,East of England,Essex,1-2,Quay Partners',
      '1-900000003,N,Estuary Homecare,VZZ03,Community based adult social care services,East of England,Essex,1-3,Estuary Ltd',
    ].join('\n');
    await page.getByLabel('Upload an ODS, CSV or XLSX file').setInputFiles({
      name: 'HSCA_Active_Locations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Import the register' }).click();
    await expect(page.getByTestId('register-result')).toHaveText(
      'HSCA_Active_Locations.csv was imported: 3 rows read, 2 adult social care locations kept; the register holds 2.',
    );
    await expectNoAccessibilityViolations(page);

    await page.goto(`/admin/tenants/${COVERAGE_LSP_SLUG}`);
    const authorities = page.getByLabel('Local authorities covered');
    await expect(authorities).toHaveValue(/Essex/);
    await authorities.fill('Essex\nSouthend-on-Sea');
    await page.getByRole('button', { name: 'Save local authorities' }).click();
    await expect(page.getByTestId('local-authorities-saved')).toHaveText('The local authorities were saved.');
    await expect(authorities).toHaveValue('Essex\nSouthend-on-Sea');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/cqc-register');
    await expect(page.getByTestId('register-summary')).toContainText('2');
    await fitsTheScreen(page);
    await expectNoAccessibilityViolations(page);
  });
});

test.describe('coverage statistics', () => {
  test('a programme lead sees coverage of the register by region and by LSP', async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInWithMfa(page, demoAccounts.programmeLead, { returnUrl: '/statistics' });
    const byRegion = page.getByTestId('coverage-region');
    await expect(byRegion).toBeVisible();
    await expect(byRegion.locator('tbody tr', { hasText: 'East of England' })).toHaveCount(1);
    await expect(
      page.getByTestId('coverage-tenant').locator('tbody tr', { hasText: 'Essex Care Digital' }),
    ).toHaveCount(1);
    await expectNoAccessibilityViolations(page);
  });
});
