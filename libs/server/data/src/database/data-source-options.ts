import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseConnectionSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /**
   * The role queries run as, set when each connection opens. The api and worker log in as their own
   * NOINHERIT member of `APP_ROLE` (see app-login.ts) and run as `APP_ROLE` (no BYPASSRLS, so row-level
   * security applies); migrations and the seed log in as the owner and run as it.
   */
  role?: string;
}

/** The one place TypeORM is configured. Schema changes come only from migrations: synchronize stays off. */
export function dataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName ?? 'dspt-portal',
    // The app role may not create extensions; gen_random_uuid() is built into PostgreSQL 13+.
    installExtensions: false,
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      ...(settings.role ? { options: `-c role=${settings.role}` } : {}),
    },
  };
}
