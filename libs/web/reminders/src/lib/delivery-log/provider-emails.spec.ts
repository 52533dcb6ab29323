import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import type { BlockerList, EmailMessageList, EmailMessageView, ProviderContact } from '@dspt/contracts';
import { email, failedEmail } from '../testing/reminder-data';
import { ReminderPages, SLUG, memberWithRole } from '../testing/reminder-pages';
import { reachableContacts } from '../guidance/guidance-email-dialog';
import { QUEUED_RELOAD_MAX_MS, QUEUED_RELOAD_MS, queuedReloadDelay } from './reload-while-queued';
import { ProviderEmails } from './provider-emails';

const PROVIDER_ID = 'p-oak';
const LOG_URL = `/api/tenants/${SLUG}/providers/${PROVIDER_ID}/emails`;
const GUIDANCE_URL = `/api/tenants/${SLUG}/providers/${PROVIDER_ID}/guidance-emails`;
const PREVIEW_URL = `${GUIDANCE_URL}/preview`;
const KIM_PREVIEW = {
  contactId: 'c-kim',
  toName: 'Kim Owner',
  to: '"Kim Owner" <kim@oak.example>',
  from: '"North Care" <portal@dspt.example>',
  replyTo: null,
  subject: 'Help with your DSPT: 1 mandatory item left for Oak House',
  text: 'Dear Kim Owner,\n\nLovely to speak to you today.\n\n- 4.1.1 (Data Security): Data security training done',
  html: '<p>Dear Kim Owner,</p><ul><li>4.1.1 Data security training done</li></ul>',
};

