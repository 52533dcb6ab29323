import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CurrentUser } from '@dspt/contracts';
import { AuthService } from '@dspt/web/auth';
import { AccountPage } from './account-page';

const JO: CurrentUser = {
  user: { id: 'u-1', email: 'jo@example.org', displayName: 'Jo Bloggs', mfaEnrolled: true },
  memberships: [],
  roles: ['programme_lead'],
};
const NEW_CODES = ['k7m2p-xq9rt', 'abcde-fghjk'];

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  /** Signs in as `user`, as the app does at start-up. */
  async function signedInAs(user: CurrentUser): Promise<void> {
    const loaded = TestBed.inject(AuthService).refresh();
    http.expectOne('/api/auth/me').flush(user);
    await loaded;
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    await signedInAs(JO);
    fixture = TestBed.createComponent(AccountPage);
    page = fixture.nativeElement;
    document.body.appendChild(page);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    page.remove();
  });

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const button = (label: string) =>
    [...page.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.trim() === label,
    )!;

  async function askForCodesWith(code: string): Promise<void> {
    const input = page.querySelector<HTMLInputElement>('#code')!;
    input.value = code;
    input.dispatchEvent(new Event('input'));
    button('Get new recovery codes').click();
    await settle();
  }

  it('shows who is signed in and that two-factor authentication is on', () => {
    expect(text('h1')).toBe('Your account');
    expect(text('[data-testid="account-summary"]')).toContain('Jo Bloggs');
    expect(text('[data-testid="account-summary"]')).toContain('jo@example.org');
    expect(text('[data-testid="account-mfa"]')).toBe('On');
    expect(page.querySelector('[data-testid="recovery-codes"]')).toBeNull();
  });

  it('asks for a 6-digit code before asking the API', async () => {
    await askForCodesWith('12345');

    expect(text('#code-error')).toBe('Error: The code must be 6 digits, like 123456');
    http.expectNone('/api/auth/mfa/recovery-codes');
  });

  it('shows the API message for a wrong code on the code field', async () => {
    await askForCodesWith('123456');
    http
      .expectOne({ method: 'POST', url: '/api/auth/mfa/recovery-codes' })
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Enter the current code from your authenticator app' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(text('#code-error')).toBe('Error: Enter the current code from your authenticator app');
    expect(text('.nhsuk-error-summary')).toContain('Enter the current code from your authenticator app');
    expect(page.querySelector('[data-testid="recovery-codes"]')).toBeNull();
    expect(TestBed.inject(AuthService).currentUser()).toEqual(JO);
  });

  it('shows the new codes once, with copy and download, until the user has saved them', async () => {
    await askForCodesWith('123 456');
    const request = http.expectOne({ method: 'POST', url: '/api/auth/mfa/recovery-codes' });
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush({ recoveryCodes: NEW_CODES });
    await settle();

    expect(text('[data-testid="confirmation"]')).toBe('You have new recovery codes. Your old codes no longer work.');
    expect(document.activeElement).toBe(page.querySelector('h2[tabindex="-1"]'));
    expect(text('h2[tabindex="-1"]')).toBe('Save your new recovery codes');
    expect(
      [...page.querySelectorAll('[data-testid="recovery-codes"] li')].map((item) => item.textContent?.trim()),
    ).toEqual(NEW_CODES);
    expect(button('Copy codes')).toBeDefined();
    expect(button('Download codes')).toBeDefined();
    expect(page.querySelector('form')).toBeNull();

    button('I have saved my new recovery codes').click();
    await settle();

    expect(page.querySelector('[data-testid="recovery-codes"]')).toBeNull();
    expect(page.querySelector<HTMLInputElement>('#code')!.value).toBe('');
    expect(page.querySelector('.nhsuk-error-summary')).toBeNull();
  });

  it('offers to set up two-factor authentication, and no recovery codes, when it is off', async () => {
    await signedInAs({ ...JO, user: { ...JO.user, mfaEnrolled: false } });
    await fixture.whenStable();

    expect(text('[data-testid="account-mfa"]')).toBe('Off: set up two-factor authentication');
    expect(page.querySelector('[data-testid="account-mfa"] a')?.getAttribute('href')).toBe('/account/mfa');
    expect(page.querySelector('[data-testid="recovery-codes-form"]')).toBeNull();
  });
});
