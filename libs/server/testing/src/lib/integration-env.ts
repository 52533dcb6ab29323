import { randomBytes } from 'node:crypto';

/** Set by the integration tests' global setup: the fresh, migrated database of this run. */
export const TEST_DATABASE_URL_VARIABLE = 'DSPT_TEST_DATABASE_URL';

export function integrationDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!url) {
    throw new Error(`${TEST_DATABASE_URL_VARIABLE} is not set: run integration tests with jest.integration.config.ts`);
  }
  return url;
}

/** The MFA key of apps under test, which fixtures need to enrol users. */
export const INTEGRATION_MFA_KEY = 'integration-test-mfa-encryption-key-0123456789';

/**
 * Environment for an app under test: this run's database, the local Redis under a key prefix of its own
 * (so parallel runs and a developer's running portal never share queues), quiet logs.
 */
export function integrationEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: integrationDatabaseUrl(),
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
  };
}
