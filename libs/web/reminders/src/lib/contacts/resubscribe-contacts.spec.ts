import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import type { ProviderContact } from '@dspt/contracts';
import { ReminderPages, SLUG, memberWithRole } from '../testing/reminder-pages';
import { ResubscribeContacts } from './resubscribe-contacts';

const PROVIDER_ID = 'p-oak';
const PAT: ProviderContact = {
  id: 'c-pat',
  name: 'Pat Manager',
  email: 'pat@oak.example',
  phone: null,
  role: 'registered_manager',
  isPrimary: true,
  unsubscribedAt: '2026-11-20T09:00:00Z',
};
const KIM: ProviderContact = {
  id: 'c-kim',
  name: 'Kim Owner',
  email: 'kim@oak.example',
  phone: null,
  role: 'owner',
  isPrimary: false,
  unsubscribedAt: null,
};
const RESUBSCRIBE_URL = `/api/tenants/${SLUG}/providers/${PROVIDER_ID}/contacts/c-pat/resubscribe`;

const contactsOnPage = signal<readonly ProviderContact[]>([]);

/** The provider page's contacts section, reloading its contacts when told. */
@Component({
  imports: [ResubscribeContacts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<dspt-resubscribe-contacts
    [provider]="{ slug: slug(), providerId: providerId() }"
    [contacts]="contacts()"
    (resubscribed)="reloaded($event)"
  />`,
})
class ContactsSectionHost {
  readonly slug = input.required<string>();
  readonly providerId = input.required<string>();
  readonly contacts = contactsOnPage;

  protected reloaded(contact: ProviderContact): void {
    contactsOnPage.update((contacts) => contacts.map((each) => (each.id === contact.id ? contact : each)));
  }
}

describe('ResubscribeContacts', () => {
  let pages: ReminderPages;

  beforeEach(async () => {
    contactsOnPage.set([PAT, KIM]);
    pages = new ReminderPages(memberWithRole('adviser'), [
      { path: 'lsp/:slug/providers/:providerId', component: ContactsSectionHost },
    ]);
    await pages.open(`/lsp/${SLUG}/providers/${PROVIDER_ID}`);
  });

  afterEach(() => pages.close());

  it("offers to resubscribe only contacts who unsubscribed, with the person's request, and says when it is done", async () => {
    expect(pages.texts('summary')).toEqual(['Resubscribe Pat Manager to emails']);
    expect(pages.text('[data-testid="resubscribe-c-pat"] .nhsuk-details__text p')).toContain(
      'Pat Manager unsubscribed on 20 November 2026',
    );

    await pages.set('resubscribe-request-c-pat', '  Phoned on 3 Dec asking to receive reminders again  ');
    await pages.click('Resubscribe Pat Manager');
    const request = await pages.answer('POST', RESUBSCRIBE_URL, { ...PAT, unsubscribedAt: null });
    expect(request.request.body).toEqual({ request: 'Phoned on 3 Dec asking to receive reminders again' });
    expect(pages.text('[data-testid="resubscribe-confirmation"]')).toBe('Pat Manager is subscribed to emails again.');
    expect(pages.texts('summary')).toEqual([]);
  });

  it("asks for the person's request first, and shows why the API refused", async () => {
    await pages.set('resubscribe-request-c-pat', '   ');
    await pages.click('Resubscribe Pat Manager');
    pages.http.expectNone(RESUBSCRIBE_URL);
    expect(pages.fieldError('resubscribe-request-c-pat')).toBe(
      'Enter how and when the person asked to get emails again',
    );

    await pages.set('resubscribe-request-c-pat', 'Asked by phone on 3 Dec');
    await pages.click('Resubscribe Pat Manager');
    await pages.refuse('POST', RESUBSCRIBE_URL, 409, 'Pat Manager is subscribed already');
    expect(pages.text('[data-testid="error-summary"]')).toContain('Pat Manager is subscribed already');
    expect(pages.text('[data-testid="resubscribe-confirmation"]')).toBeUndefined();
  });
});
