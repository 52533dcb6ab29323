import { AppConfigService } from '../config';
import { type DynamicModule, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveWebApp } from './serve-web-app';

/**
 * Mounted once the API's routes are (on module init, as @nestjs/serve-static does), so `/api` paths
 * reach their controllers first and everything else reaches the web app.
 */
@Injectable()
class WebAppMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    const rootPath = resolve(this.config.get('WEB_ROOT'));
    if (!existsSync(resolve(rootPath, 'index.html'))) {
      new Logger(WebHostingModule.name).warn(`No web build at ${rootPath}: only the API is served`);
      return;
    }
    this.adapterHost.httpAdapter.getInstance<Express>().use(serveWebApp(rootPath));
  }
}

/**
 * Serves the built Angular app at `/` (see serveWebApp) with index.html as the fallback for client-side
 * routes; `/api` stays the API's. Without a build (e.g. while `ng serve` runs the web app) it serves nothing.
 */
@Module({})
export class WebHostingModule {
  static forRoot(): DynamicModule {
    return { module: WebHostingModule, providers: [WebAppMount] };
  }
}
