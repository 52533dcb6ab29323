import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { currentUser, membership } from '../testing/current-users';
import { useRoutedPage } from '../testing/routed-page';
import { MfaPage } from './mfa-page';

describe('MfaPage', () => {
  const subject = useRoutedPage('sign-in/mfa', MfaPage);

  beforeEach(() => subject.open('/sign-in/mfa?returnUrl=%2Fstatistics'));

  const settle = () => subject.settle();
  const page = () => subject.element;

  async function enterCode(code: string): Promise<void> {
    subject.type('code', code);
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  it('asks for the code with the label as the page heading, for one-time-code autofill', () => {
    const input = page().querySelector<HTMLInputElement>('#code')!;
    expect(page().querySelector('h1 label[for="code"]')?.textContent).toBe(
      'Enter the code from your authenticator app',
    );
    expect([input.getAttribute('inputmode'), input.getAttribute('autocomplete')]).toEqual(['numeric', 'one-time-code']);
  });

  it('signs in with the code and goes to the return address', async () => {
    await enterCode(' 123 456 ');
    const request = subject.http.expectOne({ method: 'POST', url: '/api/auth/mfa' });
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush({ mfaRequired: false, me: currentUser([], ['programme_lead']) });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/statistics');
  });

  it('shows why a code was refused, on the field', async () => {
    await enterCode('123456');
    subject.http
      .expectOne('/api/auth/mfa')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'The code is not right' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(page().querySelector('#code-error')?.textContent).toContain('The code is not right');
    expect(TestBed.inject(Router).url).toBe('/sign-in/mfa?returnUrl=%2Fstatistics');
  });

  it('accepts a recovery code instead, once the user asks to use one', async () => {
    [...page().querySelectorAll('a')]
      .find((link) => link.textContent?.includes('Use a recovery code instead'))!
      .click();
    await settle();
    const input = page().querySelector<HTMLInputElement>('#code')!;
    expect(page().querySelector('h1')?.textContent?.trim()).toBe('Enter a recovery code');
    expect(input.getAttribute('inputmode')).toBeNull();

    await enterCode('k7m2p-xq9rt');
    const request = subject.http.expectOne('/api/auth/mfa');
    expect(request.request.body).toEqual({ code: 'k7m2p-xq9rt' });
    request.flush({ mfaRequired: false, me: currentUser([membership('north', 'viewer')]) });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/statistics');
  });
});
