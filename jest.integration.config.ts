import type { Config } from 'jest';
import { serverProject } from './tools/jest/shared.ts';

/**
 * Integration tests: real PostgreSQL (fresh databases per run, one per worker: tools/jest/integration-setup.ts),
 * real Redis, real worker processes and a real SMTP server in the test process.
 */
const config: Config = {
  ...serverProject('integration', ['<rootDir>/**/*.int-spec.ts']),
  globalSetup: '<rootDir>/tools/jest/integration-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/integration-teardown.ts',
  testTimeout: 60_000,
  // Two files at a time, each worker on a database of its own: most of a file's time is spent waiting on
  // queues, processes and timers, so two share the machine well.
  maxWorkers: 2,
};

export default config;
