import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';

/**
 * E2E tests drive Debian's Chromium against the built portal, started the way users start it
 * (`node tools/start.ts`), on a fresh database of its own and a free port.
 */
const port = Number(process.env['E2E_PORT'] ?? 3100);
// Set once in the main process; Playwright's workers inherit it, so every process agrees on the database.
process.env['DSPT_E2E_DATABASE_URL'] ??= (() => {
  const url = new URL(
    process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/dspt_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return url.toString();
})();

// Set once in the main process (like the database URL) so every process agrees on it.
process.env['DSPT_E2E_RUN_ID'] ??= randomBytes(3).toString('hex');
const runId = process.env['DSPT_E2E_RUN_ID'];

export const baseURL = `http://127.0.0.1:${port}`;
/** The portal's emails go to a MailDev of its own; tests read them through MailDev's REST API. */
const mailDevSmtpPort = port + 25;
export const mailDevURL = `http://127.0.0.1:${port + 80}`;

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e/results.json' }]],
  globalTeardown: './support/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node tools/start.ts',
    cwd: '..',
    // Health is 200 only once the database, Redis and a worker are all up.
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      // The owner migrates and seeds; start.ts gives the api and worker the app's own login on this database.
      DATABASE_OWNER_URL: process.env['DSPT_E2E_DATABASE_URL'],
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      // A prefix per run: sign-in limits counted by an earlier run must not throttle this one.
      REDIS_PREFIX: `dspt-e2e-${port}-${runId}`,
      PUBLIC_URL: baseURL,
      MAILDEV_SMTP_PORT: String(mailDevSmtpPort),
      MAILDEV_WEB_PORT: String(port + 80),
      LOG_LEVEL: 'warn',
      WORKER_HEARTBEAT_SECONDS: '1',
      // One api process, as in the other tests (start.ts would run one per core); API_PROCESSES=2 tries the cluster.
      API_PROCESSES: process.env['API_PROCESSES'] ?? '1',
      // As in production: every account needs a second factor (demo advisers enrol on first sign-in).
      MFA_REQUIRED: 'true',
    },
  },
});
