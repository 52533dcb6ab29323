import type { CurrentUser, Invitation, TenantDetail } from '@dspt/contracts';
import { RoutedPages } from '@dspt/web/auth/testing';
import { TenantDetailPage } from './tenant-detail-page';
import { TenantsPage } from './tenants-page';

const SYSTEM_ADMIN: CurrentUser = {
  user: { id: 'user-1', email: 'sam@example.org', displayName: 'Sam Sysadmin', mfaEnrolled: true },
  memberships: [],
  roles: ['system_admin'],
};
const BARE: TenantDetail = {
  id: 't-1',
  slug: 'north-care',
  name: 'North Care',
  region: 'North East',
  members: 0,
  admins: 0,
  pendingInvitations: [],
};
const DETAIL_URL = '/api/admin/tenants/north-care';
/** The local authorities the LSP covers, shown and changed on its page. */
const LOCAL_AUTHORITIES_URL = '/api/tenants/north-care/local-authorities';
const INVITATION: Invitation = {
  id: 'i-1',
  email: 'lee@example.org',
  role: 'admin',
  invitedBy: 'user-1',
  createdAt: '2026-08-02T09:00:00Z',
  expiresAt: '2026-08-09T09:00:00Z',
  acceptedAt: null,
  revokedAt: null,
};

describe('TenantDetailPage', () => {
  let pages: RoutedPages;

  beforeEach(() => {
    pages = new RoutedPages(SYSTEM_ADMIN, [
      { path: 'admin/tenants', component: TenantsPage },
      { path: 'admin/tenants/:slug', component: TenantDetailPage },
    ]);
  });

  afterEach(() => pages.close());

  it('is reached from the LSP list', async () => {
    await pages.open('/admin/tenants');
    await pages.answer('GET', '/api/tenants', {
      items: [{ id: 't-1', slug: 'north-care', name: 'North Care', region: 'North East' }],
    });
    const link = pages.element.querySelector<HTMLAnchorElement>('[data-testid="tenants-table"] tbody a')!;
    expect(link.getAttribute('href')).toBe('/admin/tenants/north-care');
    link.click();
    await pages.settle();
    expect(pages.url).toBe('/admin/tenants/north-care');
    await pages.answer('GET', DETAIL_URL, BARE);
    await pages.answerAny('GET', LOCAL_AUTHORITIES_URL, { localAuthorities: ['Newcastle upon Tyne'] });
    expect(pages.text('h1')).toBe('North Care');
  });

  it("shows the LSP's region and team, warns that it has no admin, and invites its first admin", async () => {
    await pages.open('/admin/tenants/north-care');
    await pages.answer('GET', DETAIL_URL, BARE);
    await pages.answerAny('GET', LOCAL_AUTHORITIES_URL, { localAuthorities: ['Newcastle upon Tyne'] });
    expect(pages.cells('[data-testid="tenant-summary"] .nhsuk-summary-list__row')).toEqual([
      ['Region', 'North East'],
      ['Slug', 'north-care'],
      ['Members', '0'],
      ['Admins', '0'],
    ]);
    expect(pages.text('[data-testid="no-admin"]')).toContain('No admin yet');
    expect(pages.texts('h2')).toContain('Invite its first admin');

    await pages.set('tenant-admin-email', ' lee@example.org ');
    await pages.click('Send invitation');
    const request = await pages.answer('POST', `${DETAIL_URL}/invitations`, INVITATION);
    expect(request.request.body).toEqual({ email: 'lee@example.org' });
    await pages.answer('GET', DETAIL_URL, {
      ...BARE,
      pendingInvitations: [{ email: 'lee@example.org', role: 'admin', expiresAt: INVITATION.expiresAt }],
    });

    expect(pages.text('[data-testid="confirmation"]')).toBe(
      'We have sent an invitation to lee@example.org to be an admin of this LSP.',
    );
    expect(document.activeElement?.closest('dspt-notification-banner')).not.toBeNull();
    expect(pages.texts('[data-testid="pending-invitations"] li')).toEqual([
      'lee@example.org (admin), until 9 August 2026',
    ]);
    expect((document.getElementById('tenant-admin-email') as HTMLInputElement).value).toBe('');
  });

  it('names a bad address before sending, and shows the API refusing one in the error summary', async () => {
    await pages.open('/admin/tenants/north-care');
    await pages.answer('GET', DETAIL_URL, { ...BARE, members: 3, admins: 1 });
    await pages.answerAny('GET', LOCAL_AUTHORITIES_URL, { localAuthorities: ['Newcastle upon Tyne'] });
    expect(pages.element.querySelector('[data-testid="no-admin"]')).toBeNull();
    expect(pages.texts('h2')).toContain('Invite another admin');

    await pages.click('Send invitation');
    expect(pages.fieldError('tenant-admin-email')).toBe('Enter the email address of the person to invite');
    pages.http.expectNone(`${DETAIL_URL}/invitations`);

    await pages.set('tenant-admin-email', 'kim@example.org');
    await pages.click('Send invitation');
    await pages.refuse('POST', `${DETAIL_URL}/invitations`, 409, 'kim@example.org is already a member of this LSP');
    expect(pages.text('.nhsuk-error-summary')).toContain('kim@example.org is already a member of this LSP');
  });

  it('shows the not-found page for an unknown LSP, never the API text', async () => {
    await pages.open('/admin/tenants/nowhere');
    await pages.refuse('GET', '/api/admin/tenants/nowhere', 404, 'No LSP with the slug "nowhere"');
    expect(pages.text('[data-testid="page-not-found"]')).toBe('Page not found');
    expect(pages.element.textContent).not.toContain('No LSP with the slug');
  });
});
