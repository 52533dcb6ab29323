import type { CanMatchFn, Routes } from '@angular/router';

/** The emailed link is `/password-reset?token=...`; without a token, the page asks for such an email. */
const carriesToken: CanMatchFn = (_route, _segments, snapshot) => !!snapshot.queryParamMap.get('token');

/** Forgotten passwords (public, lazy): ask for a link by email, then choose a new password with it. */
export const passwordResetRoutes: Routes = [
  {
    path: 'password-reset',
    canMatch: [carriesToken],
    loadComponent: () => import('./choose-new-password-page').then((page) => page.ChooseNewPasswordPage),
    title: 'Choose a new password',
  },
  {
    path: 'password-reset',
    loadComponent: () => import('./request-password-reset-page').then((page) => page.RequestPasswordResetPage),
    title: 'Reset your password',
  },
];
