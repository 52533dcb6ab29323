import { API_PREFIX, createOpenApiDocument } from '@dspt/server/platform';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';

/**
 * The api's OpenAPI document, built from the modules' metadata alone: preview mode instantiates no provider,
 * so nothing connects to PostgreSQL, Redis or SMTP. The settings only need to pass validation.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot({ NODE_ENV: 'development' }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
