import { type Signal, computed, inject, linkedSignal } from '@angular/core';
import type { Resource } from '@angular/core';
import { AuthService, hasTenantRole, membershipOf } from '@dspt/web/auth';

/** What the signed-in user may do in the LSP of a page. */
export interface LspAccess {
  /** The LSP's name (its slug until the user is known). */
  name: string;
  /** Advisers and admins change the caseload; viewers only read it. */
  canWrite: boolean;
  isAdmin: boolean;
  me: { id: string; displayName: string } | null;
}

/** The user's access to the LSP with this slug; call in an injection context. */
export function lspAccess(slug: Signal<string>): Signal<LspAccess> {
  const auth = inject(AuthService);
  return computed(() => {
    const user = auth.currentUser();
    const membership = user ? membershipOf(user, slug()) : undefined;
    return {
      name: membership?.tenant.name ?? slug(),
      canWrite: !!user && hasTenantRole(user, slug(), 'adviser'),
      isAdmin: !!user && hasTenantRole(user, slug(), 'admin'),
      me: user ? { id: user.user.id, displayName: user.user.displayName } : null,
    };
  });
}

/**
 * A resource's value that stays while the next one loads (a resource's own value is undefined while
 * it loads for new parameters), so a table being re-sorted stays on screen, and focus with it.
 */
export function lastLoaded<T>(resource: Resource<T | undefined>): Signal<T | undefined> {
  return linkedSignal<T | undefined, T | undefined>({
    source: () => (resource.hasValue() ? resource.value() : undefined),
    computation: (value, previous) => value ?? previous?.value,
  });
}
