import 'reflect-metadata';
import { loadAppConfigOrExit } from '@dspt/server/config';
import { configureHttpApp } from '@dspt/server/http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadAppConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(process.env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, { production: config.NODE_ENV === 'production' });
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`DSPT Support Portal API listening on ${config.HOST}:${config.PORT}`, 'Bootstrap');
}

void bootstrap();
