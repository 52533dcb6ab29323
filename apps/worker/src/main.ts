import 'reflect-metadata';
import { loadAppConfigOrExit } from '@dspt/server/platform';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadAppConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(process.env), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`DSPT Support Portal worker started (pid ${process.pid})`, 'Bootstrap');
}

void bootstrap();
