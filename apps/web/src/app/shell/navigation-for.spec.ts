import type { CurrentUser, MembershipSummary } from '@dspt/contracts';
import type { GlobalRole, TenantRole } from '@dspt/domain';
import { accountLinksFor, navigationFor } from './navigation-for';

function lsp(slug: string, role: TenantRole): MembershipSummary {
  return { tenant: { id: `id-${slug}`, slug, name: slug, region: 'London' }, role };
}

function user(memberships: MembershipSummary[], roles: GlobalRole[] = [], mfaEnrolled = true): CurrentUser {
  return { user: { id: 'u', email: 'u@example.org', displayName: 'U', mfaEnrolled }, memberships, roles };
}

const texts = (links: { text: string; path: string }[]) => links.map((link) => `${link.text} ${link.path}`);

describe('navigationFor', () => {
  it('gives nothing to a signed-out visitor', () => {
    expect(navigationFor(null, null)).toEqual([]);
  });

  it("gives an adviser their LSP's caseload, their tasks, the campaigns and the provider import", () => {
    const adviser = user([lsp('north', 'adviser')]);
    expect(texts(navigationFor(adviser, adviser.memberships[0]))).toEqual([
      'Caseload /lsp/north/caseload',
      'My tasks /lsp/north/tasks',
      'Campaigns /lsp/north/campaigns',
      'Import /lsp/north/import',
      'Statistics /lsp/north/statistics',
    ]);
  });

  it('gives a viewer the caseload, tasks and campaigns to read, but not the import', () => {
    const viewer = user([lsp('north', 'viewer')]);
    expect(texts(navigationFor(viewer, viewer.memberships[0]))).toEqual([
      'Caseload /lsp/north/caseload',
      'My tasks /lsp/north/tasks',
      'Campaigns /lsp/north/campaigns',
      'Statistics /lsp/north/statistics',
    ]);
  });

  it("adds the users and email templates pages for an LSP's admin, in the LSP they are working in", () => {
    const both = user([lsp('north', 'viewer'), lsp('south', 'admin')]);
    expect(texts(navigationFor(both, both.memberships[1]))).toEqual([
      'Caseload /lsp/south/caseload',
      'My tasks /lsp/south/tasks',
      'Campaigns /lsp/south/campaigns',
      'Import /lsp/south/import',
      'Users /lsp/south/users',
      'Email templates /lsp/south/email-templates',
      'Statistics /lsp/south/statistics',
    ]);
    expect(texts(navigationFor(both, both.memberships[0]))).toEqual([
      'Caseload /lsp/north/caseload',
      'My tasks /lsp/north/tasks',
      'Campaigns /lsp/north/campaigns',
      'Statistics /lsp/north/statistics',
    ]);
  });

  it('gives programme leads statistics and system admins the LSP, programme lead, default template and queue pages', () => {
    expect(texts(navigationFor(user([], ['programme_lead']), null))).toEqual(['Statistics /statistics']);
    const admin = navigationFor(user([], ['system_admin']), null);
    expect(texts(admin)).toEqual([
      'LSPs /admin/tenants',
      'Programme leads /admin/programme-leads',
      'Email templates /admin/email-templates',
      'Queues /admin/queues',
    ]);
    // The queue dashboard is Bull Board, served by the api: a link that loads it, not an app route.
    expect(admin.filter((link) => link.external).map((link) => link.path)).toEqual(['/admin/queues']);
  });
});

describe('accountLinksFor', () => {
  it('links to the account page, and offers MFA set-up only to users who have not set it up', () => {
    expect(texts(accountLinksFor(user([], [], false)))).toEqual([
      'Your account /account',
      'Set up two-factor authentication /account/mfa',
    ]);
    expect(texts(accountLinksFor(user([], [], true)))).toEqual(['Your account /account']);
    expect(accountLinksFor(null)).toEqual([]);
  });
});
