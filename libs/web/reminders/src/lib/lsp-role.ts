import { type Signal, computed, inject } from '@angular/core';
import { AuthService, hasTenantRole, membershipOf } from '@dspt/web/auth';

/** What the signed-in user may do with the emails of the LSP of a page. */
export interface LspRole {
  /** The LSP's name (its slug until the user is known). */
  name: string;
  /** Advisers and admins send guidance emails and send failed ones again. */
  canWrite: boolean;
  /** Admins change the reminder steps and templates. */
  isAdmin: boolean;
}

/** The user's role in the LSP with this slug; call in an injection context. */
export function lspRole(slug: Signal<string>): Signal<LspRole> {
  const auth = inject(AuthService);
  return computed(() => {
    const user = auth.currentUser();
    return {
      name: (user && membershipOf(user, slug())?.tenant.name) || slug(),
      canWrite: !!user && hasTenantRole(user, slug(), 'adviser'),
      isAdmin: !!user && hasTenantRole(user, slug(), 'admin'),
    };
  });
}
