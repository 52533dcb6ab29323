import type { UnsubscribeView } from '@dspt/contracts';
import { ReminderPages } from '../testing/reminder-pages';
import { UnsubscribePage } from './unsubscribe-page';

const TOKEN = 'u1.dGVuYW50.Y29udGFjdA.c2lnbmF0dXJl';
const VIEW: UnsubscribeView = {
  email: 'p***@oak.example',
  lspName: 'North Care Alliance',
  providerName: 'Oak House',
  unsubscribed: false,
  unsubscribedAt: null,
};

describe('UnsubscribePage', () => {
  let pages: ReminderPages;

  beforeEach(() => {
    // Nobody signed in: the link works from any mail program.
    pages = new ReminderPages(null, [{ path: 'unsubscribe', component: UnsubscribePage }]);
  });

  afterEach(() => pages.close());

  it('says what will happen, unsubscribes with one click and confirms it', async () => {
    await pages.open(`/unsubscribe?token=${TOKEN}`);
    const described = await pages.answer('GET', '/api/unsubscribe', VIEW);
    expect(described.request.params.get('token')).toBe(TOKEN);
    expect(pages.text('h1')).toBe('Unsubscribe from DSPT emails');
    expect(pages.text('[data-testid="unsubscribe-summary"]')).toBe(
      'If you unsubscribe, p***@oak.example will no longer receive Data Security and Protection Toolkit (DSPT) reminders or guidance emails from North Care Alliance about Oak House.',
    );

    await pages.click('Unsubscribe');
    const done = await pages.answer('POST', '/api/unsubscribe', {
      ...VIEW,
      unsubscribed: true,
      unsubscribedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(done.request.body).toEqual({ token: TOKEN });
    expect(pages.text('[data-testid="unsubscribe-confirmation"]')).toBe(
      'You have unsubscribed p***@oak.example was removed from DSPT emails from North Care Alliance',
    );
    expect(document.activeElement?.textContent?.trim()).toBe('You have unsubscribed');
    expect(pages.element.textContent).toContain('Unsubscribed on 25 November 2026.');
  });

  it('says so when the address has unsubscribed already', async () => {
    await pages.open(`/unsubscribe?token=${TOKEN}`);
    await pages.answer('GET', '/api/unsubscribe', {
      ...VIEW,
      unsubscribed: true,
      unsubscribedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(pages.text('h1')).toBe('You had already unsubscribed');
    expect(() => pages.button('Unsubscribe')).toThrow();
  });

  it('refuses a forged or altered link with the reason', async () => {
    await pages.open(`/unsubscribe?token=${TOKEN}x`);
    await pages.refuse(
      'GET',
      '/api/unsubscribe',
      400,
      'This unsubscribe link is not valid: copy the whole link from the email',
      [{ field: 'token', message: 'This unsubscribe link is not valid: copy the whole link from the email' }],
    );
    expect(pages.text('h1')).toBe('This link does not work');
    expect(pages.text('[data-testid="unsubscribe-problem"]')).toBe(
      'This unsubscribe link is not valid: copy the whole link from the email',
    );
    expect(() => pages.button('Unsubscribe')).toThrow();
  });

  it('says a link without its token is incomplete, without asking the API', async () => {
    await pages.open('/unsubscribe');
    pages.http.expectNone('/api/unsubscribe');
    expect(pages.text('[data-testid="unsubscribe-problem"]')).toBe(
      'This unsubscribe link is not complete: copy the whole link from the email.',
    );
  });

  it('shows why unsubscribing failed, and lets the person try again', async () => {
    await pages.open(`/unsubscribe?token=${TOKEN}`);
    await pages.answer('GET', '/api/unsubscribe', VIEW);
    await pages.click('Unsubscribe');
    pages.http.expectOne('/api/unsubscribe').flush('Bad gateway', { status: 502, statusText: 'Bad Gateway' });
    await pages.settle();
    expect(pages.text('[data-testid="error-summary"]')).toContain(
      'Sorry, there is a problem with the service. Try again later.',
    );
    expect(pages.button('Unsubscribe').disabled).toBe(false);
  });
});
