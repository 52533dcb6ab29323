import { Fixtures, INTEGRATION_MFA_KEY, integrationEnv } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startTestApi } from './start-test-api';

export interface TestApi {
  env: Record<string, string>;
  app: NestExpressApplication;
  fixtures: Fixtures;
}

/**
 * Starts the real api for a `describe` block (beforeAll) with owner-connection fixtures, and closes both
 * afterwards. Read the properties inside tests: they are set once beforeAll has run.
 */
export function useTestApi(overrides: Record<string, string> = {}): TestApi {
  const env = integrationEnv(overrides);
  const api = { env } as TestApi;
  beforeAll(async () => {
    api.app = await startTestApi(env);
    api.fixtures = await Fixtures.connect(env['DATABASE_URL'], INTEGRATION_MFA_KEY);
  });
  afterAll(async () => {
    await api.app?.close();
    await api.fixtures?.close();
  });
  return api;
}
