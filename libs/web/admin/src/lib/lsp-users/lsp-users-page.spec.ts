import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuditEventView, CurrentUser, Invitation, TenantMember } from '@dspt/contracts';
import { AuthService } from '@dspt/web/auth';
import { LspUsersPage } from './lsp-users-page';

const ADMIN: CurrentUser = {
  user: { id: 'u-admin', email: 'ada@example.org', displayName: 'Ada Admin', mfaEnrolled: true },
  memberships: [
    { tenant: { id: 't-1', slug: 'north', name: 'North Care Alliance', region: 'North East' }, role: 'admin' },
  ],
  roles: [],
};

const MEMBERS: TenantMember[] = [
  {
    userId: 'u-admin',
    email: 'ada@example.org',
    displayName: 'Ada Admin',
    role: 'admin',
    mfaEnrolled: true,
    joinedAt: '2026-01-05T09:00:00Z',
  },
  {
    userId: 'u-sam',
    email: 'sam@example.org',
    displayName: 'Sam Adviser',
    role: 'adviser',
    mfaEnrolled: false,
    joinedAt: '2026-01-06T09:00:00Z',
  },
  {
    userId: 'u-kim',
    email: 'kim@example.org',
    displayName: 'Kim Viewer',
    role: 'viewer',
    mfaEnrolled: true,
    joinedAt: '2026-01-07T09:00:00Z',
  },
];

const INVITATIONS: Invitation[] = [
  {
    id: 'i-1',
    email: 'new@example.org',
    role: 'viewer',
    invitedBy: 'u-admin',
    createdAt: '2026-02-01T09:00:00Z',
    expiresAt: '2099-02-08T09:00:00Z',
    acceptedAt: null,
    revokedAt: null,
  },
  {
    id: 'i-2',
    email: 'done@example.org',
    role: 'viewer',
    invitedBy: 'u-admin',
    createdAt: '2026-01-01T09:00:00Z',
    expiresAt: '2099-01-08T09:00:00Z',
    acceptedAt: '2026-01-02T09:00:00Z',
    revokedAt: null,
  },
];

const EVENTS: AuditEventView[] = [
  {
    id: 'e-1',
    occurredAt: '2026-02-01T09:00:00Z',
    action: 'invitation.created',
    actorEmail: 'ada@example.org',
    targetType: 'invitation',
    targetId: 'i-1',
    before: null,
    after: { email: 'new@example.org', role: 'viewer' },
    ip: null,
  },
];

