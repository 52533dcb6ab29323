import { randomBytes } from 'node:crypto';

/** Set by the integration tests' global setup: the name its fresh databases (one per Jest worker) start with. */
export const TEST_DATABASE_URL_VARIABLE = 'DSPT_TEST_DATABASE_URL';

/** This Jest worker's database of the run (see tools/jest/integration-setup.ts). */
export function integrationDatabaseUrl(): string {
  const base = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!base) {
    throw new Error(`${TEST_DATABASE_URL_VARIABLE} is not set: run integration tests with jest.integration.config.ts`);
  }
  const url = new URL(base);
  url.pathname = `${url.pathname}_w${process.env['JEST_WORKER_ID'] ?? '1'}`;
  return url.toString();
}

/**
 * The login apps under test use (DATABASE_URL): a member of `dspt_app` only, made by `migrateTestDatabase`
 * (as `cli.js migrate` does). Roles are cluster-wide, so every test database on the server shares it.
 */
export const TEST_APP_LOGIN = { user: 'dspt_test_app', password: 'dspt-test-app-password' } as const;

/** The same database as the owner URL `url`, reached through the app's own login. */
export function testAppLoginUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = TEST_APP_LOGIN.user;
  parsed.password = TEST_APP_LOGIN.password;
  return parsed.toString();
}

/** The MFA key of apps under test, which fixtures need to enrol users. */
export const INTEGRATION_MFA_KEY = 'integration-test-mfa-encryption-key-0123456789';

/**
 * Environment for an app under test: this run's database (DATABASE_URL through the app's own login,
 * DATABASE_OWNER_URL as the owner, for migrations and fixtures), the local Redis under a key prefix of its own
 * (so parallel runs and a developer's running portal never share queues), quiet logs.
 */
export function integrationEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testAppLoginUrl(integrationDatabaseUrl()),
    DATABASE_OWNER_URL: integrationDatabaseUrl(),
    DATABASE_POOL_SIZE: '3',
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `dspt-test-${randomBytes(4).toString('hex')}`,
    SMTP_URL: 'smtp://127.0.0.1:1',
    WORKER_HEARTBEAT_SECONDS: '1',
    WEB_ROOT: 'dist/apps/web/browser',
    MFA_ENCRYPTION_KEY: INTEGRATION_MFA_KEY,
    // Many tests sign in from 127.0.0.1; the throttling tests lower this again.
    LOGIN_IP_LIMIT: '10000',
    ...overrides,
    // A test that names its own database names it once: the app reaches it through the app's login.
    ...(overrides['DATABASE_OWNER_URL'] && !overrides['DATABASE_URL']
      ? { DATABASE_URL: testAppLoginUrl(overrides['DATABASE_OWNER_URL']) }
      : {}),
  };
}
