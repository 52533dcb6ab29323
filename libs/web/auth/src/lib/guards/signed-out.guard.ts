import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from '../session/auth.service';

/** The sign-in page is for signed-out users: someone already signed in goes to the home page. */
export const signedOutGuard: CanActivateFn = async () => {
  const router = inject(Router);
  return (await inject(AuthService).load()) ? router.parseUrl('/') : true;
};
