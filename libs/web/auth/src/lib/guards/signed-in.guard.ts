import { inject } from '@angular/core';
import { type CanActivateChildFn, type CanActivateFn, Router } from '@angular/router';
import { AuthService } from '../session/auth.service';
import { signInRedirect } from './sign-in-redirect';

/** Lets signed-in users through; sends anyone else to sign in, and back here afterwards. */
export const signedInGuard: CanActivateFn & CanActivateChildFn = async (_route, state) => {
  const router = inject(Router);
  return (await inject(AuthService).load()) ? true : signInRedirect(router, state.url);
};
