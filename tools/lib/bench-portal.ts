/** What the browser benches share: the portal started as the e2e tests start it, on a database of its own. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * Starts `node tools/start.ts` (builds, migrates, seeds the demo data, runs api and worker) on `port`,
 * with the demo advisers signing in by password alone: the page load is measured, not the sign-in.
 */
export function startBenchPortal(port: number, databaseUrl: string, name: string): ChildProcess {
  const baseUrl = `http://127.0.0.1:${port}`;
  return spawn(process.execPath, ['tools/start.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `dspt-${name}-${port}-${randomBytes(3).toString('hex')}`,
      PUBLIC_URL: baseUrl,
      MAILDEV_SMTP_PORT: String(port + 25),
      MAILDEV_WEB_PORT: String(port + 80),
      LOG_LEVEL: 'warn',
      MFA_REQUIRED: 'false',
    },
  });
}

/** Waits until the portal's health is 200: the database, Redis and a worker are all up. */
export async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`The portal was not healthy within ${timeoutMs / 1000} s (last answer ${status})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The first provider on the LSP's caseload (as the signed-in adviser sees it): its page's path in the web app. */
export async function firstProviderPath(baseUrl: string, slug: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/tenants/${slug}/providers`, { headers: { cookie } });
  const body = (await response.json()) as { items?: Array<{ id: string }> };
  const id = body.items?.[0]?.id;
  if (!id) {
    throw new Error(`The caseload answered ${response.status} with no provider`);
  }
  return `/lsp/${slug}/providers/${id}`;
}
