import { configureHttpApp, PortalExpressAdapter } from '@dspt/server/platform';
import { migrateTestDatabase } from '@dspt/server/testing';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';

/** The real api (all modules, pipes, filters) in the test process, on the run's migrated database. */
export async function startTestApi(env: Record<string, string>): Promise<NestExpressApplication> {
  await migrateTestDatabase(env['DATABASE_OWNER_URL'], env['DATABASE_URL']);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), new PortalExpressAdapter(), {
    logger: ['error'],
  });
  configureHttpApp(app, { production: false });
  await app.init();
  return app;
}
