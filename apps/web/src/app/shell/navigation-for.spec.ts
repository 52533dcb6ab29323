import type { CurrentUser, MembershipSummary } from '@dspt/contracts';
import type { GlobalRole, TenantRole } from '@dspt/domain';
import { accountLinksFor, manageLspLinks, managePortalLinks, navigationFor } from './navigation-for';

function lsp(slug: string, role: TenantRole): MembershipSummary {
  return { tenant: { id: `id-${slug}`, slug, name: slug, region: 'London' }, role };
}

function user(memberships: MembershipSummary[], roles: GlobalRole[] = [], mfaEnrolled = true): CurrentUser {
  return { user: { id: 'u', email: 'u@example.org', displayName: 'U', mfaEnrolled }, memberships, roles };
}

const texts = (links: { text: string; path: string }[]) => links.map((link) => `${link.text} ${link.path}`);

const DAILY_WORK = (slug: string) => [
  `Caseload /lsp/${slug}/caseload`,
  `My tasks /lsp/${slug}/tasks`,
  `Coverage /lsp/${slug}/coverage`,
  `Campaigns /lsp/${slug}/campaigns`,
  `Statistics /lsp/${slug}/statistics`,
  `Manage LSP /lsp/${slug}/manage`,
];

describe('navigationFor', () => {
  it('gives nothing to a signed-out visitor', () => {
    expect(navigationFor(null, null)).toEqual([]);
  });

  it.each<TenantRole>(['viewer', 'adviser', 'admin'])(
    "gives every %s the LSP's daily work and its Manage LSP hub, and no more",
    (role) => {
      const member = user([lsp('north', role)]);
      expect(texts(navigationFor(member, member.memberships[0]))).toEqual(DAILY_WORK('north'));
    },
  );

  it('links the pages of the LSP the user is working in', () => {
    const both = user([lsp('north', 'viewer'), lsp('south', 'admin')]);
    expect(texts(navigationFor(both, both.memberships[1]))).toEqual(DAILY_WORK('south'));
    expect(texts(navigationFor(both, both.memberships[0]))).toEqual(DAILY_WORK('north'));
  });

  it("keeps Manage LSP marked on the hub's pages, and Caseload on a provider's", () => {
    const admin = user([lsp('north', 'admin')]);
    const links = navigationFor(admin, admin.memberships[0]);
    const manage = links.find((link) => link.text === 'Manage LSP');
    expect(manage?.section).toEqual(manageLspLinks(admin.memberships[0]).map((link) => link.path));
    expect(links.find((link) => link.text === 'Caseload')?.section).toEqual(['/lsp/north/providers']);
  });

  it('gives programme leads statistics and system admins the Manage portal hub', () => {
    expect(texts(navigationFor(user([], ['programme_lead']), null))).toEqual(['Statistics /statistics']);
    expect(texts(navigationFor(user([], ['system_admin']), null))).toEqual(['Manage portal /admin']);
    expect(texts(navigationFor(user([lsp('north', 'viewer')], ['programme_lead', 'system_admin']), null))).toEqual([
      'Statistics /statistics',
      'Manage portal /admin',
    ]);
  });
});

describe('manageLspLinks', () => {
  it.each<[TenantRole, string[]]>([
    ['viewer', ['Transfers /lsp/north/transfers', 'Reconciliation /lsp/north/reconciliation']],
    [
      'adviser',
      ['Import /lsp/north/import', 'Transfers /lsp/north/transfers', 'Reconciliation /lsp/north/reconciliation'],
    ],
    [
      'admin',
      [
        'Users /lsp/north/users',
        'Email templates /lsp/north/email-templates',
        'Subject access /lsp/north/subject-access',
        'Audit trail /lsp/north/audit',
        'Import /lsp/north/import',
        'Transfers /lsp/north/transfers',
        'Reconciliation /lsp/north/reconciliation',
      ],
    ],
  ])("gives a %s the LSP's pages their role opens", (role, expected) => {
    expect(texts(manageLspLinks(lsp('north', role)))).toEqual(expected);
  });

  it('says in one line what each page is for', () => {
    for (const link of manageLspLinks(lsp('north', 'admin'))) {
      expect(link.description).toMatch(/^[A-Z].{10,80}\.$/);
    }
  });
});

describe('managePortalLinks', () => {
  it('gives system admins the LSP, cycle, status list, register, lead, default template and queue pages', () => {
    const links = managePortalLinks(user([], ['system_admin']));
    expect(texts(links)).toEqual([
      'LSPs /admin/tenants',
      'Transfer requests /admin/transfer-requests',
      'Cycles /admin/cycles',
      'DSPT list /admin/dspt-status',
      'CQC register /admin/cqc-register',
      'Programme leads /admin/programme-leads',
      'Email templates /admin/email-templates',
      'Queues /admin/queues',
    ]);
    // The queue dashboard is Bull Board, served by the api: a link that loads it, not an app route.
    expect(links.filter((link) => link.external).map((link) => link.path)).toEqual(['/admin/queues']);
    for (const link of links) {
      expect(link.description).toMatch(/^[A-Z].{10,80}\.$/);
    }
  });

  it('gives nobody else any', () => {
    expect(managePortalLinks(null)).toEqual([]);
    expect(managePortalLinks(user([lsp('north', 'admin')], ['programme_lead']))).toEqual([]);
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
