import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import type { BlockerList, EmailMessageList, EmailMessageView, ProviderContact } from '@dspt/contracts';
import { email, failedEmail } from '../testing/reminder-data';
import { ReminderPages, SLUG, memberWithRole } from '../testing/reminder-pages';
import { reachableContacts } from '../guidance/guidance-email-dialog';
import { QUEUED_RELOAD_MS } from './reload-while-queued';
import { ProviderEmails } from './provider-emails';

const PROVIDER_ID = 'p-oak';
const LOG_URL = `/api/tenants/${SLUG}/providers/${PROVIDER_ID}/emails`;
const GUIDANCE_URL = `/api/tenants/${SLUG}/providers/${PROVIDER_ID}/guidance-emails`;

const PAT: ProviderContact = {
  id: 'c-pat',
  name: 'Pat Manager',
  email: 'pat@oak.example',
  role: 'registered_manager',
  isPrimary: true,
  unsubscribedAt: null,
};
const KIM: ProviderContact = {
  id: 'c-kim',
  name: 'Kim Owner',
  email: 'kim@oak.example',
  role: 'owner',
  isPrimary: false,
  unsubscribedAt: null,
};
const LEE: ProviderContact = {
  id: 'c-lee',
  name: 'Lee Left',
  email: 'lee@oak.example',
  role: 'other',
  isPrimary: false,
  unsubscribedAt: '2026-10-01T09:00:00Z',
};

const ITEMS: BlockerList['items'] = [
  {
    code: '1.1.2',
    section: 'Staffing and Roles',
    title: 'Staff list kept up to date',
    sentence: 'Please complete mandatory requirement 1.1.2',
  },
  {
    code: '4.1.1',
    section: 'Data Security',
    title: 'Data security training done',
    sentence: 'Please complete mandatory requirement 4.1.1',
  },
];

const GUIDANCE = (overrides: Partial<EmailMessageView> = {}) =>
  email('m-g', {
    kind: 'guidance',
    offsetDays: null,
    subject: null,
    status: 'queued',
    sentAt: null,
    lastAttemptAt: null,
    requestedBy: { id: 'u-jo', displayName: 'Jo Adviser' },
    queuedAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  });

const EMPTY: EmailMessageList = { items: [], total: 0, counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 } };

