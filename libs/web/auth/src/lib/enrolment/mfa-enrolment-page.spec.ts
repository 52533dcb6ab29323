import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { MfaEnrolmentStart } from '@dspt/contracts';
import { AuthService } from '../session/auth.service';
import { currentUser, membership } from '../testing/current-users';
import { useRoutedPage } from '../testing/routed-page';
import { MfaEnrolmentPage } from './mfa-enrolment-page';

const ENROLMENT: MfaEnrolmentStart = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauthUri: 'otpauth://totp/DSPT%20Support%20Portal:jo@example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
  qrCodeDataUrl: 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=',
};
const RECOVERY_CODES = ['k7m2p-xq9rt', 'abcde-fghjk', 'mnpqr-stuvw'];
const SIGNED_IN = currentUser([membership('north', 'adviser')]);

describe('MfaEnrolmentPage', () => {
  const subject = useRoutedPage('account/mfa', MfaEnrolmentPage);
  const settle = () => subject.settle();
  const page = () => subject.element;
  const text = (selector: string) => subject.text(selector);

  /** Opens the page half way through signing in: /api/auth/me says 401, the enrolment starts. */
  async function openDuringSignIn(url = '/account/mfa?returnUrl=%2Flsp%2Fnorth'): Promise<void> {
    await subject.open(url);
    subject.http
      .expectOne('/api/auth/me')
      .flush({ message: 'Finish signing in' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    subject.http.expectOne({ method: 'POST', url: '/api/auth/mfa/enrolment' }).flush(ENROLMENT);
    await settle();
  }

  async function enterCode(code: string): Promise<void> {
    subject.type('code', code);
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  it('shows the QR code with a text alternative and the key to type by hand', async () => {
    await openDuringSignIn();

    const qrCode = page().querySelector<HTMLImageElement>('img')!;
    expect(qrCode.getAttribute('src')).toBe(ENROLMENT.qrCodeDataUrl);
    expect(qrCode.alt).toContain('QR code');
    expect(text('[data-testid="mfa-secret"]')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    const code = page().querySelector<HTMLInputElement>('#code')!;
    expect([code.getAttribute('inputmode'), code.getAttribute('autocomplete')]).toEqual(['numeric', 'one-time-code']);
  });

  it('asks for a 6-digit code before sending anything', async () => {
    await openDuringSignIn();

    await enterCode('12345');

    expect(text('.nhsuk-error-summary__list')).toBe('The code must be 6 digits, like 123456');
    subject.http.expectNone('/api/auth/mfa/enrolment/confirm');
  });

  it('shows the API message on a wrong code, on the code field', async () => {
    await openDuringSignIn();

    await enterCode('123456');
    subject.http
      .expectOne('/api/auth/mfa/enrolment/confirm')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'The code is not right' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(text('#code-error')).toBe('Error: The code is not right');
    expect(page().querySelector('[data-testid="recovery-codes"]')).toBeNull();
  });

  it('shows the recovery codes once confirmed, then continues to the return address signed in', async () => {
    await openDuringSignIn();

    await enterCode('123 456');
    const confirm = subject.http.expectOne({ method: 'POST', url: '/api/auth/mfa/enrolment/confirm' });
    expect(confirm.request.body).toEqual({ code: '123456' });
    confirm.flush({ recoveryCodes: RECOVERY_CODES, me: SIGNED_IN });
    await settle();

    const codes = [...page().querySelectorAll('[data-testid="recovery-codes"] li')].map((item) =>
      item.textContent?.trim(),
    );
    expect(codes).toEqual(RECOVERY_CODES);
    expect(text('h1')).toBe('Save your recovery codes');
    expect(document.activeElement).toBe(page().querySelector('h1'));
    expect(TestBed.inject(AuthService).currentUser()).toEqual(SIGNED_IN);

    const buttons = [...page().querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.map((button) => button.textContent?.trim())).toEqual([
      'Copy codes',
      'Download codes',
      'I have saved my recovery codes, continue',
    ]);
    buttons.find((button) => button.textContent?.includes('I have saved my recovery codes, continue'))!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/lsp/north');
  });

  it('says so, without starting again, when the signed-in user already has MFA', async () => {
    await subject.open('/account/mfa');
    subject.http.expectOne('/api/auth/me').flush(SIGNED_IN);
    await settle();

    expect(text('h1')).toBe('Two-factor authentication is on');
    expect(page().querySelector('a[href="/account"]')?.textContent).toBe('your account');
    subject.http.expectNone('/api/auth/mfa/enrolment');
  });

  it('sends the user to sign in when there is no sign-in to set MFA up for', async () => {
    await subject.open('/account/mfa');
    subject.http.expectOne('/api/auth/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    await settle();
    subject.http
      .expectOne('/api/auth/mfa/enrolment')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(text('[data-testid="enrolment-problem"]')).toContain('You need to sign in');
    expect(page().querySelector('a[href="/sign-in"]')).not.toBeNull();
  });
});
