import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@dspt/contracts';
import { AuthService } from '../session/auth.service';
import { LastLspStore } from '../session/last-lsp.store';
import { currentUser, membership } from '../testing/current-users';
import { globalRoleGuard } from './global-role.guard';
import { homeRedirect } from './home.redirect';
import { signedInGuard } from './signed-in.guard';
import { tenantRoleGuard } from './tenant-role.guard';

@Component({ template: '<h1>Page</h1>' })
class SomePage {}

@Component({ template: '<h1>You do not have access to this page</h1>' })
class DeniedPage {}

const ADVISER_OF_TWO = currentUser([membership('north', 'adviser'), membership('south', 'admin')]);
const LEAD = currentUser([], ['programme_lead']);
const SYSTEM_ADMIN = currentUser([], ['system_admin']);

describe('route guards', () => {
  let harness: RouterTestingHarness;

  async function signedInAs(user: CurrentUser | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthService, useValue: { load: () => Promise.resolve(user) } },
        provideRouter([
          { path: '', pathMatch: 'full', redirectTo: homeRedirect },
          { path: 'sign-in', component: SomePage },
          { path: 'access-denied', component: DeniedPage },
          {
            path: '',
            canActivateChild: [signedInGuard],
            children: [
              { path: 'lsp/:slug', component: SomePage, canActivate: [tenantRoleGuard('viewer')] },
              { path: 'lsp/:slug/users', component: SomePage, canActivate: [tenantRoleGuard('admin')] },
              { path: 'statistics', component: SomePage, canActivate: [globalRoleGuard('programme_lead')] },
              { path: 'admin', component: SomePage, canActivate: [globalRoleGuard('system_admin')] },
              { path: 'admin/tenants', component: SomePage, canActivate: [globalRoleGuard('system_admin')] },
            ],
          },
        ]),
      ],
    });
    harness = await RouterTestingHarness.create();
  }

  /** Where the user ends up: the router's page, and what the address bar shows. */
  async function open(url: string): Promise<{ page: string; address: string }> {
    await harness.navigateByUrl(url);
    return { page: TestBed.inject(Router).url, address: TestBed.inject(Location).path() };
  }

  beforeEach(() => localStorage.clear());

  describe('signed out', () => {
    beforeEach(() => signedInAs(null));

    it('sends "/" to sign in', async () => {
      expect(await open('/')).toEqual({ page: '/sign-in', address: '/sign-in' });
    });

    it.each(['/lsp/north', '/lsp/north/users', '/statistics', '/admin/tenants'])(
      'sends %s to sign in, to come back afterwards',
      async (url) => {
        const signIn = `/sign-in?returnUrl=${encodeURIComponent(url)}`;
        expect(await open(url)).toEqual({ page: signIn, address: signIn });
      },
    );
  });

  describe('an LSP member', () => {
    beforeEach(() => signedInAs(ADVISER_OF_TWO));

    it('goes from "/" to their first LSP, or to the one they used last', async () => {
      expect((await open('/')).page).toBe('/lsp/north');

      TestBed.inject(LastLspStore).remember('south');
      expect((await open('/')).page).toBe('/lsp/south');
    });

    it('opens the LSPs they belong to', async () => {
      expect(await open('/lsp/south')).toEqual({ page: '/lsp/south', address: '/lsp/south' });
    });

    it("is refused another LSP's pages, with the address they asked for kept", async () => {
      expect(await open('/lsp/east')).toEqual({ page: '/access-denied', address: '/lsp/east' });
      expect(harness.routeNativeElement?.textContent).toContain('You do not have access to this page');
    });

    it('opens the users page only where they are an admin', async () => {
      expect((await open('/lsp/south/users')).page).toBe('/lsp/south/users');
      expect(await open('/lsp/north/users')).toEqual({ page: '/access-denied', address: '/lsp/north/users' });
    });

    it('is refused the programme-wide pages', async () => {
      expect((await open('/statistics')).page).toBe('/access-denied');
      expect((await open('/admin/tenants')).page).toBe('/access-denied');
    });
  });

  describe('a programme lead', () => {
    beforeEach(() => signedInAs(LEAD));

    it('goes from "/" to statistics, and may open them', async () => {
      expect(await open('/')).toEqual({ page: '/statistics', address: '/statistics' });
    });

    it('is refused LSP pages and system administration', async () => {
      expect((await open('/lsp/north')).page).toBe('/access-denied');
      expect((await open('/admin/tenants')).page).toBe('/access-denied');
    });
  });

  describe('a system admin', () => {
    beforeEach(() => signedInAs(SYSTEM_ADMIN));

    it('goes from "/" to the Manage portal hub', async () => {
      expect(await open('/')).toEqual({ page: '/admin', address: '/admin' });
    });

    it("is refused an LSP's own pages and statistics", async () => {
      expect((await open('/lsp/north/users')).page).toBe('/access-denied');
      expect((await open('/statistics')).page).toBe('/access-denied');
    });
  });
});
