import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { GlobalRole } from '@dspt/domain';
import { AuthService } from '../session/auth.service';
import { hasGlobalRole } from '../session/current-user-access';
import { accessDenied, signInRedirect } from './sign-in-redirect';

/** For programme-wide pages: the user must hold one of `roles`. */
export function globalRoleGuard(...roles: GlobalRole[]): CanActivateFn {
  return async (_route, state) => {
    const router = inject(Router);
    const user = await inject(AuthService).load();
    if (!user) {
      return signInRedirect(router, state.url);
    }
    return hasGlobalRole(user, ...roles) ? true : accessDenied(router, state.url);
  };
}
