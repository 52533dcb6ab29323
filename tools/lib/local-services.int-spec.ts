import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { isPortOpen } from './ports.ts';

const root = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Services {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function startServices(env: Record<string, string>): Services {
  const child = spawn(process.execPath, ['tools/start.ts', '--services-only'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const dataDir = mkdtempSync(join(tmpdir(), 'dspt-embedded-'));
    // As root, PostgreSQL runs as the `postgres` user, who must be able to enter the folder.
    chmodSync(dataDir, 0o755);
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
      expect(services.output()).toContain(`DATABASE_URL=postgres://postgres:postgres@127.0.0.1:${port}/dspt`);

      const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      const { rows } = await client.query<{ version: string }>('SELECT version()');
      await client.end();
      expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
    } finally {
      services.child.kill('SIGTERM');
      await services.exit;
      rmSync(dataDir, { recursive: true, force: true });
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
    expect(services.output().trim()).toMatch(/redis-server is not installed\. Start it with: docker compose up -d redis$/);
  });
});
