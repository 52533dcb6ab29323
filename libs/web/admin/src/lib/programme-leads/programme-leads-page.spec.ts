import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ProgrammeLead } from '@dspt/contracts';
import { ProgrammeLeadsPage } from './programme-leads-page';

const LEADS: ProgrammeLead[] = [
  { userId: 'u-1', email: 'lead@example.org', displayName: 'Lee Lead', invitationPending: false },
  { userId: null, email: 'new-lead@example.org', displayName: null, invitationPending: true },
];

describe('ProgrammeLeadsPage', () => {
  let fixture: ComponentFixture<ProgrammeLeadsPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProgrammeLeadsPage);
    page = fixture.nativeElement;
    TestBed.tick();
    http.expectOne({ method: 'GET', url: '/api/admin/programme-leads' }).flush({ items: LEADS });
    await settle();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  const rows = () =>
    [...page.querySelectorAll('[data-testid="programme-leads-table"] tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
    );

  it('lists the programme leads, showing who has not set up their account yet', () => {
    expect(rows()).toEqual([
      ['Lee Lead', 'lead@example.org', 'Active'],
      ['Not set up yet', 'new-lead@example.org', 'Invited'],
    ]);
  });

  it('invites a programme lead, confirms it and lists them', async () => {
    const email = page.querySelector<HTMLInputElement>('#lead-email')!;
    email.value = 'kim@example.org';
    email.dispatchEvent(new Event('input'));
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();

    const request = http.expectOne({ method: 'POST', url: '/api/admin/programme-leads' });
    expect(request.request.body).toEqual({ email: 'kim@example.org' });
    request.flush({ userId: null, email: 'kim@example.org', displayName: null, invitationPending: true });
    await settle();
    http.expectOne('/api/admin/programme-leads').flush({ items: LEADS });
    await settle();

    expect(page.querySelector('[data-testid="confirmation"]')?.textContent?.trim()).toBe(
      'We have sent an invitation to kim@example.org.',
    );
    expect(email.value).toBe('');
  });

  it('asks for an email address before inviting', async () => {
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();

    expect(page.querySelector('#lead-email-error')?.textContent).toContain(
      'Enter the email address of the person to invite',
    );
    http.expectNone({ method: 'POST' });
  });
});
