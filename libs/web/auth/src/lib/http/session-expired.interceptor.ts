import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../session/auth.service';

// Sign-in steps and invitations answer 401 as part of their own flow (wrong password, wrong code,
// no session yet); the pages that call them show the message instead.
const OWN_401_HANDLING = ['/api/auth/', '/api/invitations/'];

/** A 401 from any other API call means the session has ended: the user signs in again, then comes back. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((failure: unknown) => {
      if (
        failure instanceof HttpErrorResponse &&
        failure.status === 401 &&
        request.url.startsWith('/api/') &&
        !OWN_401_HANDLING.some((prefix) => request.url.startsWith(prefix))
      ) {
        auth.sessionEnded();
        if (!router.url.startsWith('/sign-in')) {
          void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
        }
      }
      return throwError(() => failure);
    }),
  );
};
