import type { EmailMessageList, ReminderPreview } from '@dspt/contracts';
import { campaignRoutes } from '../reminders.routes';
import { CADENCE, email, failedEmail } from '../testing/reminder-data';
import { ReminderPages, SLUG, memberWithRole } from '../testing/reminder-pages';
import { excludedText } from './campaign-step-page';

const CADENCE_URL = `/api/tenants/${SLUG}/reminders/cadence`;
const PREVIEW_URL = `/api/tenants/${SLUG}/reminders/preview`;
const LOG_URL = `/api/tenants/${SLUG}/emails`;

const PREVIEW: ReminderPreview = {
  cycle: '2026-27',
  offsetDays: 30,
  sendOn: '2027-06-01',
  sendAt: '2027-06-01T08:00:00.000Z',
  total: 27,
  excluded: { publishedAtStandardsMet: 10, unsubscribed: 1, noPrimaryContact: 0 },
  items: [
    {
      providerId: 'p-ash',
      providerName: 'Ash Lodge',
      odsCode: 'AB1',
      contactId: 'c-ash',
      contactName: 'Ash Manager',
      contactEmail: 'manager@ash.example',
      itemsLeft: 12,
      alreadyPlanned: false,
    },
    {
      providerId: 'p-oak',
      providerName: 'Oak House',
      odsCode: 'OK2',
      contactId: 'c-pat',
      contactName: 'Pat Manager',
      contactEmail: 'pat@oak.example',
      itemsLeft: 4,
      alreadyPlanned: true,
    },
  ],
  page: 1,
  pageSize: 25,
};

const LOG: EmailMessageList = {
  items: [
    failedEmail('m-2', {
      toName: 'Sam Owner',
      toEmail: 'sam@elm.example',
      providerName: 'Elm Court',
      providerId: 'p-elm',
    }),
    email('m-1'),
  ],
  total: 2,
  counts: { queued: 0, sent: 1, failed: 1, suppressed: 0 },
};

describe('excludedText', () => {
  it('names the reasons providers are left out, or says none is', () => {
    expect(excludedText(PREVIEW)).toBe(
      'Left out: 10 providers published at Standards Met or above, 1 provider unsubscribed.',
    );
    expect(excludedText({ excluded: { publishedAtStandardsMet: 0, unsubscribed: 0, noPrimaryContact: 2 } })).toBe(
      'Left out: 2 providers without a primary contact.',
    );
    expect(excludedText({ excluded: { publishedAtStandardsMet: 0, unsubscribed: 0, noPrimaryContact: 0 } })).toBe(
      'No active provider is left out.',
    );
  });
});

