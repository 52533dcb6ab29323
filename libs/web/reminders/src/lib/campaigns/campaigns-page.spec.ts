import type { ReminderCadence } from '@dspt/contracts';
import { campaignRoutes } from '../reminders.routes';
import { CADENCE, step } from '../testing/reminder-data';
import { ReminderPages, SLUG, memberWithRole } from '../testing/reminder-pages';
import { neighbourCycles } from './campaigns-page';
import { parseOffsets } from './cadence-form';

const CADENCE_URL = `/api/tenants/${SLUG}/reminders/cadence`;

describe('parseOffsets', () => {
  it.each([
    ['90, 30, 7', [90, 30, 7]],
    ['90,30 7 ', [90, 30, 7]],
    [' 14 ', [14]],
    ['90, soon', null],
    ['30.5', null],
    ['-7', null],
  ])('reads %p as %p', (text, expected) => {
    expect(parseOffsets(text)).toEqual(expected);
  });
});

describe('neighbourCycles', () => {
  it('gives the cycles before and after one', () => {
    expect(neighbourCycles('2026-27')).toEqual({ previous: '2025-26', next: '2027-28' });
    expect(neighbourCycles('1999-00')).toEqual({ previous: '1998-99', next: '2000-01' });
  });
});

describe('CampaignsPage', () => {
  let pages: ReminderPages;

  afterEach(() => pages.close());

  function open(role: 'viewer' | 'adviser' | 'admin', query = ''): Promise<void> {
    pages = new ReminderPages(memberWithRole(role), [{ path: 'lsp/:slug/campaigns', children: campaignRoutes }]);
    return pages.open(`/lsp/${SLUG}/campaigns${query}`);
  }

  describe('for an adviser', () => {
    beforeEach(() => open('adviser'));

    it("shows the cycle's steps: when each goes out, where it stands, its emails by status, and a link to each", async () => {
      const request = await pages.answer('GET', CADENCE_URL, CADENCE);
      expect(request.request.params.keys()).toEqual([]);
      expect(pages.text('h1')).toBe('Campaigns');
      expect(pages.text('[data-testid="cycle"]')).toBe('2026-27 assessment, deadline 30 June 2027. 2025-26 · 2027-28');
      expect(pages.text('[data-testid="cadence-source"]')).toBe('These are the default steps for 2026-27.');
      expect(pages.cells('[data-testid="reminder-step"]')).toEqual([
        ['90 days before the deadline', 'Thursday 1 April 2027 at 9am', 'Sending now', '1', '30', '2', '3'],
        ['30 days before the deadline', 'Tuesday 1 June 2027 at 9am', 'Upcoming', '0', '0', '0', '0'],
        ['7 days before the deadline', 'Wednesday 23 June 2027 at 9am', 'Upcoming', '0', '0', '0', '0'],
      ]);
      const link = pages.element.querySelector<HTMLAnchorElement>('[data-testid="reminder-step"] a')!;
      expect(link.getAttribute('href')).toBe(`/lsp/${SLUG}/campaigns/90?cycle=2026-27`);
      // Advisers read the steps; only admins change them.
      expect(pages.element.querySelector('[data-testid="cadence-form"]')).toBeNull();
    });

    it('warns when a step goes out after the bank-holiday table ends, and only then', async () => {
      await pages.answer('GET', CADENCE_URL, { ...CADENCE, bankHolidaysKnownUntil: '2028-12-31' });
      expect(pages.text('[data-testid="bank-holiday-warning"] p')).toBe(
        "The portal knows bank holidays up to 31 December 2028. A step after that could go out on a bank holiday until the portal's support team refreshes its table from GOV.UK.",
      );
    });

    it('says nothing of bank holidays while the table covers every step', async () => {
      await pages.answer('GET', CADENCE_URL, CADENCE);
      expect(pages.element.querySelector('[data-testid="bank-holiday-warning"]')).toBeNull();
    });

    it('shows why the steps could not be loaded', async () => {
      await pages.refuse('GET', CADENCE_URL, 404, 'The current cycle 2026-27 has not been loaded yet');
      expect(pages.text('[data-testid="load-problem"]')).toBe(
        'The reminder steps could not be loaded. The current cycle 2026-27 has not been loaded yet',
      );
    });
  });

  it('asks for the cycle in the address, and links to the cycles either side', async () => {
    await open('viewer', '?cycle=2025-26');
    const request = await pages.answer('GET', CADENCE_URL, {
      ...CADENCE,
      cycle: '2025-26',
      deadline: '2026-06-30',
      steps: [step(90, '2026-04-01', { past: true })],
    });
    expect(request.request.params.get('cycle')).toBe('2025-26');
    expect(pages.cells('[data-testid="reminder-step"]')[0].slice(0, 3)).toEqual([
      '90 days before the deadline',
      'Wednesday 1 April 2026 at 9am',
      'Past',
    ]);
    const cycleLinks = [...pages.element.querySelectorAll<HTMLAnchorElement>('[data-testid="cycle"] a')];
    expect(cycleLinks.map((link) => link.getAttribute('href'))).toEqual([
      `/lsp/${SLUG}/campaigns?cycle=2024-25`,
      `/lsp/${SLUG}/campaigns?cycle=2026-27`,
    ]);
  });

  describe('for an LSP admin', () => {
    beforeEach(async () => {
      await open('admin');
      await pages.answer('GET', CADENCE_URL, CADENCE);
    });

    it('changes the steps, then shows the new ones and says so', async () => {
      const input = pages.element.querySelector<HTMLInputElement>('#cadence-offsets')!;
      expect(input.value).toBe('90, 30, 7');
      await pages.set('cadence-offsets', '60, 30,7, 2');
      await pages.click('Save the steps');

      const saved: ReminderCadence = {
        ...CADENCE,
        offsetsDays: [60, 30, 7, 2],
        isDefault: false,
        updatedAt: '2026-11-25T10:00:00.000Z',
        steps: [step(60, '2027-05-03'), step(30, '2027-06-01'), step(7, '2027-06-23'), step(2, '2027-06-28')],
      };
      const request = await pages.answer('PUT', CADENCE_URL, saved);
      expect(request.request.body).toEqual({ cycle: '2026-27', offsetsDays: [60, 30, 7, 2] });
      expect(pages.text('[data-testid="cadence-confirmation"]')).toBe(
        'The 2026-27 reminders now go out 60, 30, 7, 2 days before the deadline.',
      );
      expect(pages.cells('[data-testid="reminder-step"]').map((row) => row[0])).toEqual([
        '60 days before the deadline',
        '30 days before the deadline',
        '7 days before the deadline',
        '2 days before the deadline',
      ]);
      expect(pages.text('[data-testid="cadence-source"]')).toBe(
        'North Care Alliance chose these steps on 25 November 2026. The defaults are 90, 30, 7 days before the deadline.',
      );
      expect(input.value).toBe('60, 30, 7, 2');

      // And back to the defaults.
      await pages.click('Use the default steps (90, 30, 7 days)');
      const reset = await pages.answer('PUT', CADENCE_URL, CADENCE);
      expect(reset.request.body).toEqual({ cycle: '2026-27', offsetsDays: null });
      expect(pages.text('[data-testid="cadence-confirmation"]')).toBe(
        'The 2026-27 reminders are back to the default steps: 90, 30, 7 days before the deadline.',
      );
    });

    it("shows the API's refusal on the field, in its words", async () => {
      await pages.set('cadence-offsets', '400, 30, 30');
      await pages.click('Save the steps');
      await pages.refuse('PUT', CADENCE_URL, 400, 'Each step must be 1 to 365 days before the deadline', [
        { field: 'offsetsDays', message: 'Each step must be 1 to 365 days before the deadline' },
        { field: 'offsetsDays', message: '30 days is there twice' },
      ]);
      expect(pages.fieldError('cadence-offsets')).toBe('Each step must be 1 to 365 days before the deadline');
      expect(pages.texts('[data-testid="error-summary"] li')).toEqual([
        'Each step must be 1 to 365 days before the deadline',
        '30 days is there twice',
      ]);
      expect(document.activeElement?.getAttribute('data-testid')).toBe('error-summary');
      // Nothing changed on the page.
      expect(pages.cells('[data-testid="reminder-step"]')).toHaveLength(3);
    });

    it('asks for whole numbers before asking the API', async () => {
      await pages.set('cadence-offsets', '90, soon');
      await pages.click('Save the steps');
      pages.http.expectNone(CADENCE_URL);
      expect(pages.fieldError('cadence-offsets')).toBe(
        'Enter whole numbers of days, separated by commas, for example 90, 30, 7',
      );
    });
  });
});
