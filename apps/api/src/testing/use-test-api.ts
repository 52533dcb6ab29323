import { Fixtures, INTEGRATION_MFA_KEY, integrationEnv } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startTestApi } from './start-test-api';

export interface TestApi {
  env: Record<string, string>;
  app: NestExpressApplication;
  fixtures: Fixtures;
}

type Overrides = Record<string, string>;

/**
 * Starts the real api for a `describe` block (beforeAll) with owner-connection fixtures, and closes both
 * afterwards. Read the properties inside tests: they are set once beforeAll has run. Pass a function
 * when a setting is known only in beforeAll (e.g. the port of a test SMTP server started there).
 */
export function useTestApi(overrides: Overrides | (() => Promise<Overrides>) = {}): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    api.env = integrationEnv(typeof overrides === 'function' ? await overrides() : overrides);
    api.app = await startTestApi(api.env);
    api.fixtures = await Fixtures.connect(api.env['DATABASE_URL'], INTEGRATION_MFA_KEY);
  });
  afterAll(async () => {
    await api.app?.close();
    await api.fixtures?.close();
  });
  return api;
}
