import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SignInPage } from '@dspt/web/auth/pages';
import { PortalTitleStrategy } from '@dspt/web/core';
import { passwordResetRoutes } from './password-reset.routes';

const TOKEN = 'k7m2p-xq9rt-abcde-fghjk-12345';
const SENT = 'If jo@example.org has an account, we have sent it a link to choose a new password. It works for an hour.';
const CHANGED = 'Your password has been changed. Sign in with it now.';
const TOO_COMMON = 'Password is too common: choose one that is harder to guess, for example three random words';

/** The body of a 400 answer that refuses one field. */
function refusal(field: string, message: string): object {
  return { statusCode: 400, error: 'Bad Request', message: 'Check the form', details: [{ field, message }] };
}

describe('password reset pages', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness | undefined;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [...passwordResetRoutes, { path: 'sign-in', component: SignInPage }],
          withComponentInputBinding(),
        ),
        { provide: TitleStrategy, useClass: PortalTitleStrategy },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    harness?.fixture.nativeElement.remove();
    harness = undefined;
  });

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create();
    document.body.appendChild(harness.fixture.nativeElement);
    await harness.navigateByUrl(url);
  }

  const page = (): HTMLElement => harness!.routeNativeElement!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness!.fixture.whenStable();
  };
  const text = (selector: string) => page().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const title = () => TestBed.inject(Title).getTitle();
  const summaryItems = () =>
    [...page().querySelectorAll('.nhsuk-error-summary__list li')].map((item) => item.textContent?.trim());

  function type(id: string, value: string): void {
    const input = page().querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  /** The API's answer to the one request to `url`. */
  async function answer(url: string, body: object, status = 200): Promise<void> {
    http.expectOne({ method: 'POST', url }).flush(body, { status, statusText: status < 300 ? 'OK' : 'Error' });
    await settle();
  }

  describe('asking for a link (/password-reset)', () => {
    beforeEach(() => open('/password-reset'));

    it('asks for the email address the user signs in with', () => {
      const email = page().querySelector<HTMLInputElement>('#email')!;
      expect(text('h1')).toBe('Reset your password');
      expect(title()).toBe('Reset your password – DSPT Support Portal');
      expect(page().querySelector('label[for="email"]')?.textContent).toBe('Email address');
      expect([email.type, email.autocomplete]).toEqual(['email', 'username']);
      expect(page().querySelector('.nhsuk-back-link')?.getAttribute('href')).toBe('/sign-in');
    });

    it.each([
      ['', 'Enter your email address'],
      ['jo.example.org', 'Enter an email address in the correct format, like name@example.com'],
    ])('checks the address %j before sending anything', async (email, message) => {
      type('email', email);

      await submit();

      expect(summaryItems()).toEqual([message]);
      expect(document.activeElement).toBe(page().querySelector('.nhsuk-error-summary'));
      expect(text('#email-error')).toBe(`Error: ${message}`);
      http.expectNone('/api/auth/password-reset');
    });

    it("shows the API's answer in a confirmation panel that takes focus", async () => {
      type('email', ' jo@example.org ');
      await submit();
      const request = http.expectOne({ method: 'POST', url: '/api/auth/password-reset' });
      expect(request.request.body).toEqual({ email: 'jo@example.org' });
      request.flush({ message: SENT }, { status: 202, statusText: 'Accepted' });
      await settle();

      expect(text('.nhsuk-panel__heading')).toBe('Check your email');
      expect(text('[data-testid="reset-link-sent"]')).toBe(SENT);
      expect(document.activeElement).toBe(page().querySelector('.nhsuk-panel__heading'));
      expect(title()).toBe('Check your email – DSPT Support Portal');
      expect(page().querySelector('form')).toBeNull();
    });

    it("puts the API's reason an address is refused on the email field", async () => {
      type('email', 'jo@example.org');
      await submit();
      await answer('/api/auth/password-reset', refusal('email', 'email must be an email address'), 400);

      expect(text('#email-error')).toBe('Error: email must be an email address');
      expect(title()).toBe('Error: Reset your password – DSPT Support Portal');
    });

    it('says when to try again after too many requests, linked to the email field', async () => {
      type('email', 'jo@example.org');
      await submit();
      await answer(
        '/api/auth/password-reset',
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many sign-in attempts. Try again in 15 minutes.' },
        429,
      );

      expect(summaryItems()).toEqual(['Too many sign-in attempts. Try again in 15 minutes.']);
      expect(page().querySelector('.nhsuk-error-summary__list a')?.getAttribute('href')).toBe('#email');
      expect(page().querySelector('[data-testid="reset-link-sent"]')).toBeNull();
    });
  });

  describe('choosing a new password (/password-reset?token=)', () => {
    beforeEach(() => open(`/password-reset?token=${TOKEN}`));

    async function choose(password: string, confirmPassword = password): Promise<void> {
      type('password', password);
      type('confirmPassword', confirmPassword);
      await submit();
    }

    it('asks for the new password twice, for password managers to fill, with the rules as a hint', () => {
      const password = page().querySelector<HTMLInputElement>('#password')!;
      const confirmPassword = page().querySelector<HTMLInputElement>('#confirmPassword')!;
      expect(text('h1')).toBe('Choose a new password');
      expect(title()).toBe('Choose a new password – DSPT Support Portal');
      expect(page().querySelector('label[for="password"]')?.textContent).toBe('New password');
      expect(page().querySelector('label[for="confirmPassword"]')?.textContent).toBe('Confirm your new password');
      expect([password.type, password.autocomplete, confirmPassword.type, confirmPassword.autocomplete]).toEqual([
        'password',
        'new-password',
        'password',
        'new-password',
      ]);
      expect(text('#password-hint')).toContain('at least 12 characters, and not a common password');
      expect(password.getAttribute('aria-describedby')).toBe('password-hint');
    });

    it('checks the passwords before sending anything', async () => {
      await choose('too short', 'something else');

      expect(summaryItems()).toEqual(['Your password must be at least 12 characters', 'The passwords do not match']);
      expect(text('#password-error')).toBe('Error: Your password must be at least 12 characters');
      expect(document.activeElement).toBe(page().querySelector('.nhsuk-error-summary'));
      http.expectNone('/api/auth/password-reset/confirm');
    });

    it('changes the password, then says so on the sign-in page', async () => {
      await choose('copper kettle harbour');
      const request = http.expectOne({ method: 'POST', url: '/api/auth/password-reset/confirm' });
      expect(request.request.body).toEqual({ token: TOKEN, password: 'copper kettle harbour' });
      request.flush({ message: CHANGED });
      await settle();
      // Every session of the account has ended: the portal reads again who is signed in.
      http.expectOne('/api/auth/me').flush({}, { status: 401, statusText: 'Unauthorized' });
      await settle();

      expect(TestBed.inject(Router).url).toBe('/sign-in');
      expect(text('[data-testid="sign-in-notice"]')).toBe(CHANGED);
      expect(text('h1')).toBe('Sign in');
    });

    it("puts the API's reason a password is refused on the password field", async () => {
      await choose('password1234');
      await answer('/api/auth/password-reset/confirm', refusal('password', TOO_COMMON), 400);

      expect(text('#password-error')).toBe(`Error: ${TOO_COMMON}`);
      expect(page().querySelector('.nhsuk-error-summary__list a')?.getAttribute('href')).toBe('#password');
      expect(TestBed.inject(Router).url).toBe(`/password-reset?token=${TOKEN}`);
    });

    it.each([
      [410, 'This password-reset link has expired or been used: ask for a new one'],
      [404, 'This password-reset link is not valid'],
    ])('on a %s answer, says what is wrong with the link and offers a new one', async (status, message) => {
      await choose('copper kettle harbour');
      await answer('/api/auth/password-reset/confirm', { statusCode: status, error: 'x', message }, status);

      expect(text('h1')).toBe(message);
      expect(document.activeElement).toBe(page().querySelector('h1'));
      expect(title()).toBe(`${message} – DSPT Support Portal`);
      expect(page().querySelector('form')).toBeNull();
      const newLink = page().querySelector<HTMLAnchorElement>('p a')!;
      expect([newLink.textContent, newLink.getAttribute('href')]).toEqual(['Ask for a new link', '/password-reset']);

      newLink.click();
      await settle();

      expect(text('h1')).toBe('Reset your password');
    });

    it('treats a token cut short as a link that is not valid', async () => {
      await choose('copper kettle harbour');
      await answer(
        '/api/auth/password-reset/confirm',
        refusal('token', 'token is not a valid password-reset token'),
        400,
      );

      expect(text('h1')).toBe('This password-reset link is not valid');
    });

    it('shows any other failure in the error summary and keeps the form', async () => {
      await choose('copper kettle harbour');
      await answer(
        '/api/auth/password-reset/confirm',
        {
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'Something went wrong on our side. Quote error id e-42.',
        },
        500,
      );

      expect(summaryItems()).toEqual(['Something went wrong on our side. Quote error id e-42.']);
      expect(page().querySelector('form')).not.toBeNull();
    });
  });

  it('asks for a link when the address has an empty token', async () => {
    await open('/password-reset?token=');

    expect(text('h1')).toBe('Reset your password');
  });
});
