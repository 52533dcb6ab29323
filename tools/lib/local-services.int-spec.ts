import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { isPortOpen, freePort } from './ports.ts';

const root = join(__dirname, '..', '..');

interface Services {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function startServices(env: Record<string, string>): Services {
  const child = spawn(process.execPath, ['tools/start.ts', '--services-only'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exit: new Promise((resolve) => child.once('exit', resolve)) };
}

async function waitForOutput(services: Services, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(services.output())) {
    if (Date.now() > deadline || services.child.exitCode !== null) {
      throw new Error(`Timed out waiting for ${pattern}; output:\n${services.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start -- --services-only', () => {
  const nodeOnlyPath = dirname(process.execPath);

  it('starts an embedded PostgreSQL when none is reachable, and stops it on SIGTERM', async () => {
    const port = await freePort();
    // mkdtemp makes a folder only its owner may enter: as root, the `postgres` user cannot, and the data moves.
    const dataDir = mkdtempSync(join(tmpdir(), 'dspt-embedded-'));
    const services = startServices({
      PATH: process.env['PATH'] ?? '',
      LOCAL_POSTGRES_PORT: String(port),
      DSPT_DATA_DIR: join(dataDir, 'data'),
      REDIS_URL: 'redis://127.0.0.1:6379',
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
    try {
      await waitForOutput(services, /Services ready/, 90_000);
      expect(services.output()).toContain(`No PostgreSQL on port ${port}: starting an embedded one`);
      const ownerUrl = `postgres://postgres:postgres@127.0.0.1:${port}/dspt`;
      const appUrl = `postgres://dspt_portal:dspt-portal-local-password@127.0.0.1:${port}/dspt`;
      expect(services.output()).toContain(`DATABASE_URL=${appUrl} DATABASE_OWNER_URL=${ownerUrl}`);

      const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      const { rows } = await client.query<{ version: string }>('SELECT version()');
      await client.end();
      expect(rows[0].version).toMatch(/^PostgreSQL \d+/);

      // The owner migrates and makes the app's login, which then signs in to the embedded server with its password.
      const migrate = spawnSync(process.execPath, ['dist/apps/api/cli.js', 'migrate'], {
        cwd: root,
        env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATABASE_OWNER_URL: ownerUrl, DATABASE_URL: appUrl },
        encoding: 'utf8',
      });
      expect(migrate.stdout).toContain('The app\'s database login "dspt_portal" is a member of dspt_app only.');
      expect(migrate.status).toBe(0);
      const app = new Client({ connectionString: appUrl });
      await app.connect();
      const { rows: login } = await app.query<{ name: string; rolsuper: boolean }>(
        'SELECT rolname AS name, rolsuper FROM pg_roles WHERE rolname = session_user',
      );
      await app.end();
      expect(login).toEqual([{ name: 'dspt_portal', rolsuper: false }]);
    } finally {
      services.child.kill('SIGTERM');
      await services.exit;
      rmSync(dataDir, { recursive: true, force: true });
      const moved = /keeps its data in (\S+)/.exec(services.output())?.[1];
      if (moved) {
        rmSync(moved, { recursive: true, force: true });
      }
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
  }, 120_000);

  it('explains how to provide Redis and exits non-zero when it is neither running nor installed', async () => {
    const services = startServices({
      PATH: nodeOnlyPath,
      LOCAL_REDIS_PORT: String(await freePort()),
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
    expect(await services.exit).toBe(1);
    expect(services.output().trim()).toMatch(
      /redis-server is not installed\. Start it with: docker compose up -d redis$/,
    );
  });
});
