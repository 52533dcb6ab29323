import type { Locator, Page } from '@playwright/test';

/** The LSP whose contacts the provider-contacts test adds, changes and removes (no other test uses it). */
export const CONTACTS_LSP_SLUG = 'devon-and-cornwall-care-support';

/** `/lsp/{slug}/providers/{id}/contacts/new` and `.../contacts/{contactId}/edit`. */
export class ContactFormPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly role: Locator;
  readonly phoneError: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.name = page.getByLabel('Full name');
    this.email = page.getByLabel('Email address');
    this.phone = page.getByLabel('Phone number (optional)');
    this.role = page.getByLabel('Role');
    this.phoneError = page.locator('#contact-phone-error');
  }

  async fill(contact: { name: string; email: string; phone: string; role: string }): Promise<void> {
    await this.name.fill(contact.name);
    await this.email.fill(contact.email);
    await this.phone.fill(contact.phone);
    await this.role.selectOption({ label: contact.role });
  }

  async save(label: 'Add contact' | 'Save changes'): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
  }
}

/** The provider page's contacts table, with its confirmation banner. */
export class ProviderContacts {
  readonly table: Locator;
  readonly confirmation: Locator;
  readonly addLink: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('contacts');
    this.confirmation = page.getByTestId('contacts-confirmation');
    this.addLink = page.getByTestId('add-contact');
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: name });
  }

  async change(name: string): Promise<void> {
    await this.table.getByRole('link', { name: `Change ${name}` }).click();
  }
}
