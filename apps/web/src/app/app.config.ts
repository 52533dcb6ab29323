import {
  HttpXsrfTokenExtractor,
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { AuthService, PortalXsrfTokenExtractor, sessionExpiredInterceptor } from '@dspt/web/auth';
import { PageFocus, PortalTitleStrategy } from '@dspt/web/core';
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
    // The XSRF cookie is `__Host-XSRF-TOKEN` in production and `XSRF-TOKEN` in development.
    { provide: HttpXsrfTokenExtractor, useClass: PortalXsrfTokenExtractor },
    // Route parameters and query parameters (`?returnUrl=`) arrive as component inputs.
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
    // Who is signed in is known before the first page shows; this also fetches the XSRF cookie.
    provideAppInitializer(() => inject(AuthService).load()),
    // After each change of page, focus goes to its heading.
    provideAppInitializer(() => inject(PageFocus).start()),
  ],
};
