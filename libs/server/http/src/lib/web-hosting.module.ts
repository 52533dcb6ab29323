import { AppConfigService } from '@dspt/server/config';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Serves the built Angular app at `/` with index.html as the fallback for client-side routes; `/api`
 * stays the API's. Without a build (e.g. while `ng serve` runs the web app) it serves nothing.
 */
@Module({})
export class WebHostingModule {
  static forRoot(): DynamicModule {
    return {
      module: WebHostingModule,
      imports: [
        ServeStaticModule.forRootAsync({
          inject: [AppConfigService],
          useFactory: (config: AppConfigService) => {
            const rootPath = resolve(config.get('WEB_ROOT'));
            if (!existsSync(resolve(rootPath, 'index.html'))) {
              new Logger(WebHostingModule.name).warn(`No web build at ${rootPath}: only the API is served`);
              return [];
            }
            return [{ rootPath, exclude: ['/api', '/api/{*path}'], serveStaticOptions: { index: 'index.html' } }];
          },
        }),
      ],
    };
  }
}
