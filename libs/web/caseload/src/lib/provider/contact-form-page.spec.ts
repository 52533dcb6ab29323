import { fillInDialogMethods } from '@dspt/web/reminders/testing';
import { LspPages, SLUG } from '../testing/lsp-pages';
import {
  answerProviderPage,
  PROVIDER_API,
  PROVIDER_ID,
  providerContact,
  providerDetail,
} from '../testing/provider-pages';

const ID = PROVIDER_ID;
const PAT_ID = '3f1b2c44-0000-4000-8000-0000000000c1';
const BASE = PROVIDER_API;

const PAT = providerContact(PAT_ID);

const PROVIDER = providerDetail({ contacts: [PAT] });

// Each test ends on the provider page, the portal's largest, which jsdom renders slowly on a busy machine.
jest.setTimeout(30_000);

describe('ContactFormPage', () => {
  let pages: LspPages;

  beforeAll(() => fillInDialogMethods());
  afterEach(() => pages.close());

  describe('for an adviser', () => {
    beforeEach(() => {
      pages = new LspPages('adviser');
    });

    it('adds a contact with a phone number and role, checking them first, then says so on the provider page', async () => {
      await pages.open(`/lsp/${SLUG}/providers/${ID}/contacts/new`);
      await pages.answer('GET', BASE, PROVIDER);
      expect(pages.text('h1')).toBe('Add a contact');
      expect(document.title).toBe('Add a contact – DSPT Support Portal');
      // Pat is primary already: a new contact is not, unless the adviser says so.
      expect(pages.element.querySelector<HTMLInputElement>('#contact-primary-no')!.checked).toBe(true);

      await pages.submit('contact-form');
      expect(pages.fieldError('contact-name')).toBe("Enter the contact's full name");
      expect(pages.fieldError('contact-email')).toBe("Enter the contact's email address");
      expect(pages.fieldError('contact-role')).toBe('Select a role');
      expect(pages.fieldError('contact-phone')).toBeUndefined();

      await pages.set('contact-name', 'Sam Lee');
      await pages.set('contact-email', 'sam@oak.example');
      await pages.set('contact-role', 'owner');
      await pages.set('contact-phone', '+1 202 555 0100');
      await pages.submit('contact-form');
      expect(pages.fieldError('contact-phone')).toBe('Phone number must be a UK number: only +44 may start it');
      expect(pages.element.querySelector('#contact-phone')!.getAttribute('aria-invalid')).toBe('true');

      await pages.set('contact-phone', ' 07700 900123 ');
      await pages.submit('contact-form');
      const sent = await pages.answer('POST', `${BASE}/contacts`, {
        ...PAT,
        id: 'c-sam',
        name: 'Sam Lee',
        isPrimary: false,
      });
      expect(sent.request.body).toEqual({
        name: 'Sam Lee',
        email: 'sam@oak.example',
        phone: '07700 900123',
        role: 'owner',
        isPrimary: false,
      });

      await answerProviderPage(pages, {
        ...PROVIDER,
        contacts: [
          PAT,
          {
            ...PAT,
            id: 'c-sam',
            name: 'Sam Lee',
            email: 'sam@oak.example',
            phone: '07700 900123',
            role: 'owner',
            isPrimary: false,
          },
        ],
      });
      expect(pages.text('h1')).toBe('Oak House');
      expect(pages.text('[data-testid="contacts-confirmation"]')).toBe('Contact added: Sam Lee');
      expect(pages.cells('[data-testid="contacts"] tbody tr')).toEqual([
        ['Pat Manager Primary contact', 'Registered manager', 'pat@oak.example', '0113 496 0000', 'Change Pat Manager'],
        ['Sam Lee', 'Owner', 'sam@oak.example', '07700 900123', 'Change Sam Lee'],
      ]);
      expect(pages.element.querySelector('[data-testid="contacts"] a[href^="tel:"]')!.getAttribute('href')).toBe(
        'tel:01134960000',
      );
    });

    it("changes a contact from the provider page's Change link; a repeated address shows at the email field", async () => {
      await pages.open(`/lsp/${SLUG}/providers/${ID}`);
      await answerProviderPage(pages, PROVIDER);
      const change = pages.element.querySelector<HTMLAnchorElement>('[data-testid="contacts"] a[href$="/edit"]')!;
      expect(change.getAttribute('href')).toBe(`/lsp/${SLUG}/providers/${ID}/contacts/${PAT_ID}/edit`);
      await pages.navigate(change.getAttribute('href')!);
      await pages.answer('GET', BASE, PROVIDER);
      expect(pages.text('h1')).toBe('Change Pat Manager');
      expect(pages.element.querySelector<HTMLInputElement>('#contact-phone')!.value).toBe('0113 496 0000');
      expect(pages.element.querySelector<HTMLSelectElement>('#contact-role')!.value).toBe('registered_manager');

      await pages.set('contact-email', 'kim@oak.example');
      await pages.set('contact-phone', '');
      await pages.submit('contact-form');
      await pages.refuse(
        'PATCH',
        `${BASE}/contacts/${PAT_ID}`,
        409,
        'kim@oak.example is already a contact of this provider',
      );
      expect(pages.fieldError('contact-email')).toBe('kim@oak.example is already a contact of this provider');

      await pages.set('contact-email', 'pat.manager@oak.example');
      await pages.submit('contact-form');
      const sent = await pages.answer('PATCH', `${BASE}/contacts/${PAT_ID}`, {
        ...PAT,
        email: 'pat.manager@oak.example',
        phone: null,
      });
      expect(sent.request.body).toEqual({
        name: 'Pat Manager',
        email: 'pat.manager@oak.example',
        phone: null,
        role: 'registered_manager',
        isPrimary: true,
      });
      await answerProviderPage(pages, {
        ...PROVIDER,
        contacts: [{ ...PAT, email: 'pat.manager@oak.example', phone: null }],
      });
      expect(pages.text('[data-testid="contacts-confirmation"]')).toBe('Contact changed: Pat Manager');
      expect(pages.cells('[data-testid="contacts"] tbody tr')[0][3]).toBe('Not known');
    });

    it('removes a contact only after asking', async () => {
      await pages.open(`/lsp/${SLUG}/providers/${ID}/contacts/${PAT_ID}/edit`);
      await pages.answer('GET', BASE, PROVIDER);
      await pages.click('Remove contact');
      expect(document.activeElement?.textContent).toBe('Remove Pat Manager?');
      await pages.click('Cancel');
      expect(pages.element.querySelector('.nhsuk-card--warning')).toBeNull();

      await pages.click('Remove contact');
      await pages.click('Yes, remove Pat Manager');
      await pages.answer('DELETE', `${BASE}/contacts/${PAT_ID}`, null);
      await answerProviderPage(pages, { ...PROVIDER, contacts: [] });
      expect(pages.text('[data-testid="contacts-confirmation"]')).toBe('Contact removed: Pat Manager');
    });

    it('shows "Page not found" for a contact the provider does not have', async () => {
      await pages.open(`/lsp/${SLUG}/providers/${ID}/contacts/3f1b2c44-0000-4000-8000-0000000000ff/edit`);
      await pages.answer('GET', BASE, PROVIDER);
      expect(pages.text('h1')).toBe('Page not found');
    });
  });

  it('is not for viewers, who see no Change or Add links', async () => {
    pages = new LspPages('viewer');
    await pages.open(`/lsp/${SLUG}/providers/${ID}/contacts/new`);
    expect(pages.text('h1')).toBe('You do not have access');
    await pages.navigate(`/lsp/${SLUG}/providers/${ID}`);
    await answerProviderPage(pages, PROVIDER);
    expect(pages.element.querySelector('[data-testid="add-contact"]')).toBeNull();
    expect(pages.element.querySelector('[data-testid="contacts"] a[href$="/edit"]')).toBeNull();
  });
});
