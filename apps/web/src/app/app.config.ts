import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { AuthService, sessionExpiredInterceptor } from '@dspt/web/auth';
import { PortalTitleStrategy } from '@dspt/web/core';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([sessionExpiredInterceptor]),
    ),
    // Route parameters and query parameters (`?returnUrl=`) arrive as component inputs.
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
    // Who is signed in is known before the first page shows; this also fetches the XSRF cookie.
    provideAppInitializer(() => inject(AuthService).load()),
  ],
};
