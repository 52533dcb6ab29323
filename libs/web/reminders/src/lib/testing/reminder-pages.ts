import type { Routes } from '@angular/router';
import type { CurrentUser } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { OtherPage, RoutedPages } from '@dspt/web/auth/testing';
import { fillInDialogMethods } from './dialog-methods';

export const SLUG = 'north';
export const LSP_NAME = 'North Care Alliance';

/** Test data: a signed-in user with this role in the LSP `north`. */
export function memberWithRole(role: TenantRole): CurrentUser {
  return {
    user: { id: 'u-jo', email: 'jo@example.org', displayName: 'Jo Adviser', mfaEnrolled: true },
    memberships: [{ tenant: { id: 't-north', slug: SLUG, name: LSP_NAME, region: 'North East' }, role }],
    roles: [],
  };
}

/** Test data: a system admin (no LSP). */
export const SYSTEM_ADMIN: CurrentUser = {
  user: { id: 'u-admin', email: 'admin@example.org', displayName: 'Ada Admin', mfaEnrolled: true },
  memberships: [],
  roles: ['system_admin'],
};

/**
 * The reminder screens routed at `routes` as the app routes them, every other address showing
 * `OtherPage`, for a signed-in user (or nobody), the API answered by the tests (see `RoutedPages`).
 * jsdom's missing `<dialog>` methods are filled in.
 */
export class ReminderPages extends RoutedPages {
  constructor(user: CurrentUser | null, routes: Routes) {
    super(user, [...routes, { path: '**', component: OtherPage }]);
    fillInDialogMethods();
  }
}
