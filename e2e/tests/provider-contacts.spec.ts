import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { CaseloadPage, ProviderPage } from '../support/caseload-pages';
import { CONTACTS_LSP_SLUG, ContactFormPage, ProviderContacts } from '../support/contact-pages';
import { expectNoSidewaysScroll } from '../support/layout';
import { signInWithMfa } from '../support/sign-in-flow';

test.describe('provider contacts', () => {
  test('an adviser adds a contact with a phone number, changes it and removes it, on desktop and phone widths', async ({
    page,
  }) => {
    test.slow();
    const caseload = new CaseloadPage(page);
    const provider = new ProviderPage(page);
    const contacts = new ProviderContacts(page);
    const form = new ContactFormPage(page);

    await signInWithMfa(page, `admin@${CONTACTS_LSP_SLUG}.demo.test`, {
      returnUrl: `/lsp/${CONTACTS_LSP_SLUG}/caseload`,
    });
    await caseload.rows.first().waitFor();
    const top = caseload.providerLink(caseload.rows.first());
    const providerName = await top.innerText();
    await top.click();
    await expect(provider.heading).toHaveText(providerName);

    // Add: the phone is checked as the API checks it, before anything is sent.
    await contacts.addLink.click();
    await expect(form.heading).toHaveText('Add a contact');
    await expectNoAccessibilityViolations(page);
    await form.fill({
      name: 'Robin Callaway',
      email: 'robin.callaway@e2e.example',
      phone: '0906 123 4567',
      role: 'Owner',
    });
    await form.save('Add contact');
    await expect(form.phoneError).toContainText('Phone number must start 01, 02, 03, 07 or 08');
    await expect(form.phone).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(page);
    await form.phone.fill('0113 496 0000');
    await form.save('Add contact');
    await expect(provider.heading).toHaveText(providerName);
    await expect(contacts.confirmation).toHaveText('Contact added: Robin Callaway');
    await expect(page.locator('.nhsuk-notification-banner', { has: contacts.confirmation })).toBeFocused();
    await expect(contacts.row('Robin Callaway')).toContainText('0113 496 0000');
    await expect(contacts.row('Robin Callaway').getByRole('link', { name: '0113 496 0000' })).toHaveAttribute(
      'href',
      'tel:01134960000',
    );
    await expectNoAccessibilityViolations(page);

    // Change, at a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await contacts.change('Robin Callaway');
    await expect(form.heading).toHaveText('Change Robin Callaway');
    await expect(form.phone).toHaveValue('0113 496 0000');
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    await form.phone.fill('+44 7700 900123');
    await form.save('Save changes');
    await expect(contacts.confirmation).toHaveText('Contact changed: Robin Callaway');
    await expect(contacts.row('Robin Callaway')).toContainText('+44 7700 900123');

    // Remove, after saying yes.
    await page.setViewportSize({ width: 1366, height: 768 });
    await contacts.change('Robin Callaway');
    await page.getByRole('button', { name: 'Remove contact' }).click();
    await expect(page.getByRole('heading', { name: 'Remove Robin Callaway?' })).toBeFocused();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Yes, remove Robin Callaway' }).click();
    await expect(contacts.confirmation).toHaveText('Contact removed: Robin Callaway');
    await expect(contacts.table.or(page.getByText('No contacts yet.'))).not.toContainText('Robin Callaway');
  });
});
