import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { CurrentUser } from '@dspt/contracts';
import { AuthService } from '@dspt/web/auth';
import { App } from './app';

@Component({ template: '<h1>Page</h1>' })
class SomePage {}

const ADVISER_OF_TWO: CurrentUser = {
  user: { id: 'u-1', email: 'jo@example.org', displayName: 'Jo Bloggs', mfaEnrolled: false },
  memberships: [
    { tenant: { id: 't-1', slug: 'north', name: 'North Care', region: 'North East' }, role: 'adviser' },
    { tenant: { id: 't-2', slug: 'south', name: 'South Care', region: 'South West' }, role: 'admin' },
  ],
  roles: [],
};

describe('App shell', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'wide', children: [{ path: '', component: SomePage, data: { fullWidth: true } }] },
          { path: '**', component: SomePage },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(user: CurrentUser | null, url: string): Promise<HTMLElement> {
    const loaded = TestBed.inject(AuthService).load();
    http.expectOne('/api/auth/me').flush(user ?? {}, user ? {} : { status: 401, statusText: 'Unauthorized' });
    await loaded;
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

  it('lets a page that asks for it (route data fullWidth) use the whole width, and no other', async () => {
    const page = await render(ADVISER_OF_TWO, '/wide');
    const container = () => page.querySelector('main')?.parentElement;
    expect(container()?.className).toBe('nhsuk-width-container-fluid');

    await TestBed.inject(Router).navigateByUrl('/elsewhere');
    TestBed.tick();
    expect(container()?.className).toBe('nhsuk-width-container');
  });

  it('shows no user menu to a signed-out visitor', async () => {
    const page = await render(null, '/sign-in');

    expect(page.querySelector('[data-testid="user-name"]')).toBeNull();
    expect(page.querySelector('[data-testid="lsp-switcher"]')).toBeNull();
  });

  it('shows who is signed in, the LSP in the address, and links to switch to their other LSPs', async () => {
    const page = await render(ADVISER_OF_TWO, '/lsp/south');

    expect(text(page.querySelector('[data-testid="user-name"]'))).toBe('Signed in as Jo Bloggs');
    expect(text(page.querySelector('[data-testid="current-lsp"]'))).toBe('South Care');
    const switchLinks = [...page.querySelectorAll<HTMLAnchorElement>('[data-testid="lsp-switcher"] a')];
    expect(
      switchLinks.map((link) => [text(link), link.getAttribute('href'), link.getAttribute('aria-current')]),
    ).toEqual([
      ['North Care', '/lsp/north', null],
      ['South Care', '/lsp/south', 'true'],
    ]);
    const navigation = [...page.querySelectorAll('.nhsuk-header__navigation-link')].map((link) => text(link));
    expect(navigation).toEqual(['Caseload', 'My tasks', 'Coverage', 'Campaigns', 'Statistics', 'Manage LSP']);
    expect(text(page.querySelector('.nhsuk-header__account'))).toContain('Set up two-factor authentication');
    // "/" will bring them back to this LSP.
    expect(localStorage.getItem('dspt.lastLsp')).toBe('south');
  });

  it('signs out and goes to the sign-in page', async () => {
    const page = await render(ADVISER_OF_TWO, '/lsp/north');

    [...page.querySelectorAll<HTMLButtonElement>('button')].find((button) => text(button) === 'Sign out')!.click();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
  });
});
