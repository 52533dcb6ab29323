import {
  Fixtures,
  INTEGRATION_MFA_KEY,
  integrationEnv,
  startTestSmtpServer,
  type TestSmtpServer,
} from '@dspt/server/testing';
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
    api.fixtures = await Fixtures.connect(api.env['DATABASE_OWNER_URL'], INTEGRATION_MFA_KEY);
  });
  afterAll(async () => {
    await api.app?.close();
    await api.fixtures?.close();
  });
  return api;
}

/** The address emailed links start with in tests that read mail. */
export const TEST_PUBLIC_URL = 'https://portal.test';
/** Addresses the test SMTP server refuses with a permanent error (550). */
export const REFUSED_PREFIX = 'refused-';

export interface TestApiWithMail extends TestApi {
  smtp: TestSmtpServer;
}

/**
 * `useTestApi` with an in-process SMTP server the api sends to (refusing addresses that start with
 * REFUSED_PREFIX), and PUBLIC_URL set to TEST_PUBLIC_URL.
 */
export function useTestApiWithMail(overrides: Overrides = {}): TestApiWithMail {
  let smtp: TestSmtpServer | undefined;
  const api = useTestApi(async () => {
    smtp = await startTestSmtpServer({
      rejectRecipient: (address) => (address.startsWith(REFUSED_PREFIX) ? { code: 550, message: 'no' } : undefined),
    });
    return { SMTP_URL: smtp.url, PUBLIC_URL: TEST_PUBLIC_URL, ...overrides };
  }) as TestApiWithMail;
  beforeAll(() => {
    api.smtp = smtp as TestSmtpServer;
  });
  afterAll(async () => {
    await smtp?.close();
  });
  return api;
}