/** The provider page's part under test, as the page places it. */
@Component({
  imports: [ProviderEmails],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button">Something else on the page</button>
    <dspt-provider-emails
      [slug]="slug()"
      [providerId]="providerId()"
      providerName="Oak House"
      [contacts]="contacts()"
      [openItems]="items()"
      [canWrite]="true"
      (guidanceSent)="sent.push($event)"
    />
  `,
})
class ProviderPageHost {
  readonly slug = input.required<string>();
  readonly providerId = input.required<string>();
  readonly contacts = contactsOnPage;
  readonly items = itemsOnPage;
  readonly sent = sentFromPage;
}

const contactsOnPage = signal<readonly ProviderContact[]>([PAT, KIM, LEE]);
const itemsOnPage = signal<BlockerList['items'] | null>(ITEMS);
const sentFromPage: EmailMessageView[] = [];

describe('reachableContacts', () => {
  it('leaves out contacts who unsubscribed and puts the primary one first', () => {
    expect(reachableContacts([KIM, LEE, PAT]).map((contact) => contact.id)).toEqual(['c-pat', 'c-kim']);
  });
});

describe('ProviderEmails', () => {
  let pages: ReminderPages;

  beforeEach(async () => {
    contactsOnPage.set([PAT, KIM, LEE]);
    itemsOnPage.set(ITEMS);
    sentFromPage.length = 0;
    pages = new ReminderPages(memberWithRole('adviser'), [
      { path: 'lsp/:slug/providers/:providerId', component: ProviderPageHost },
    ]);
    await pages.open(`/lsp/${SLUG}/providers/${PROVIDER_ID}`);
  });

  afterEach(() => pages.close());

  const dialog = () => pages.element.querySelector<HTMLDialogElement>('[data-testid="guidance-dialog"]')!;

  it("lists the provider's emails with their status, time and who sent them", async () => {
    await pages.answer('GET', LOG_URL, {
      items: [
        GUIDANCE({ status: 'sent', sentAt: '2026-11-25T10:00:05.000Z', subject: 'What is left for Oak House' }),
        failedEmail('m-1'),
      ],
      total: 2,
      counts: { queued: 0, sent: 1, failed: 1, suppressed: 0 },
    });
    expect(pages.cells('[data-testid="email"]')).toEqual([
      [
        'Guidance email What is left for Oak House Sent by Jo Adviser',
        'Pat Manager pat@oak.example',
        'Sent 25 Nov 2026, 10:00',
        '',
      ],
      [
        'Reminder, 90 days before the deadline DSPT deadline 30 June 2027: 4 items left for Oak House',
        'Pat Manager pat@oak.example',
        'Failed 1 Apr 2027, 08:00 550 No such mailbox',
        'Send again the email to Pat Manager',
      ],
    ]);
  });

  it('sends a guidance email listing the open items, with a personal message, and shows it queued', async () => {
    await pages.answer('GET', LOG_URL, EMPTY);
    expect(pages.text('[data-testid="no-emails"]')).toBe('No emails to this provider yet.');
    expect(dialog().open).toBe(false);

    await pages.click('Send a guidance email');
    expect(dialog().open).toBe(true);
    expect(document.activeElement?.textContent).toBe('Send a guidance email');
    expect(pages.cells('[data-testid="guidance-items"] tbody tr')).toEqual([
      ['1.1.2', 'Staffing and Roles', 'Staff list kept up to date'],
      ['4.1.1', 'Data Security', 'Data security training done'],
    ]);
    // Those who unsubscribed are not offered; the primary contact is chosen.
    expect(pages.texts('[data-testid="guidance-form"] .nhsuk-radios__label')).toEqual([
      'Pat Manager (pat@oak.example)',
      'Kim Owner (kim@oak.example)',
    ]);
    expect(pages.element.querySelector<HTMLInputElement>('#guidance-contact-c-pat')!.checked).toBe(true);

    await pages.set('guidance-contact-c-kim', true);
    await pages.set('guidance-message', '  Lovely to speak to you today.  ');
    await pages.click('Send guidance email');
    const request = await pages.answer(
      'POST',
      GUIDANCE_URL,
      GUIDANCE({ toName: 'Kim Owner', toEmail: 'kim@oak.example', contactId: 'c-kim' }),
    );
    expect(request.request.body).toEqual({
      contactId: 'c-kim',
      message: 'Lovely to speak to you today.',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(dialog().open).toBe(false);
    expect(pages.text('[data-testid="emails-confirmation"]')).toBe(
      'Guidance email to Kim Owner queued. It is in the list below, and in the case notes.',
    );
    expect(sentFromPage.map((message) => message.id)).toEqual(['m-g']);
    await pages.answer('GET', LOG_URL, {
      items: [GUIDANCE({ toName: 'Kim Owner' })],
      total: 1,
      counts: { ...EMPTY.counts, queued: 1 },
    });
    expect(pages.text('[data-testid="email-status"]')).toBe('Queued');
  });

  it("shows the API's refusal in the dialog and sends the same request again when retried", async () => {
    document.title = 'Oak House – DSPT Support Portal';
    await pages.answer('GET', LOG_URL, EMPTY);
    await pages.click('Send a guidance email');
    await pages.click('Send guidance email');
    const first = await pages.refuse(
      'POST',
      GUIDANCE_URL,
      409,
      'Pat Manager unsubscribed on 2026-11-20: an adviser can resubscribe them, giving a reason',
    );
    expect(dialog().open).toBe(true);
    expect(pages.text('[data-testid="guidance-dialog"] [data-testid="error-summary"]')).toContain(
      'Pat Manager unsubscribed on 2026-11-20: an adviser can resubscribe them, giving a reason',
    );
    expect(document.title).toBe('Error: Oak House – DSPT Support Portal');
    await pages.set('guidance-message', 'Call me back');
    await pages.click('Send guidance email');
    const second = await pages.refuse('POST', GUIDANCE_URL, 400, 'message must not name a person', [
      { field: 'message', message: 'message must not name a person' },
    ]);
    // The same request: were the first one to have gone through, nothing would be sent twice.
    expect(second.request.body.requestId).toBe(first.request.body.requestId);
    expect(pages.fieldError('guidance-message')).toBe('message must not name a person');

    // Cancel closes it, and the next opening starts afresh.
    await pages.click('Cancel');
    expect(dialog().open).toBe(false);
    expect(document.title).toBe('Oak House – DSPT Support Portal');
    await pages.click('Send a guidance email');
    expect(pages.element.querySelector('[data-testid="guidance-dialog"] [data-testid="error-summary"]')).toBeNull();
    await pages.click('Send guidance email');
    const third = await pages.answer('POST', GUIDANCE_URL, GUIDANCE());
    expect(third.request.body.requestId).not.toBe(first.request.body.requestId);
    await pages.answer('GET', LOG_URL, EMPTY);
  });

  it('says when no contact can get the email, and sends nothing', async () => {
    contactsOnPage.set([LEE]);
    itemsOnPage.set([]);
    await pages.answer('GET', LOG_URL, EMPTY);
    await pages.click('Send a guidance email');
    expect(pages.text('[data-testid="guidance-items"]')).toBe(
      'Every mandatory item is complete: the email will say so.',
    );
    expect(pages.text('[data-testid="guidance-no-contact"]')).toBe(
      'No contact of this provider can get emails: add a contact, or resubscribe one who unsubscribed.',
    );
    expect(pages.element.querySelector('[data-testid="guidance-form"]')).toBeNull();
    await pages.click('Close');
    expect(dialog().open).toBe(false);
  });

  it('asks again every few seconds while an email is queued, and stops once it is sent', async () => {
    pages.useFakeTimers();
    await pages.answer('GET', LOG_URL, { items: [GUIDANCE()], total: 1, counts: { ...EMPTY.counts, queued: 1 } });
    await pages.wait(QUEUED_RELOAD_MS - 100);
    pages.http.expectNone(LOG_URL);
    await pages.wait(100);
    await pages.answer('GET', LOG_URL, {
      items: [GUIDANCE({ status: 'sent', sentAt: '2026-11-25T10:00:05.000Z' })],
      total: 1,
      counts: { ...EMPTY.counts, sent: 1 },
    });
    expect(pages.text('[data-testid="email-status"]')).toBe('Sent');
    await pages.wait(QUEUED_RELOAD_MS * 3);
    pages.http.expectNone(LOG_URL);
  });
});