describe('CampaignStepPage', () => {
  let pages: ReminderPages;

  afterEach(() => pages.close());

  async function open(role: 'viewer' | 'adviser', url: string): Promise<void> {
    pages = new ReminderPages(memberWithRole(role), [{ path: 'lsp/:slug/campaigns', children: campaignRoutes }]);
    await pages.open(url);
    await pages.answer('GET', CADENCE_URL, CADENCE);
  }

  it("shows, before the step's day, how many providers and which ones it will email, and who is left out", async () => {
    await open('viewer', `/lsp/${SLUG}/campaigns/30?cycle=2026-27&page=2`);
    const preview = await pages.answer('GET', PREVIEW_URL, { ...PREVIEW, page: 2 });
    expect(preview.request.params.get('cycle')).toBe('2026-27');
    expect(preview.request.params.get('offsetDays')).toBe('30');
    expect(preview.request.params.get('page')).toBe('2');
    const log = await pages.answer('GET', LOG_URL, {
      items: [],
      total: 0,
      counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 },
    });
    expect(log.request.params.get('offsetDays')).toBe('30');
    expect(log.request.params.get('kind')).toBe('deadline_reminder');

    expect(pages.text('h1')).toBe('Reminder 30 days before the deadline');
    expect(pages.text('[data-testid="step-when"]')).toBe(
      '2026-27 assessment: goes out on Tuesday 1 June 2027 at 9am. Upcoming',
    );
    expect(pages.text('[data-testid="audience-count"]')).toBe(
      'As things stand now it will email 27 providers. Left out: 10 providers published at Standards Met or above, 1 provider unsubscribed.',
    );
    expect(pages.cells('[data-testid="audience-member"]')).toEqual([
      ['Ash Lodge AB1', 'Ash Manager manager@ash.example', '12'],
      ['Oak House OK2 In the delivery log', 'Pat Manager pat@oak.example', '4'],
    ]);
    expect(pages.element.querySelector('[data-testid="audience-member"] a')?.getAttribute('href')).toBe(
      `/lsp/${SLUG}/providers/p-ash`,
    );
    // 27 providers, 25 a page: page 2 of 2.
    expect(pages.element.querySelector('[aria-current="page"][aria-label="Page 2"]')).not.toBeNull();
    expect(pages.text('[data-testid="no-emails"]')).toBe('No emails of this step yet.');
  });

  it("lists the step's emails with their status and time, and sends a failed one again", async () => {
    await open('adviser', `/lsp/${SLUG}/campaigns/90`);
    await pages.answer('GET', PREVIEW_URL, { ...PREVIEW, offsetDays: 90, items: [] });
    await pages.answer('GET', LOG_URL, LOG);

    expect(pages.text('[data-testid="step-when"]')).toContain('Sending now');
    expect(pages.texts('nav[aria-label="Emails by status"] a')).toEqual([
      'All',
      'Queued (1)',
      'Sent (30)',
      'Failed (2)',
      'Not sent (3)',
    ]);
    expect(pages.cells('[data-testid="email"]')).toEqual([
      [
        'Reminder, 90 days before the deadline DSPT deadline 30 June 2027: 4 items left for Oak House',
        'Elm Court Sam Owner sam@elm.example',
        'Failed 1 April 2027 at 9am 550 No such mailbox',
        'Send again the email to Sam Owner',
      ],
      [
        'Reminder, 90 days before the deadline DSPT deadline 30 June 2027: 4 items left for Oak House',
        'Oak House Pat Manager pat@oak.example',
        'Sent 1 April 2027 at 9am',
        '',
      ],
    ]);

    await pages.click('Send again the email to Sam Owner');
    const retry = await pages.answer('POST', `${LOG_URL}/m-2/retry`, {
      ...LOG.items[0],
      status: 'queued',
      failedAt: null,
    });
    expect(retry.request.body).toBeNull();
    expect(pages.text('[data-testid="retry-confirmation"]')).toBe('The email to Sam Owner is queued to be sent again.');
    // The log and the step's counts are read again.
    await pages.answer('GET', LOG_URL, { ...LOG, items: [{ ...LOG.items[0], status: 'sent' }, LOG.items[1]] });
    await pages.answer('GET', CADENCE_URL, CADENCE);
    expect(pages.texts('[data-testid="email-status"]')).toEqual(['Sent', 'Sent']);
  });

  it('says why a failed email could not be sent again', async () => {
    await open('adviser', `/lsp/${SLUG}/campaigns/90`);
    await pages.answer('GET', PREVIEW_URL, { ...PREVIEW, offsetDays: 90, items: [] });
    await pages.answer('GET', LOG_URL, LOG);
    await pages.click('Send again the email to Sam Owner');
    await pages.refuse('POST', `${LOG_URL}/m-2/retry`, 409, 'Only failed emails can be sent again; this one is sent');
    expect(pages.text('[data-testid="error-summary"]')).toContain(
      'Only failed emails can be sent again; this one is sent',
    );
    expect(pages.button('Send again the email to Sam Owner').disabled).toBe(false);
  });

  it('lets viewers read the log without sending anything again, filtered by status from the address', async () => {
    await open('viewer', `/lsp/${SLUG}/campaigns/90?status=failed`);
    await pages.answer('GET', PREVIEW_URL, { ...PREVIEW, offsetDays: 90, items: [] });
    const log = await pages.answer('GET', LOG_URL, { ...LOG, items: [LOG.items[0]], total: 1 });
    expect(log.request.params.get('status')).toBe('failed');
    expect(
      pages.element.querySelector('nav[aria-label="Emails by status"] [aria-current="page"]')?.textContent,
    ).toContain('Failed');
    expect(pages.cells('[data-testid="email"]')[0]).toHaveLength(3);
  });

  it('says so for a step the LSP does not have, and still lists its emails', async () => {
    await open('viewer', `/lsp/${SLUG}/campaigns/45`);
    pages.http.expectNone((request) => request.url === PREVIEW_URL);
    await pages.answer('GET', LOG_URL, {
      items: [],
      total: 0,
      counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 },
    });
    expect(pages.text('[data-testid="not-a-step"]')).toBe(
      'This is not one of the 2026-27 reminder steps. Its emails, if any went out, are listed below.',
    );
  });

  it('shows why the providers could not be loaded', async () => {
    await open('viewer', `/lsp/${SLUG}/campaigns/30`);
    await pages.refuse('GET', PREVIEW_URL, 400, "offsetDays must be one of this LSP's steps for 2026-27: 90, 7");
    await pages.answer('GET', LOG_URL, {
      items: [],
      total: 0,
      counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 },
    });
    expect(pages.text('[data-testid="load-problem"]')).toBe(
      "The providers this step emails could not be loaded. offsetDays must be one of this LSP's steps for 2026-27: 90, 7",
    );
  });
});
