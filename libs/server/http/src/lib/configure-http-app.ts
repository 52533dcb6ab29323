import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { ApiExceptionFilter } from './api-exception.filter';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api';
/** The httpOnly cookie holding the session token. */
export const SESSION_COOKIE = 'dspt_session';

/**
 * Everything the HTTP app needs besides its modules: used by main.ts and by the integration tests, so
 * tests exercise the same pipes, filters and headers users get.
 */
export interface HttpAppOptions {
  /** Behind TLS in production: send HSTS and upgrade insecure requests; local http stays usable. */
  production: boolean;
}

export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions): void {
  app.setGlobalPrefix(API_PREFIX);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI at /api/docs needs inline scripts and styles; the portal itself does not.
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: options.production ? [] : null,
        },
      },
      strictTransportSecurity: options.production,
    }),
  );
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('DSPT Support Portal API')
    .setDescription('Case management for the Local Support Partners of the Better Security, Better Care programme')
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .build();
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json`,
  });
}
