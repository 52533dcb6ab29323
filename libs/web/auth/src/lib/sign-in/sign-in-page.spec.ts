import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AuthService } from '../session/auth.service';
import { currentUser, membership } from '../testing/current-users';
import { useRoutedPage } from '../testing/routed-page';
import { signInNotice } from './sign-in-notice';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  const subject = useRoutedPage('sign-in', SignInPage);
  let page: HTMLElement;

  beforeEach(async () => {
    await subject.open('/sign-in?returnUrl=%2Flsp%2Fnorth%2Fusers');
    page = subject.element;
  });

  const settle = () => subject.settle();
  const url = () => TestBed.inject(Router).url;
  const summaryItems = () =>
    [...document.querySelectorAll('.nhsuk-error-summary__list li')].map((item) => item.textContent?.trim());

  async function submit(email: string, password: string): Promise<void> {
    subject.type('email', email);
    subject.type('password', password);
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  function answerLogin(body: object, status = 200): void {
    const request = subject.http.expectOne({ method: 'POST', url: '/api/auth/login' });
    request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
  }

  it('labels its fields for password managers and never blocks paste', () => {
    const email = page.querySelector<HTMLInputElement>('#email')!;
    const password = page.querySelector<HTMLInputElement>('#password')!;
    expect(page.querySelector('label[for="email"]')?.textContent).toBe('Email address');
    expect(page.querySelector('label[for="password"]')?.textContent).toBe('Password');
    expect([email.type, email.autocomplete]).toEqual(['email', 'username']);
    expect([password.type, password.autocomplete]).toEqual(['password', 'current-password']);
    expect(password.getAttribute('onpaste')).toBeNull();
  });

  it('offers a way to reset a forgotten password', () => {
    const link = [...page.querySelectorAll('a')].find((candidate) => candidate.textContent === 'Forgot your password?');

    expect(link?.getAttribute('href')).toBe('/password-reset');
    expect(page.querySelector('[data-testid="sign-in-notice"]')).toBeNull();
  });

  it('confirms what the page that sent the user here asked it to, until they try to sign in', async () => {
    await TestBed.inject(Router).navigateByUrl('/elsewhere');
    await TestBed.inject(Router).navigateByUrl('/sign-in', { state: signInNotice('Your password has been changed.') });
    await settle();
    page = subject.element;
    expect(subject.text('[data-testid="sign-in-notice"]')).toBe('Your password has been changed.');
    expect(page.querySelector('.nhsuk-notification-banner--success')?.getAttribute('role')).toBe('alert');

    await submit('', '');

    expect(page.querySelector('[data-testid="sign-in-notice"]')).toBeNull();
  });

  it('on an empty submit, shows and focuses an error summary and sends nothing', async () => {
    await submit('', '');

    expect(summaryItems()).toEqual(['Enter your email address', 'Enter your password']);
    expect(document.activeElement).toBe(document.querySelector('.nhsuk-error-summary'));
    expect(page.querySelector('#email-error')?.textContent).toContain('Error: Enter your email address');
    subject.http.expectNone('/api/auth/login');
  });

  it('asks for an email address in the right format', async () => {
    await submit('jo.example.org', 'correct horse battery');

    expect(summaryItems()).toEqual(['Enter an email address in the correct format, like name@example.com']);
    subject.http.expectNone('/api/auth/login');
  });

  it('goes to the MFA code page when the account has MFA, keeping the return address', async () => {
    await submit(' jo@example.org ', 'correct horse battery');
    const request = subject.http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'jo@example.org', password: 'correct horse battery' });
    request.flush({ mfaRequired: true });
    await settle();

    expect(url()).toBe('/sign-in/mfa?returnUrl=%2Flsp%2Fnorth%2Fusers');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
  });

  it('goes to MFA set-up when MFA is required and not set up yet', async () => {
    await submit('jo@example.org', 'correct horse battery');
    answerLogin({ mfaRequired: false, mfaEnrolmentRequired: true });
    await settle();

    expect(url()).toBe('/account/mfa?returnUrl=%2Flsp%2Fnorth%2Fusers');
  });

  it('goes back to the page that sent the user here once signed in', async () => {
    await submit('jo@example.org', 'correct horse battery');
    answerLogin({ mfaRequired: false, me: currentUser([membership('north', 'admin')]) });
    await settle();

    expect(url()).toBe('/lsp/north/users');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(true);
  });

  it('shows the API message when the email address or password is wrong, linked to the email field', async () => {
    await submit('jo@example.org', 'wrong password!!');
    answerLogin({ statusCode: 401, error: 'Unauthorized', message: 'Email address or password is incorrect' }, 401);
    await settle();

    expect(summaryItems()).toEqual(['Email address or password is incorrect']);
    expect(document.querySelector('.nhsuk-error-summary__list a')?.getAttribute('href')).toBe('#email');
    expect(url()).toBe('/sign-in?returnUrl=%2Flsp%2Fnorth%2Fusers');
  });

  it('shows the lockout message of a 429 answer', async () => {
    await submit('jo@example.org', 'wrong password!!');
    answerLogin(
      { statusCode: 429, error: 'Too Many Requests', message: 'Too many attempts. Try again in 15 minutes.' },
      429,
    );
    await settle();

    expect(summaryItems()).toEqual(['Too many attempts. Try again in 15 minutes.']);
  });
});
