import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../session/auth.service';
import { sessionExpiredInterceptor } from './session-expired.interceptor';

@Component({ template: '' })
class SomePage {}

describe('sessionExpiredInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let sessionEnded: jest.Mock;

  beforeEach(async () => {
    sessionEnded = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { sessionEnded } },
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: SomePage }]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    await RouterTestingHarness.create('/lsp/north/users');
  });

  afterEach(() => backend.verify());

  async function answer401(url: string): Promise<unknown> {
    const request = firstValueFrom(http.get(url)).catch((failure: unknown) => failure);
    backend
      .expectOne(url)
      .flush({ statusCode: 401, message: 'Sign in to continue' }, { status: 401, statusText: 'Unauthorized' });
    const failure = await request;
    await new Promise((resolve) => setTimeout(resolve));
    return failure;
  }

  it('sends the user to sign in, and back afterwards, when an API call says the session has ended', async () => {
    const failure = await answer401('/api/tenants/north/users');

    expect(failure).toMatchObject({ status: 401 });
    expect(sessionEnded).toHaveBeenCalled();
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Flsp%2Fnorth%2Fusers');
  });

  it.each(['/api/auth/me', '/api/auth/login', '/api/auth/mfa', '/api/invitations/preview'])(
    'leaves a 401 from %s to the page that made the call',
    async (url) => {
      await answer401(url);

      expect(sessionEnded).not.toHaveBeenCalled();
      expect(TestBed.inject(Router).url).toBe('/lsp/north/users');
    },
  );
});
