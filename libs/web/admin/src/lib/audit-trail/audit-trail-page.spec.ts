import type { AuditEventList, AuditEventView, CurrentUser } from '@dspt/contracts';
import { RoutedPages } from '@dspt/web/auth/testing';
import { AuditTrailPage } from './audit-trail-page';

const SLUG = 'north';
const URL = `/api/tenants/${SLUG}/audit-events`;
const PROVIDER = '7b1c3f8e-2d4a-4e6b-9c1d-0a2b3c4d5e6f';

const ADMIN: CurrentUser = {
  user: { id: 'u-admin', email: 'ada@example.org', displayName: 'Ada Admin', mfaEnrolled: true },
  memberships: [
    { tenant: { id: 't-1', slug: SLUG, name: 'North Care Alliance', region: 'North East' }, role: 'admin' },
  ],
  roles: [],
};

function event(id: string, overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id,
    occurredAt: '2026-08-09T23:30:00Z',
    action: 'task.completed',
    actorEmail: 'sam@example.org',
    targetType: 'provider',
    targetId: PROVIDER,
    before: null,
    after: null,
    ip: null,
    ...overrides,
  };
}

const LIST: AuditEventList = {
  items: [
    event('e-1'),
    event('e-2', {
      action: 'membership.role_changed',
      actorEmail: null,
      targetType: 'user',
      targetId: 'u-sam',
      before: { role: 'viewer' },
      after: { role: 'adviser', email: 'sam@example.org' },
    }),
  ],
  total: 1234,
  page: 2,
  pageSize: 50,
};

describe('AuditTrailPage', () => {
  let pages: RoutedPages;

  beforeEach(() => {
    pages = new RoutedPages(ADMIN, [{ path: 'lsp/:slug/audit', component: AuditTrailPage }]);
  });
  afterEach(() => pages.close());

  async function answer(body: AuditEventList = LIST): Promise<Record<string, string>> {
    const request = await pages.answer('GET', URL, body);
    return Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)!]));
  }

  it('lists a page of events in words, UK time, with the total and pages, not only the latest 200', async () => {
    await pages.open(`/lsp/${SLUG}/audit?page=2`);

    expect(await answer()).toEqual({ page: '2', pageSize: '50' });
    expect(pages.text('h1')).toBe('Audit trail');
    expect(pages.text('[data-testid="audit-count"]')).toBe('Showing 51 to 52 of 1,234 events, newest first.');
    expect(pages.element.querySelector('[data-testid="audit-count"]')!.getAttribute('role')).toBe('status');
    expect(pages.cells('[data-testid="audit-event"]')).toEqual([
      [
        'When 10 August 2026 at 12:30am',
        'Who sam@example.org',
        'What Marked a task as done',
        'Details Only this provider',
      ],
      [
        'When 10 August 2026 at 12:30am',
        'Who The portal',
        'What Changed a role',
        'Details sam@example.org: viewer → adviser',
      ],
    ]);
    // The NHS responsive table: each cell carries its heading for phones, hidden from screen readers.
    expect(pages.element.querySelector('table')!.classList).toContain('nhsuk-table--responsive');
    expect(pages.element.querySelector('.nhsuk-table__heading')!.getAttribute('aria-hidden')).toBe('true');
    expect(pages.texts('.nhsuk-pagination__link')).toEqual(['1', '2', '3', '25']);
  });

  it('searches by who, what and when from the form, in the address, on the first page', async () => {
    await pages.open(`/lsp/${SLUG}/audit?page=3`);
    await answer();

    await pages.set('audit-actor', ' sam@ ');
    await pages.set('audit-action', 'task.completed');
    await pages.setDate('audit-from', '2026-08-01');
    await pages.setDate('audit-to', '2026-08-31');
    await pages.submit('audit-filters');

    expect(pages.url).toBe(`/lsp/${SLUG}/audit?from=2026-08-01&to=2026-08-31&actor=sam@&action=task.completed`);
    expect(await answer({ ...LIST, page: 1 })).toEqual({
      from: '2026-08-01',
      to: '2026-08-31',
      actor: 'sam@',
      action: 'task.completed',
      page: '1',
      pageSize: '50',
    });
    const href = (testId: string) => pages.element.querySelector(`[data-testid="${testId}"]`)!.getAttribute('href');
    expect(href('audit-export-csv')).toBe(
      `${URL}/export?from=2026-08-01&to=2026-08-31&actor=sam%40&action=task.completed&format=csv`,
    );
    expect(href('audit-export-xlsx')).toBe(
      `${URL}/export?from=2026-08-01&to=2026-08-31&actor=sam%40&action=task.completed&format=xlsx`,
    );

    await pages.click('Clear filters');
    expect(pages.url).toBe(`/lsp/${SLUG}/audit`);
    await answer();
  });

  it('refuses a period that ends before it starts, or a date that is not real, without asking the API', async () => {
    await pages.open(`/lsp/${SLUG}/audit`);
    await answer();

    await pages.setDate('audit-from', '2026-08-10');
    await pages.setDate('audit-to', '2026-08-09');
    await pages.submit('audit-filters');
    expect(pages.fieldError('audit-to')).toBe('To must be the same day as From or later');
    expect(pages.element.querySelector('#audit-to-day')!.getAttribute('aria-invalid')).toBe('true');

    await pages.setDate('audit-to', '2026-02-30');
    await pages.submit('audit-filters');
    expect(pages.fieldError('audit-to')).toBe('To must be a real date');
    expect(pages.url).toBe(`/lsp/${SLUG}/audit`);
  });

  it("narrows to one provider's events from a row, and back to every provider", async () => {
    await pages.open(`/lsp/${SLUG}/audit`);
    await answer();

    const only = [...pages.element.querySelectorAll('a')].find(
      (link) => link.textContent?.trim() === 'Only this provider',
    )!;
    expect(only.getAttribute('href')).toBe(`/lsp/${SLUG}/audit?providerId=${PROVIDER}`);
    await pages.navigate(only.getAttribute('href')!);
    expect(await answer()).toMatchObject({ providerId: PROVIDER });
    expect(pages.text('[data-testid="audit-provider-filter"]')).toContain('Showing only the events about one provider');
    const every = [...pages.element.querySelectorAll('a')].find(
      (link) => link.textContent?.trim() === 'Show every provider',
    )!;
    expect(every.getAttribute('href')).toBe(`/lsp/${SLUG}/audit`);
  });

  it('says when nothing matches, and shows the API problem when the search fails', async () => {
    await pages.open(`/lsp/${SLUG}/audit?action=auth.lockout`);
    await answer({ items: [], total: 0, page: 1, pageSize: 50 });
    expect(pages.text('[data-testid="audit-count"]')).toBe('No events match these filters.');
    expect(pages.element.querySelector('table')).toBeNull();

    await pages.navigate(`/lsp/${SLUG}/audit?action=auth.sign_in`);
    await pages.refuse('GET', URL, 400, 'pageSize must be a whole number from 1 to 200', [
      { field: 'pageSize', message: 'x' },
    ]);
    expect(pages.text('[data-testid="audit-problem"]')).toContain('The audit trail could not be loaded');
  });
});
