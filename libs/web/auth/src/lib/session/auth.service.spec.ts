import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { currentUser, membership } from '../testing/current-users';
import { AuthService } from './auth.service';

const ADVISER = currentUser([membership('tyne-and-wear', 'adviser')]);
const UNAUTHORISED = { status: 401, statusText: 'Unauthorized' };

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Lets the service's awaits run, so its next request is made. */
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('reads the session once from /api/auth/me, however many callers ask', async () => {
    const first = auth.load();
    const second = auth.load();
    http.expectOne({ method: 'GET', url: '/api/auth/me' }).flush(ADVISER);

    expect(await first).toEqual(ADVISER);
    expect(await second).toEqual(ADVISER);
    expect(await auth.load()).toEqual(ADVISER);
    expect(auth.currentUser()).toEqual(ADVISER);
    expect(auth.isSignedIn()).toBe(true);
  });

  it('is signed out when /api/auth/me answers 401', async () => {
    const loaded = auth.load();
    http
      .expectOne('/api/auth/me')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' }, UNAUTHORISED);

    expect(await loaded).toBeNull();
    expect(auth.isSignedIn()).toBe(false);
  });

  it('asks again on refresh', async () => {
    const loading = auth.load();
    http.expectOne('/api/auth/me').flush(ADVISER);
    await loading;
    const refreshed = auth.refresh();
    http.expectOne('/api/auth/me').flush({ message: 'Sign in to continue' }, UNAUTHORISED);

    expect(await refreshed).toBeNull();
    expect(auth.currentUser()).toBeNull();
  });

  it('is signed in by a sign-in answer that carries the user, without asking /me again', async () => {
    const signingIn = auth.signIn({ email: 'jo@example.org', password: 'correct horse battery' });
    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ email: 'jo@example.org', password: 'correct horse battery' });
    request.flush({ mfaRequired: false, me: ADVISER });

    expect(await signingIn).toEqual({ mfaRequired: false, me: ADVISER });
    expect(auth.currentUser()).toEqual(ADVISER);
    expect(await auth.load()).toEqual(ADVISER);
  });

  it('is not signed in yet while an MFA code or MFA set-up is still needed', async () => {
    const signingIn = auth.signIn({ email: 'jo@example.org', password: 'correct horse battery' });
    http.expectOne('/api/auth/login').flush({ mfaRequired: true });
    expect((await signingIn).mfaRequired).toBe(true);
    expect(auth.isSignedIn()).toBe(false);

    const verifying = auth.verifyMfa('123456');
    const request = http.expectOne({ method: 'POST', url: '/api/auth/mfa' });
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush({ mfaRequired: false, me: ADVISER });
    await verifying;
    expect(auth.currentUser()).toEqual(ADVISER);
  });

  it('reads the session when a sign-in answer says neither MFA step nor who signed in', async () => {
    const signingIn = auth.signIn({ email: 'jo@example.org', password: 'correct horse battery' });
    http.expectOne('/api/auth/login').flush({ mfaRequired: false });
    await settle();
    http.expectOne('/api/auth/me').flush(ADVISER);

    await signingIn;
    expect(auth.currentUser()).toEqual(ADVISER);
  });

  it('is signed in once MFA enrolment is confirmed', async () => {
    const starting = auth.startMfaEnrolment();
    http.expectOne({ method: 'POST', url: '/api/auth/mfa/enrolment' }).flush({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x',
      qrCodeDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
    });
    expect((await starting).secret).toBe('JBSWY3DPEHPK3PXP');

    const confirming = auth.confirmMfaEnrolment('654321');
    const request = http.expectOne({ method: 'POST', url: '/api/auth/mfa/enrolment/confirm' });
    expect(request.request.body).toEqual({ code: '654321' });
    request.flush({ recoveryCodes: ['abcde-fghjk'], me: ADVISER });

    expect((await confirming).recoveryCodes).toEqual(['abcde-fghjk']);
    expect(auth.currentUser()).toEqual(ADVISER);
  });

  it('signs out on the server and forgets the user, even if the session had already ended', async () => {
    const loading = auth.load();
    http.expectOne('/api/auth/me').flush(ADVISER);
    await loading;

    const signingOut = auth.signOut();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush({ message: 'Sign in to continue' }, UNAUTHORISED);
    await signingOut;

    expect(auth.currentUser()).toBeNull();
    expect(await auth.load()).toBeNull();
  });
});