const PAT: ProviderContact = {
  id: 'c-pat',
  name: 'Pat Manager',
  email: 'pat@oak.example',
  phone: null,
  role: 'registered_manager',
  isPrimary: true,
  unsubscribedAt: null,
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
const LEE: ProviderContact = {
  id: 'c-lee',
  name: 'Lee Left',
  email: 'lee@oak.example',
  phone: null,
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
        'Sent 25 November 2026 at 10am',
        '',
      ],
      [
        'Reminder, 90 days before the deadline DSPT deadline 30 June 2027: 4 items left for Oak House',
        'Pat Manager pat@oak.example',
        'Failed 1 April 2027 at 9am 550 No such mailbox',
        'Send again the email to Pat Manager',
      ],
    ]);
  });

  it('lets the adviser choose recipients and items, previews the exact email, sends it and follows its status', async () => {
    pages.useFakeTimers();
    await pages.answer('GET', LOG_URL, EMPTY);
    expect(pages.text('[data-testid="no-emails"]')).toBe('No emails to this provider yet.');
    expect(dialog().open).toBe(false);

    await pages.click('Send a guidance email');
    expect(dialog().open).toBe(true);
    expect(document.activeElement?.id).toBe('guidance-dialog-title');
    // Every contact is shown; one who unsubscribed cannot be chosen, and says why. The primary one is chosen.
    expect(pages.texts('[data-testid="guidance-contacts"] .nhsuk-checkboxes__label')).toEqual([
      'Pat Manager (pat@oak.example)',
      'Kim Owner (kim@oak.example)',
      'Lee Left (lee@oak.example)',
    ]);
    const box = (id: string) => pages.element.querySelector<HTMLInputElement>(`[id="${id}"]`)!;
    expect([box('guidance-contact-c-pat').checked, box('guidance-contact-c-kim').checked]).toEqual([true, false]);
    expect(box('guidance-contact-c-lee').disabled).toBe(true);
    expect(pages.text('[id="guidance-contact-c-lee-hint"]')).toBe(
      'Cannot be chosen: unsubscribed on 1 October 2026. Resubscribe them under Contacts if they ask to get emails again.',
    );
    // Every open item is chosen to begin with.
    expect(pages.texts('[data-testid="guidance-items"] .nhsuk-checkboxes__label')).toEqual([
      '1.1.2 Staff list kept up to date',
      '4.1.1 Data security training done',
    ]);
    expect([box('guidance-item-1.1.2').checked, box('guidance-item-4.1.1').checked]).toEqual([true, true]);

    // Nothing chosen: the errors name what is missing, and nothing is asked of the API.
    await pages.set('guidance-contact-c-pat', false);
    await pages.set('guidance-item-1.1.2', false);
    await pages.set('guidance-item-4.1.1', false);
    await pages.click('Preview the email');
    expect(pages.fieldError('guidance-contacts')).toBe('Select at least one contact to send it to');
    expect(pages.fieldError('guidance-items')).toBe('Select at least one item for the email to list');
    expect(box('guidance-contact-c-kim').getAttribute('aria-invalid')).toBe('true');
    pages.http.expectNone(PREVIEW_URL);

    await pages.set('guidance-contact-c-kim', true);
    await pages.set('guidance-item-4.1.1', true);
    await pages.set('guidance-message', '  Lovely to speak to you today.  ');
    await pages.click('Preview the email');
    const asked = await pages.answer('POST', PREVIEW_URL, { emails: [KIM_PREVIEW] });
    expect(asked.request.body).toEqual({
      contactIds: ['c-kim'],
      questionCodes: ['4.1.1'],
      message: 'Lovely to speak to you today.',
    });
    expect(pages.text('#guidance-dialog-title')).toBe('Check the guidance email');
    expect(document.activeElement?.id).toBe('guidance-dialog-title');
    expect(pages.text('[data-testid="guidance-preview-c-kim"] h3')).toBe('To Kim Owner');
    expect(pages.text('[data-testid="preview-subject"]')).toBe(KIM_PREVIEW.subject);
    const frame = pages.element.querySelector<HTMLIFrameElement>('[data-testid="preview-html"]')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(KIM_PREVIEW.html);
    expect(pages.text('[data-testid="preview-text"]')).toBe(KIM_PREVIEW.text.replace(/\s+/g, ' '));

    // Back to change it: the choices are as they were.
    await pages.click('Change the email');
    expect(box('guidance-contact-c-kim').checked).toBe(true);
    expect(box('guidance-item-1.1.2').checked).toBe(false);
    await pages.click('Preview the email');
    await pages.answer('POST', PREVIEW_URL, { emails: [KIM_PREVIEW] });

    await pages.click('Send guidance email');
    const kimQueued = GUIDANCE({ toName: 'Kim Owner', toEmail: 'kim@oak.example', contactId: 'c-kim' });
    const request = await pages.answer('POST', GUIDANCE_URL, { ...kimQueued, messages: [kimQueued] });
    expect(request.request.body).toEqual({
      contactIds: ['c-kim'],
      questionCodes: ['4.1.1'],
      message: 'Lovely to speak to you today.',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(dialog().open).toBe(false);
    expect(pages.text('[data-testid="emails-confirmation"]')).toBe(
      'Guidance email to Kim Owner queued. It is in the list below, and in the case notes.',
    );
    expect(sentFromPage.map((message) => message.id)).toEqual(['m-g']);
    const status = pages.element.querySelector('[data-testid="guidance-status"]')!;
    expect(status.getAttribute('role')).toBe('status');
    await pages.answer('GET', LOG_URL, { items: [kimQueued], total: 1, counts: { ...EMPTY.counts, queued: 1 } });
    expect(pages.text('[data-testid="email-status"]')).toBe('Queued');
    expect(status.textContent?.trim()).toBe('Guidance email to Kim Owner: queued.');

    // It changes without reloading the page, and the live region says so.
    await pages.wait(queuedReloadDelay(0));
    await pages.answer('GET', LOG_URL, {
      items: [{ ...kimQueued, status: 'failed', lastError: '550 No such mailbox' }],
      total: 1,
      counts: { ...EMPTY.counts, failed: 1 },
    });
    expect(status.textContent?.trim()).toBe('Guidance email to Kim Owner: failed (550 No such mailbox).');
  });

  it("shows the API's refusal in the dialog and sends the same request again when retried", async () => {
    document.title = 'Oak House – DSPT Support Portal';
    await pages.answer('GET', LOG_URL, EMPTY);
    await pages.click('Send a guidance email');
    await pages.click('Preview the email');
    const refusedPreview = await pages.refuse(
      'POST',
      PREVIEW_URL,
      409,
      'Pat Manager unsubscribed on 2026-11-20: an adviser can resubscribe them, giving a reason',
    );
    expect(refusedPreview.request.body).toEqual({ contactIds: ['c-pat'], questionCodes: ['1.1.2', '4.1.1'] });
    expect(dialog().open).toBe(true);
    expect(pages.text('[data-testid="guidance-dialog"] [data-testid="error-summary"]')).toContain(
      'Pat Manager unsubscribed on 2026-11-20',
    );
    expect(document.title).toBe('Error: Oak House – DSPT Support Portal');
    await pages.click('Preview the email');
    await pages.answer('POST', PREVIEW_URL, {
      emails: [{ ...KIM_PREVIEW, contactId: 'c-pat', toName: 'Pat Manager' }],
    });
    await pages.click('Send guidance email');
    const first = await pages.refuse('POST', GUIDANCE_URL, 503, 'The service is busy');
    expect(pages.text('[data-testid="guidance-dialog"] [data-testid="error-summary"]')).toContain(
      'The service is busy',
    );
    await pages.click('Send guidance email');
    const second = await pages.refuse('POST', GUIDANCE_URL, 503, 'The service is busy');
    // The same request: were the first one to have gone through, nothing would be sent twice.
    expect(second.request.body.requestId).toBe(first.request.body.requestId);

    // Cancel closes it, and the next opening starts afresh.
    await pages.click('Cancel');
    expect(dialog().open).toBe(false);
    expect(document.title).toBe('Oak House – DSPT Support Portal');
    await pages.click('Send a guidance email');
    expect(pages.element.querySelector('[data-testid="guidance-dialog"] [data-testid="error-summary"]')).toBeNull();
    expect(pages.text('#guidance-dialog-title')).toBe('Send a guidance email');
    await pages.click('Preview the email');
    await pages.answer('POST', PREVIEW_URL, { emails: [KIM_PREVIEW] });
    await pages.click('Send guidance email');
    const third = await pages.answer('POST', GUIDANCE_URL, { ...GUIDANCE(), messages: [GUIDANCE()] });
    expect(third.request.body.requestId).not.toBe(first.request.body.requestId);
    await pages.answer('GET', LOG_URL, EMPTY);
  });

  it('says when no contact can get the email, and sends nothing', async () => {
    contactsOnPage.set([LEE]);
    itemsOnPage.set([]);
    await pages.answer('GET', LOG_URL, EMPTY);
    await pages.click('Send a guidance email');
    expect(pages.text('[data-testid="guidance-no-contact"]')).toBe(
      'No contact of this provider can get emails: add a contact, or resubscribe one who unsubscribed.',
    );
    expect(pages.element.querySelector('[data-testid="guidance-add-contact"]')?.getAttribute('href')).toBe(
      `/lsp/${SLUG}/providers/${PROVIDER_ID}/contacts/new`,
    );
    expect(pages.element.querySelector('[data-testid="guidance-form"]')).toBeNull();
    await pages.click('Close');
    expect(dialog().open).toBe(false);
  });

  it('asks again while an email is queued, waiting longer each time up to a bound, and stops once it is sent', async () => {
    pages.useFakeTimers();
    const queued = { items: [GUIDANCE()], total: 1, counts: { ...EMPTY.counts, queued: 1 } };
    await pages.answer('GET', LOG_URL, queued);
    await pages.wait(QUEUED_RELOAD_MS - 100);
    pages.http.expectNone(LOG_URL);
    await pages.wait(100);
    await pages.answer('GET', LOG_URL, queued);
    // The second wait is twice the first.
    await pages.wait(QUEUED_RELOAD_MS * 2 - 100);
    pages.http.expectNone(LOG_URL);
    await pages.wait(100);
    await pages.answer('GET', LOG_URL, {
      items: [GUIDANCE({ status: 'sent', sentAt: '2026-11-25T10:00:05.000Z' })],
      total: 1,
      counts: { ...EMPTY.counts, sent: 1 },
    });
    expect(pages.text('[data-testid="email-status"]')).toBe('Sent');
    await pages.wait(QUEUED_RELOAD_MAX_MS * 2);
    pages.http.expectNone(LOG_URL);
  });
});

describe('queuedReloadDelay', () => {
  it.each([
    [0, 3_000],
    [1, 6_000],
    [3, 24_000],
    [4, 30_000],
    [40, 30_000],
  ])('after %i asks waits %i ms', (asked, ms) => {
    expect(queuedReloadDelay(asked)).toBe(ms);
  });
});
