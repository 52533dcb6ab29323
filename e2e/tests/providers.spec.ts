import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { CaseloadPage, ProviderPage } from '../support/caseload-pages';
import { PROVIDERS_LSP_SLUG, ProviderFormPage } from '../support/provider-form-page';
import { signInWithMfa } from '../support/sign-in-flow';

/** A site code no seeded provider has: V and four random letters or digits (never starting with 8). */
function freshSiteCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `V${[...randomBytes(4)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

test.describe('providers', () => {
  test('an adviser adds a provider with its ODS code checked as they type, changes a detail, archives and restores it', async ({
    page,
  }) => {
    test.slow();
    const caseload = new CaseloadPage(page);
    const provider = new ProviderPage(page);
    const form = new ProviderFormPage(page);
    const code = freshSiteCode();

    await signInWithMfa(page, `admin@${PROVIDERS_LSP_SLUG}.demo.test`, {
      returnUrl: `/lsp/${PROVIDERS_LSP_SLUG}/caseload`,
    });
    await caseload.rows.first().waitFor();
    await page.getByTestId('add-provider-link').click();
    await expect(form.heading).toHaveText('Add a provider');
    await expectNoAccessibilityViolations(page);

    await page.getByLabel('Headquarters (HQ)').check();
    await form.odsCode.fill(code.toLowerCase());
    await expect(form.odsCheck).toHaveText(
      'This looks like a site code (V + 4 characters): an HQ uses its organisation code',
    );
    await page.getByLabel('Single site').check();
    await expect(form.odsCheck).toHaveText(`${code} is not registered yet: it can be used.`);
    await page.getByLabel('Name', { exact: true }).fill('Harbour View Care Home');
    await page.getByLabel('Type of service').selectOption({ label: 'Care home (residential)' });
    await page.getByLabel('Size').selectOption({ label: 'Small (10 to 49 staff)' });
    await page.getByLabel('Local authority').fill('Bristol');
    await page.getByLabel('Region').selectOption('South West');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Add provider' }).click();

    await expect(provider.heading).toHaveText('Harbour View Care Home');
    await expect(form.summaryConfirmation).toHaveText('Harbour View Care Home was added to the caseload.');
    await expectNoAccessibilityViolations(page);

    // A detail changed from its Change link.
    await page.getByRole('link', { name: 'Change local authority' }).click();
    await expect(form.heading).toHaveText('Change Harbour View Care Home');
    await page.getByLabel('Local authority').fill('North Somerset');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.summaryConfirmation).toHaveText('Your changes were saved.');
    await expect(page.getByTestId('provider-summary')).toContainText('North Somerset');

    // Archived after a yes, then restored.
    await page.getByRole('button', { name: 'Archive provider' }).click();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Yes, archive Harbour View Care Home' }).click();
    await expect(form.summaryConfirmation).toHaveText(
      'Harbour View Care Home was archived. It is no longer in the caseload.',
    );
    await expect(page.getByRole('link', { name: 'Change local authority' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Restore to the caseload' }).click();
    await expect(form.summaryConfirmation).toHaveText('Harbour View Care Home is back in the caseload.');
    await expectNoAccessibilityViolations(page);
  });
});
