import { AppConfigService } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { unsafeDatabaseLogin } from './app-login';
import { dataSourceOptions } from './data-source-options';
import { APP_ROLE } from './migrations';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        ...dataSourceOptions({
          url: config.get('DATABASE_URL'),
          poolSize: config.get('DATABASE_POOL_SIZE'),
          role: APP_ROLE,
        }),
        retryAttempts: 3,
        retryDelay: 1_000,
      }),
      // The api and worker stop here, before any route or job runs, on a login that would step past
      // row-level security: one line on stderr and exit code 1 (not Nest's abort with a stack trace).
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options as DataSourceOptions)
          .initialize()
          .catch((error: { code?: string }) => {
            if (error.code === '42501') {
              // "permission denied to set role": no retry mends it.
              process.stderr.write(
                `Refusing to start: the database login in DATABASE_URL is not a member of ${APP_ROLE}; ` +
                  `"cli.js migrate" (or "cli.js app-login") with DATABASE_OWNER_URL creates it as one\n`,
              );
              process.exit(1);
            }
            throw error;
          });
        const unsafe = await unsafeDatabaseLogin(dataSource);
        if (unsafe) {
          process.stderr.write(`${unsafe}\n`);
          process.exit(1);
        }
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
