import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CurrentUser, SubjectAccessExport } from '@dspt/contracts';
import { AuthService } from '@dspt/web/auth';
import { SubjectAccessPage, subjectAccessFileName } from './subject-access-page';

const ADMIN: CurrentUser = {
  user: { id: 'u-admin', email: 'ada@example.org', displayName: 'Ada Admin', mfaEnrolled: true },
  memberships: [
    { tenant: { id: 't-1', slug: 'north', name: 'North Care Alliance', region: 'North East' }, role: 'admin' },
  ],
  roles: [],
};

const EXPORT: SubjectAccessExport = {
  email: 'pat@oak.example',
  lsp: { slug: 'north', name: 'North Care Alliance' },
  generatedAt: '2026-12-07T10:00:00.000Z',
  pseudonym: 'ds1:ab',
  contacts: [
    {
      provider: { name: 'Oak', odsCode: 'A1B2', kind: 'hq' },
      name: 'Pat',
      phone: null,
      role: 'owner',
      isPrimary: true,
      unsubscribedAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  emails: [],
  emailsMentioning: [],
  notes: [],
  tasks: [],
  progressComments: [],
  reconciliationReasons: [],
  transferRequests: [],
  auditEvents: [],
};

describe('SubjectAccessPage', () => {
  let fixture: ComponentFixture<SubjectAccessPage>;
  let http: HttpTestingController;
  let page: HTMLElement;
  const clicked: string[] = [];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { currentUser: signal(ADMIN) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    Object.assign(URL, { createObjectURL: () => 'blob:export', revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    fixture = TestBed.createComponent(SubjectAccessPage);
    fixture.componentRef.setInput('slug', 'north');
    page = fixture.nativeElement;
    document.body.appendChild(page);
  });

  afterEach(() => {
    http.verify();
    page.remove();
    jest.restoreAllMocks();
  });

  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const type = async (value: string) => {
    const input = page.querySelector<HTMLInputElement>('#subject-email') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const submit = async () => {
    page.querySelector<HTMLFormElement>('[data-testid="subject-access-form"]')?.requestSubmit();
    await settle();
  };

  it('downloads everything the LSP holds about an address as a file named for the LSP and day, and says what it held', async () => {
    await settle();
    expect(page.querySelector('h1')?.textContent).toBe('Subject access request');
    await submit();
    expect(page.querySelector('#subject-email-error')?.textContent).toContain(
      'Enter the email address of the person who asked',
    );

    await type(' Pat+dspt@Oak.example ');
    await submit();
    // A "+" in an address must reach the server as one, not as a space.
    const request = http.expectOne('/api/tenants/north/subject-access?email=Pat%2Bdspt%40Oak.example');
    request.flush(JSON.stringify(EXPORT));
    await settle();
    await settle();
    expect(clicked).toContain('subject-access-north-2026-12-07.json');
    expect(page.querySelector('[data-testid="subject-access-confirmation"]')?.textContent).toBe(
      'Downloaded the data held about pat@oak.example: 1 contact record, 0 emails, 0 case notes, 0 tasks, 0 audit events.',
    );
  });

  it('names the file without the address', () => {
    expect(subjectAccessFileName('north', '2026-12-07T10:00:00.000Z')).toBe('subject-access-north-2026-12-07.json');
  });
});
