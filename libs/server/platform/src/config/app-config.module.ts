import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service';
import { Clock, FixedClock } from './clock';
import { parseAppConfig } from './parse-app-config';

export type Environment = Record<string, string | undefined>;

/**
 * Validated configuration for the whole app. The environment is an argument (process.env in production)
 * so tests can start apps with their own settings without touching the process' environment.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({ ignoreEnvFile: true, skipProcessEnv: true, validate: () => parseAppConfig(env) }),
      ],
      providers: [
        AppConfigService,
        {
          // Every process reads the same setting, so api and worker agree on "now" in tests and demos.
          provide: Clock,
          inject: [AppConfigService],
          useFactory: (config: AppConfigService) => {
            const fixedAt = config.get('CLOCK_FIXED_AT');
            return fixedAt ? new FixedClock(new Date(fixedAt)) : new Clock();
          },
        },
      ],
      exports: [AppConfigService, Clock],
    };
  }
}
