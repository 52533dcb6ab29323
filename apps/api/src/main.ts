import 'reflect-metadata';
import { apiProcessCount, loadAppConfigOrExit, configureHttpApp, PortalExpressAdapter } from '@dspt/server/platform';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { runApiCluster } from './api-cluster';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadAppConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(process.env),
    new PortalExpressAdapter(),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureHttpApp(app, { production: config.NODE_ENV === 'production' });
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`DSPT Support Portal API listening on ${config.HOST}:${config.PORT}`, 'Bootstrap');
}

// A bad configuration stops here, once, before any process is started.
const processes = apiProcessCount(loadAppConfigOrExit(), availableParallelism());
if (cluster.isPrimary && processes > 1) {
  runApiCluster(processes);
} else {
  void bootstrap();
}
