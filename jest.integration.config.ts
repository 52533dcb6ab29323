import type { Config } from 'jest';
import { serverProject } from './tools/jest/shared.ts';

/**
 * Integration tests: real PostgreSQL (a fresh database per run, see tools/jest/integration-setup.ts),
 * real Redis, real worker processes and a real SMTP server in the test process.
 */
const config: Config = {
  ...serverProject('integration', ['<rootDir>/**/*.int-spec.ts']),
  globalSetup: '<rootDir>/tools/jest/integration-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/integration-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};

export default config;
