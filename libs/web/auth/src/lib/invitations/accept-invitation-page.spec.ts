import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { InvitationPreview } from '@dspt/contracts';
import { useRoutedPage } from '../testing/routed-page';
import { AcceptInvitationPage } from './accept-invitation-page';

const PREVIEW: InvitationPreview = {
  email: 'sam@example.org',
  tenantName: 'Tyne and Wear Care Alliance',
  role: 'adviser',
  expiresAt: '2026-03-09T10:00:00.000Z',
};

describe('AcceptInvitationPage', () => {
  const subject = useRoutedPage('invitations/accept', AcceptInvitationPage);
  const settle = () => subject.settle();
  const page = () => subject.element;
  const text = (selector: string) => subject.text(selector);
  const type = (id: string, value: string) => subject.type(id, value);

  async function open(preview: (request: ReturnType<HttpTestingController['expectOne']>) => void): Promise<void> {
    await subject.open('/invitations/accept?token=t0k3n&lsp=tyne-and-wear');
    subject.http.expectOne('/api/auth/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    await settle();
    const request = subject.http.expectOne({ method: 'POST', url: '/api/invitations/preview' });
    expect(request.request.body).toEqual({ token: 't0k3n', lsp: 'tyne-and-wear' });
    preview(request);
    await settle();
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  it('says what the invitation is for', async () => {
    await open((request) => request.flush(PREVIEW));

    expect(text('h1')).toBe('Join Tyne and Wear Care Alliance');
    expect(text('[data-testid="invitation-summary"]')).toContain('sam@example.org');
    expect(text('[data-testid="invitation-summary"]')).toContain('Adviser');
  });

  it('checks the name and passwords before creating the account', async () => {
    await open((request) => request.flush(PREVIEW));
    type('password', 'too short');
    type('confirmPassword', 'something else');

    await submit();

    expect(
      [...page().querySelectorAll('.nhsuk-error-summary__list li')].map((item) => item.textContent?.trim()),
    ).toEqual(['Enter your full name', 'Your password must be at least 12 characters', 'The passwords do not match']);
    subject.http.expectNone('/api/invitations/accept');
  });

  it('creates the account, then goes on to set up two-factor authentication', async () => {
    await open((request) => request.flush(PREVIEW));
    type('displayName', ' Sam Jones ');
    type('password', 'three random words');
    type('confirmPassword', 'three random words');

    await submit();
    const request = subject.http.expectOne({ method: 'POST', url: '/api/invitations/accept' });
    expect(request.request.body).toEqual({
      token: 't0k3n',
      lsp: 'tyne-and-wear',
      displayName: 'Sam Jones',
      password: 'three random words',
    });
    request.flush({ mfaRequired: false, mfaEnrolmentRequired: true });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/account/mfa');
  });

  it("shows the API's reason a password is refused on the password field", async () => {
    await open((request) => request.flush(PREVIEW));
    type('displayName', 'Sam Jones');
    type('password', 'password1234');
    type('confirmPassword', 'password1234');

    await submit();
    subject.http.expectOne('/api/invitations/accept').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Check your password',
        details: [{ field: 'password', message: 'Password is too common: choose one that is harder to guess' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(text('#password-error')).toBe('Error: Password is too common: choose one that is harder to guess');
  });

  it.each([
    [410, 'This invitation link has expired or has already been used'],
    [404, 'This invitation link is not valid'],
  ])('explains a %s answer', async (status, heading) => {
    await open((request) => request.flush({ statusCode: status, message: 'x' }, { status, statusText: 'x' }));

    expect(text('h1')).toBe(heading);
    expect(page().querySelector('form')).toBeNull();
  });
});
