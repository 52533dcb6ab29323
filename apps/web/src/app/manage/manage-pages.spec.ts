import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@dspt/contracts';
import { AuthService } from '@dspt/web/auth';
import { ManageLspPage } from './manage-lsp-page';
import { ManagePortalPage } from './manage-portal-page';

const NORTH = { id: 't-1', slug: 'north', name: 'North Care', region: 'North East' };

function userWith(role: 'viewer' | 'adviser' | 'admin', roles: CurrentUser['roles'] = []): CurrentUser {
  return {
    user: { id: 'u-1', email: 'jo@example.org', displayName: 'Jo Bloggs', mfaEnrolled: true },
    memberships: [{ tenant: NORTH, role }],
    roles,
  };
}

/** The hub at `url` for this user: its heading, and each card's link, address and line saying what it is for. */
async function hub(user: CurrentUser, url: string) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([
        { path: 'lsp/:slug/manage', component: ManageLspPage },
        { path: 'admin', component: ManagePortalPage },
      ]),
    ],
  });
  const loaded = TestBed.inject(AuthService).load();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush(user);
  await loaded;
  const harness = await RouterTestingHarness.create(url);
  const page: HTMLElement = harness.routeNativeElement!;
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
  return {
    caption: text(page.querySelector('.nhsuk-caption-l')),
    heading: text(page.querySelector('h1')),
    cards: [...page.querySelectorAll('.nhsuk-card')].map((card) => {
      const link = card.querySelector('h2 a.nhsuk-card__link');
      return [text(link), link?.getAttribute('href'), text(card.querySelector('.nhsuk-card__description'))];
    }),
  };
}

describe('Manage LSP hub', () => {
  it("shows an adviser the LSP's pages their role opens, each with what it is for", async () => {
    const page = await hub(userWith('adviser'), '/lsp/north/manage');

    expect(page.caption).toBe('North Care');
    expect(page.heading).toBe('Manage LSP');
    expect(page.cards).toEqual([
      ['Import', '/lsp/north/import', 'Add or update providers from a spreadsheet.'],
      ['Transfers', '/lsp/north/transfers', 'Providers offered to the LSP by another, and those it has offered.'],
      [
        'Reconciliation',
        '/lsp/north/reconciliation',
        "Where the caseload and the DSPT's status list disagree this year.",
      ],
    ]);
  });

  it("shows an LSP's admin its users, templates, subject access and audit trail too", async () => {
    const page = await hub(userWith('admin'), '/lsp/north/manage');

    expect(page.cards.map(([name, href]) => `${name} ${href}`)).toEqual([
      'Users /lsp/north/users',
      'Email templates /lsp/north/email-templates',
      'Subject access /lsp/north/subject-access',
      'Audit trail /lsp/north/audit',
      'Import /lsp/north/import',
      'Transfers /lsp/north/transfers',
      'Reconciliation /lsp/north/reconciliation',
    ]);
  });
});

describe('Manage portal hub', () => {
  it("shows a system admin the portal's pages, the queue dashboard as a link the server answers", async () => {
    const page = await hub(userWith('viewer', ['system_admin']), '/admin');

    expect(page.heading).toBe('Manage portal');
    expect(page.cards.map(([name, href]) => `${name} ${href}`)).toEqual([
      'LSPs /admin/tenants',
      'Transfer requests /admin/transfer-requests',
      'Cycles /admin/cycles',
      'DSPT list /admin/dspt-status',
      'CQC register /admin/cqc-register',
      'Programme leads /admin/programme-leads',
      'Email templates /admin/email-templates',
      'Queues /admin/queues',
    ]);
    expect(page.cards.every(([, , description]) => description && description.length > 0)).toBe(true);
  });
});
