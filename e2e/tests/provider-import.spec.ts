import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { CaseloadPage, caseloadUrl } from '../support/caseload-pages';
import { IMPORT_LSP_SLUG, demoAccounts } from '../support/demo-accounts';
import { ProviderImportPage } from '../support/provider-import-page';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

/** The import columns (DESIGN.md §7), as the template's header row has them. */
const HEADER =
  'ods_code,name,kind,parent_ods_code,service_type,size_band,local_authority,region,contact_name,contact_email,contact_role,assigned_adviser_email,has_ce_plus';
/** The template's providers: an HQ, its branch and a single site. */
const TEMPLATE_PROVIDERS = ['Oakfield Care Group', 'Oakfield House', 'Riverside Homecare'];

test.describe('provider import', () => {
  test('an LSP admin downloads the template, has a file with a bad row refused with nothing imported, then imports it corrected and finds the providers in the caseload', async ({
    page,
  }) => {
    test.slow();
    const importPage = new ProviderImportPage(page);
    const caseload = new CaseloadPage(page);
    const providersApi = `/api/tenants/${IMPORT_LSP_SLUG}/providers`;
    const providersNamed = async (search: string) =>
      ((await (await page.request.get(providersApi, { params: { search } })).json()) as { total: number }).total;

    await signInWithMfa(page, demoAccounts.importAdmin);
    await expect(page).toHaveURL(caseloadUrl(IMPORT_LSP_SLUG));
    const shell = new Shell(page);
    await shell.openHub();
    await expect(shell.manageLink('Import')).toHaveAttribute('href', `/lsp/${IMPORT_LSP_SLUG}/import`);
    await shell.navigationLink('Caseload').click();

    // From the caseload to the import page.
    await page.getByRole('link', { name: 'Import providers from a spreadsheet' }).click();
    await expect(importPage.heading).toHaveText('Import providers and contacts');
    await expect(page).toHaveTitle('Import providers – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);

    // The template, in both formats.
    const xlsx = await importPage.downloadTemplate('Download the template as an Excel file (XLSX)');
    expect(xlsx.name).toBe('provider-import-template.xlsx');
    expect(xlsx.content.subarray(0, 2).toString()).toBe('PK');
    const csv = await importPage.downloadTemplate('Download the template as a CSV file');
    expect(csv.name).toBe('provider-import-template.csv');
    const lines = csv.content
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    for (const name of TEMPLATE_PROVIDERS) {
      expect(csv.content.toString('utf8')).toContain(name);
    }
    expect(await providersNamed('Oakfield')).toBe(0);

    // A bad region on the single site's row (row 4): refused, every problem named, nothing written.
    const badLines = [...lines];
    badLines[3] = badLines[3].replace('Yorkshire and The Humber', 'Atlantis');
    expect(badLines[3]).toContain('Atlantis');
    await importPage.upload('providers-with-a-bad-row.csv', badLines.join('\r\n'));
    await expect(importPage.errorSummary).toBeFocused();
    const errors = await importPage.errors();
    expect(errors[0]).toBe('1 problem in the file: nothing was imported');
    expect(errors[1]).toMatch(/^Row 4, region: region must be one of: North East, /);
    expect(errors).toHaveLength(2);
    await expect(importPage.fileError).toContainText('1 problem in the file: nothing was imported');
    await expect(importPage.nothingImported).toContainText('Nothing from providers-with-a-bad-row.csv was imported.');
    await expect(page).toHaveTitle('Error: Import providers – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);
    expect(await providersNamed('Oakfield')).toBe(0);
    expect(await providersNamed('Riverside Homecare')).toBe(0);

    // The template as it came imports: the counts, then the providers in the caseload.
    await importPage.upload(csv.name, csv.content);
    await expect(importPage.result).toHaveText('provider-import-template.csv was imported: 3 providers added.');
    await expect(importPage.result).toBeFocused();
    await expect(importPage.count('Providers added')).toHaveText('3');
    await expect(importPage.count('Contacts added or changed')).toHaveText('2');
    await expect(importPage.errorSummary).toHaveCount(0);
    await expect(importPage.nothingImported).toHaveCount(0);
    await expect(page).toHaveTitle('Import providers – DSPT Support Portal');
    await expectNoAccessibilityViolations(page);

    await importPage.viewCaseloadLink.click();
    await expect(page).toHaveURL(caseloadUrl(IMPORT_LSP_SLUG));
    await caseload.filters.getByLabel('Name or ODS code').fill('Oakfield');
    await caseload.filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/caseload\?search=Oakfield$/);
    await expect(caseload.rows).toHaveCount(2);
    expect((await caseload.rows.getByTestId('provider-link').allInnerTexts()).sort()).toEqual([
      'Oakfield Care Group',
      'Oakfield House',
    ]);

    // Imported again, the file changes nothing.
    await page.getByRole('link', { name: 'Import providers from a spreadsheet' }).click();
    await importPage.upload(csv.name, csv.content);
    await expect(importPage.result).toHaveText('provider-import-template.csv was imported: 3 providers unchanged.');
  });
});
