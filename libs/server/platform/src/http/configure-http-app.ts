import { AppConfigService } from '../config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Server } from 'node:http';
import { ApiExceptionFilter } from './api-exception.filter';
import { createOpenApiDocument } from './openapi-document';
import { noStore, securityHeaders } from './security-headers';
import { compressResponses } from './compress-responses';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api';
/** Swagger UI and the OpenAPI document (`/api/docs/openapi.json`), when API_DOCS_ENABLED. */
export const API_DOCS_PATH = `/${API_PREFIX}/docs`;

/**
 * How long an idle connection is kept open. nginx (deploy/nginx) keeps its idle connections to the api
 * for 60 s, as load balancers commonly do: the api must not close one first, or a request sent on it as
 * it closes is lost (a 502 for a POST, which a proxy does not retry). Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Everything the HTTP app needs besides its modules: used by main.ts and by the integration tests, so
 * tests exercise the same pipes, filters and headers users get.
 */
export interface HttpAppOptions {
  /** Behind TLS in production: send HSTS and upgrade insecure requests; local http stays usable. */
  production: boolean;
}

export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions): void {
  const config = app.get(AppConfigService);
  app.setGlobalPrefix(API_PREFIX);
  // X-Forwarded-For is believed only from the configured proxies; from anyone else req.ip is the peer.
  app.set('trust proxy', config.get('TRUST_PROXY'));
  app.disable('x-powered-by');
  // Every API answer is no-store, so no cache ever revalidates it: hashing each body for an ETag is waste.
  // (The web app's files get theirs from the static middleware, which does not use this setting.)
  app.set('etag', false);
  app.use(securityHeaders(API_DOCS_PATH, options.production));
  app.use(`/${API_PREFIX}`, noStore);
  app.use(compressResponses());
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // A request's headers must be allowed as long, or a kept connection's next request could be cut short.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  if (!config.get('API_DOCS_ENABLED')) {
    return;
  }
  SwaggerModule.setup(API_DOCS_PATH.slice(1), app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: `${API_DOCS_PATH.slice(1)}/openapi.json`,
  });
}
