import { Component } from '@angular/core';
import type { CurrentUser, ProviderDetail, ProviderPageView } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { RoutedPages } from '@dspt/web/auth/testing';
import { PageNotFound } from '@dspt/web/ui';
import { caseloadRoutes } from '../caseload.routes';

export const SLUG = 'north';
export const ME = { id: '00000000-0000-4000-8000-000000000001', displayName: 'Jo Adviser' };

/** Test data: the signed-in user, with this role in the LSP `north`. */
export function userWithRole(role: TenantRole): CurrentUser {
  return {
    user: { id: ME.id, email: 'jo@example.org', displayName: ME.displayName, mfaEnrolled: true },
    memberships: [{ tenant: { id: 't-north', slug: SLUG, name: 'North Care Alliance', region: 'North East' }, role }],
    roles: [],
  };
}

/** Where the app's role guards send a user who may not see a page. */
@Component({ template: '<h1>You do not have access</h1>' })
class AccessDeniedPage {}

/**
 * The caseload's pages as the app routes them (`/lsp/:slug/...`, query parameters and all), for a user
 * with `role`, the API answered by the tests (see `RoutedPages`).
 */
export class LspPages extends RoutedPages {
  constructor(role: TenantRole) {
    super(userWithRole(role), [
      { path: 'lsp/:slug', children: caseloadRoutes },
      { path: 'access-denied', component: AccessDeniedPage },
      { path: '**', component: PageNotFound },
    ]);
  }
}

/** The provider page's one answer for `provider`, its other sections empty (for pages that lead back to it). */
export function emptyProviderPage(provider: ProviderDetail): ProviderPageView {
  return {
    provider,
    assessment: { cycle: '2025-26', deadline: '2026-06-30', progress: { completed: 0, total: 3 }, questions: [] },
    blockers: { cycle: '2025-26', items: [] },
    publications: { items: [] },
    notes: { items: [] },
    tasks: { items: [] },
    moves: { items: [], waiting: 0 },
    emails: { items: [], total: 0, counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 } },
  };
}
