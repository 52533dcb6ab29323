import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { CaseloadPage, ProviderPage } from '../support/caseload-pages';
import { ErasurePage, PRIVACY_LSP_SLUG, SubjectAccessPage } from '../support/privacy-pages';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe('privacy requests', () => {
  test('an LSP admin exports what the LSP holds on a contact, erases the contact, then erases a provider leaving the programme', async ({
    page,
  }) => {
    test.slow();
    const caseload = new CaseloadPage(page);
    const provider = new ProviderPage(page);
    const erasure = new ErasurePage(page);
    const subjectAccess = new SubjectAccessPage(page);
    const shell = new Shell(page);

    await signInWithMfa(page, `admin@${PRIVACY_LSP_SLUG}.demo.test`, {
      returnUrl: `/lsp/${PRIVACY_LSP_SLUG}/caseload`,
    });
    await caseload.rows.first().waitFor();
    const total = Number(/of (\d+) providers/.exec(await caseload.count.innerText())?.[1]);

    // The top provider's first contact.
    const top = caseload.providerLink(caseload.rows.first());
    const providerName = await top.innerText();
    await top.click();
    await expect(provider.heading).toHaveText(providerName);
    const providerPath = new URL(page.url()).pathname;
    const contacts = page.getByTestId('contacts');
    const firstContact = contacts.locator('tbody tr').first();
    const email = (await firstContact.getByRole('link', { name: /@/ }).innerText()).trim();
    const contactName = (await firstContact.locator('td').first().innerText()).split('\n')[0].trim();

    // Subject access first: what the LSP holds on the address.
    await shell.openManagePage('Subject access');
    await expect(subjectAccess.heading).toHaveText('Subject access request');
    await expectNoAccessibilityViolations(page);
    const before = await subjectAccess.download(email.toUpperCase());
    expect(before.fileName).toMatch(new RegExp(`^subject-access-${PRIVACY_LSP_SLUG}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(before.content.email).toBe(email);
    expect(before.content['contacts'].length).toBeGreaterThanOrEqual(1);
    await expect(subjectAccess.confirmation).toContainText(`Downloaded the data held about ${email}:`);
    await expectNoAccessibilityViolations(page);

    // Erase the contact, after the warning.
    // Subject access was reached through Manage LSP: back to the provider by its address.
    await page.goto(providerPath);
    await expect(provider.heading).toHaveText(providerName);
    await contacts.getByRole('link', { name: `Erase ${contactName}` }).click();
    await expect(erasure.heading).toHaveText(`Erase ${contactName}`);
    await expect(erasure.warning).toContainText('This cannot be undone');
    await expect(erasure.warning).toContainText(email);
    await expectNoAccessibilityViolations(page);
    await erasure.erase('contact');
    await expect(erasure.done).toContainText(`${contactName} was erased`);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'Back to the provider' }).click();
    await expect(provider.heading).toHaveText(providerName);
    await expect(page.getByTestId('contacts').or(page.getByText('No contacts yet.'))).not.toContainText(email);

    // The address is no longer held: only the erasure itself, under a pseudonym.
    await shell.openManagePage('Subject access');
    const after = await subjectAccess.download(email);
    expect(after.content['contacts']).toEqual([]);
    expect(after.content['emails']).toEqual([]);
    expect(JSON.stringify(after.content['auditEvents'])).not.toContain(email);

    // The provider leaves the programme: its ODS code confirms it.
    await page.goto(providerPath);
    await expect(provider.heading).toHaveText(providerName);
    await page.getByTestId('erase-provider').click();
    await expect(erasure.heading).toHaveText(`Erase ${providerName}`);
    await expectNoAccessibilityViolations(page);
    const odsCode = (await page.locator('.nhsuk-caption-l').innerText()).match(/\(([A-Z0-9]+)\)/)?.[1] ?? '';
    await erasure.odsCode.fill('WRONG');
    await erasure.erase('provider');
    await expect(page.locator('#confirm-ods-code-error')).toContainText("the provider's ODS code");
    await expectNoAccessibilityViolations(page);
    await erasure.odsCode.fill(odsCode.toLowerCase());
    await erasure.erase('provider');
    await expect(erasure.done).toContainText(`${providerName} was erased`);
    await page.getByRole('link', { name: 'Back to the caseload' }).click();
    await expect
      .poll(async () => Number(/of (\d+) providers/.exec(await caseload.count.innerText())?.[1]))
      .toBeLessThan(total);
    await expect(caseload.table).not.toContainText(providerName);
  });
});
