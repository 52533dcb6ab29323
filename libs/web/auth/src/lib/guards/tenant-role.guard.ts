import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { TenantRole } from '@dspt/domain';
import { AuthService } from '../session/auth.service';
import { hasTenantRole } from '../session/current-user-access';
import { accessDenied, signInRedirect } from './sign-in-redirect';

/**
 * For `/lsp/:slug/...` routes: the user must be a member of that LSP with at least `minimum` role.
 * The API checks the same on every call; this guard only spares users a page they cannot use.
 */
export function tenantRoleGuard(minimum: TenantRole, slugParam = 'slug'): CanActivateFn {
  return async (route, state) => {
    const router = inject(Router);
    const user = await inject(AuthService).load();
    if (!user) {
      return signInRedirect(router, state.url);
    }
    return hasTenantRole(user, route.paramMap.get(slugParam), minimum) ? true : accessDenied(router, state.url);
  };
}