describe('LspUsersPage', () => {
  let fixture: ComponentFixture<LspUsersPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { currentUser: signal(ADMIN), refresh: () => Promise.resolve(ADMIN) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LspUsersPage);
    fixture.componentRef.setInput('slug', 'north');
    page = fixture.nativeElement;
    document.body.appendChild(page);
    await answerLoads();
  });

  afterEach(() => {
    http.verify();
    page.remove();
  });

  // Not whenStable: it would wait for the lists being reloaded, which the tests answer themselves.
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (label: string) =>
    [...page.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === label,
    )!;

  /** Presses a button as a keyboard user does: focus is on it when it acts. */
  async function click(label: string): Promise<void> {
    const target = button(label);
    target.focus();
    target.click();
    await settle();
  }

  /** The API says no (409) to the one call to `url`, with `message`. */
  async function refuse(method: string, url: string, message: string): Promise<void> {
    http
      .expectOne({ method, url })
      .flush({ statusCode: 409, error: 'Conflict', message }, { status: 409, statusText: 'Conflict' });
    await settle();
  }

  async function answerLoads(
    which: ('users' | 'invitations' | 'audit-events')[] = ['users', 'invitations', 'audit-events'],
  ): Promise<void> {
    TestBed.tick();
    const bodies = {
      users: { items: MEMBERS },
      invitations: { items: INVITATIONS },
      'audit-events': { items: EVENTS },
    };
    for (const list of which) {
      http.expectOne({ method: 'GET', url: `/api/tenants/north/${list}` }).flush(bodies[list]);
    }
    await settle();
  }

  it('lists the members with their role and MFA, pending invitations and recent activity', () => {
    expect(text('[data-testid="member-sam@example.org"]')).toContain('Sam Adviser');
    expect(text('[data-testid="member-sam@example.org"]')).toContain('Off');
    expect(text('[data-testid="member-ada@example.org"]')).toContain('(you)');
    expect(page.querySelector<HTMLSelectElement>('#role-u-sam')!.value).toBe('adviser');
    expect(text('[data-testid="pending-invitations"]')).toContain('new@example.org');
    expect(text('[data-testid="pending-invitations"]')).not.toContain('done@example.org');
    expect(text('[data-testid="recent-activity"]')).toContain('Invited a user');
    expect(text('[data-testid="recent-activity"]')).toContain('new@example.org: viewer');
  });

  it("changes a member's role with PATCH and confirms it", async () => {
    const select = page.querySelector<HTMLSelectElement>('#role-u-sam')!;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await click('Change role of Sam Adviser');

    const request = http.expectOne({ method: 'PATCH', url: '/api/tenants/north/users/u-sam' });
    expect(request.request.body).toEqual({ role: 'admin' });
    request.flush({ ...MEMBERS[1], role: 'admin' });
    await settle();
    await answerLoads(['users', 'audit-events']);

    expect(text('[data-testid="confirmation"]')).toBe('Sam Adviser is now an admin.');
  });

  it('sends nothing when the role chosen is the one the member has', async () => {
    await click('Change role of Sam Adviser');

    http.expectNone({ method: 'PATCH' });
  });

  it('shows the reason when the API refuses, such as leaving the LSP without an admin', async () => {
    const select = page.querySelector<HTMLSelectElement>('#role-u-admin')!;
    select.value = 'viewer';
    select.dispatchEvent(new Event('change'));
    await click('Change role of Ada Admin');

    await refuse('PATCH', '/api/tenants/north/users/u-admin', 'An LSP must keep at least one admin');

    expect(text('.nhsuk-error-summary')).toContain('An LSP must keep at least one admin');
    expect(document.activeElement).toBe(page.querySelector('.nhsuk-error-summary'));
  });

  it('removes a member only after confirmation', async () => {
    await click('Remove Sam Adviser');
    expect(text('[data-testid="confirm-removal"] h3')).toBe('Remove Sam Adviser from North Care Alliance?');
    expect(document.activeElement).toBe(page.querySelector('[data-testid="confirm-removal"] h3'));
    http.expectNone({ method: 'DELETE' });

    await click('Yes, remove Sam Adviser');
    http
      .expectOne({ method: 'DELETE', url: '/api/tenants/north/users/u-sam' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await answerLoads(['users', 'audit-events']);

    expect(text('[data-testid="confirmation"]')).toBe('Sam Adviser was removed from North Care Alliance.');
  });

  it('offers to reset two-factor authentication only for other members who have it on', () => {
    const resetButtons = [...page.querySelectorAll<HTMLButtonElement>('[data-testid="members-table"] button')]
      .map((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim())
      .filter((label) => label?.startsWith('Reset'));

    expect(resetButtons).toEqual(['Reset two-factor authentication for Kim Viewer']);
  });

  it("resets a member's two-factor authentication only after confirmation, and says so", async () => {
    await click('Reset two-factor authentication for Kim Viewer');
    expect(text('[data-testid="confirm-mfa-reset"] h3')).toBe('Reset two-factor authentication for Kim Viewer?');
    expect(text('[data-testid="confirm-mfa-reset"]')).toContain('their recovery codes will stop working');
    expect(document.activeElement).toBe(page.querySelector('[data-testid="confirm-mfa-reset"] h3'));
    http.expectNone({ method: 'POST' });

    await click('Yes, reset two-factor authentication for Kim Viewer');
    http
      .expectOne({ method: 'POST', url: '/api/tenants/north/users/u-kim/mfa-reset' })
      .flush({ ...MEMBERS[2], mfaEnrolled: false });
    await settle();
    await answerLoads(['users', 'audit-events']);

    expect(page.querySelector('[data-testid="confirm-mfa-reset"]')).toBeNull();
    expect(text('[data-testid="confirmation"]')).toBe(
      'Two-factor authentication was reset for Kim Viewer. They will set it up again the next time they sign in.',
    );
  });

  it.each([
    ['reset', 'Reset two-factor authentication for Kim Viewer', 'confirm-mfa-reset'],
    ['removal', 'Remove Sam Adviser', 'confirm-removal'],
  ])(
    'asks nothing of the API when the %s is cancelled, and puts focus back on its button',
    async (_action, label, testId) => {
      await click(label);

      await click('Cancel');

      expect(page.querySelector(`[data-testid="${testId}"]`)).toBeNull();
      expect(document.activeElement).toBe(button(label));
      http.expectNone({ method: 'POST' });
      http.expectNone({ method: 'DELETE' });
    },
  );

  it('shows why the API refuses a reset', async () => {
    await click('Reset two-factor authentication for Kim Viewer');
    await click('Yes, reset two-factor authentication for Kim Viewer');

    await refuse(
      'POST',
      '/api/tenants/north/users/u-kim/mfa-reset',
      'This account has a programme-wide role: a system admin must reset its two-factor authentication',
    );

    expect(text('.nhsuk-error-summary')).toContain(
      'This account has a programme-wide role: a system admin must reset its two-factor authentication',
    );
    expect(document.activeElement).toBe(page.querySelector('.nhsuk-error-summary'));
    expect(page.querySelector('[data-testid="confirmation"]')).toBeNull();
  });

  it('asks about the latest action chosen, and moves focus to that question', async () => {
    await click('Remove Sam Adviser');
    await click('Reset two-factor authentication for Kim Viewer');

    expect(page.querySelector('[data-testid="confirm-removal"]')).toBeNull();
    expect(document.activeElement).toBe(page.querySelector('[data-testid="confirm-mfa-reset"] h3'));
  });

  it('invites someone with a role', async () => {
    const email = page.querySelector<HTMLInputElement>('#invite-email')!;
    email.value = 'kim@example.org';
    email.dispatchEvent(new Event('input'));
    page.querySelector<HTMLInputElement>('#invite-role-viewer')!.click();
    await click('Send invitation');

    const request = http.expectOne({ method: 'POST', url: '/api/tenants/north/invitations' });
    expect(request.request.body).toEqual({ email: 'kim@example.org', role: 'viewer' });
    request.flush({ ...INVITATIONS[0], id: 'i-3', email: 'kim@example.org' }, { status: 201, statusText: 'Created' });
    await settle();
    await answerLoads(['invitations', 'audit-events']);

    expect(text('[data-testid="confirmation"]')).toBe('We have sent an invitation to kim@example.org.');
    expect(email.value).toBe('');
  });

  it('asks for a role before inviting', async () => {
    const email = page.querySelector<HTMLInputElement>('#invite-email')!;
    email.value = 'kim@example.org';
    email.dispatchEvent(new Event('input'));
    await click('Send invitation');

    expect(text('[data-testid="invite-form"] .nhsuk-error-message')).toBe('Error: Select a role');
    http.expectNone({ method: 'POST' });
  });

  it('revokes a pending invitation', async () => {
    await click('Revoke the invitation for new@example.org');

    http
      .expectOne({ method: 'DELETE', url: '/api/tenants/north/invitations/i-1' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await answerLoads(['invitations', 'audit-events']);
    expect(text('[data-testid="confirmation"]')).toBe('The invitation for new@example.org was revoked.');
  });
});
