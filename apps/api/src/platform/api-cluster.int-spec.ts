import type { HealthResponse } from '@dspt/contracts';
import {
  ApiClient,
  builtEntryPoint,
  Fixtures,
  type FixtureUser,
  integrationEnv,
  migrateTestDatabase,
  type RunningProcess,
  startNodeProcess,
  freePort,
} from '@dspt/server/testing';
import { readdirSync, readFileSync } from 'node:fs';

/** The cluster's api processes: Linux lists a process's children under /proc. */
function children(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
}

async function until<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 30_000,
  output = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}\n${output().slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pids of the processes that logged a completed request for `path` (pino writes each line's pid). */
function pidsServing(output: string, path: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (line.includes('"request completed"') && line.includes(`"url":"${path}"`)) {
      pids.add(JSON.parse(line).pid as number);
    }
  }
  return pids;
}

describe('the built api with API_PROCESSES=2 (Node cluster)', () => {
  const env = integrationEnv({ API_PROCESSES: '2', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOGIN_IP_LIMIT: '4' });
  let api: RunningProcess;
  let baseUrl: string;
  let fixtures: Fixtures;
  let user: FixtureUser;

  beforeAll(async () => {
    await migrateTestDatabase(env['DATABASE_OWNER_URL'], env['DATABASE_URL']);
    fixtures = await Fixtures.connect(env['DATABASE_OWNER_URL'], env['MFA_ENCRYPTION_KEY']);
    user = await fixtures.user({ label: 'cluster', mfa: true });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = startNodeProcess(builtEntryPoint('api'), { ...env, PORT: String(port) });
    await until(
      'two api processes listening',
      () => (api.output().match(/API listening on/g) ?? []).length === 2,
      80_000,
      () => api.output(),
    );
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    await fixtures?.close();
  });

  it('runs two processes, and a session started on one is known to the other', async () => {
    const pid = api.child.pid as number;
    expect(children(pid)).toHaveLength(2);
    const client = await new ApiClient(baseUrl).signIn(user.email, user.password, user.totpSecret);
    // Each request on a connection of its own: the primary hands connections to the processes in turn.
    for (let request = 0; request < 12; request++) {
      expect((await client.get('/api/auth/me')).status).toBe(200);
    }
    const serving = await until('request logs', () => {
      const pids = pidsServing(api.output(), '/api/auth/me');
      return pids.size === 2 && pids;
    });
    expect([...serving].sort()).toEqual(children(pid).sort());
  });

  it('counts sign-in attempts from one address across processes', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const client = new ApiClient(baseUrl);
      statuses.push((await client.post('/api/auth/login', { email: user.email, password: 'not the password' })).status);
    }
    // LOGIN_IP_LIMIT=4 attempts from 127.0.0.1 (the first test's sign-in among them), whichever process each reached.
    const refusedFrom = statuses.indexOf(429);
    expect(refusedFrom).toBeGreaterThanOrEqual(2);
    expect(refusedFrom).toBeLessThanOrEqual(4);
    expect(statuses.slice(0, refusedFrom).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(refusedFrom).every((status) => status === 429)).toBe(true);
    expect(pidsServing(api.output(), '/api/auth/login').size).toBe(2);
  });

  it('replaces a process that dies, then stops every process on SIGTERM', async () => {
    const pid = api.child.pid as number;
    const [victim, survivor] = children(pid);
    process.kill(victim, 'SIGKILL');
    const replaced = await until('a replacement process', () => {
      const now = children(pid);
      return now.length === 2 && !now.includes(victim) && now;
    });
    expect(replaced).toContain(survivor);
    await until(
      'the replacement listening',
      () => (api.output().match(/API listening on/g) ?? []).length === 3,
      80_000,
    );
    // No worker runs in this test, so health is 503 for the worker alone; database and Redis are up in each process.
    for (let request = 0; request < 4; request++) {
      const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as HealthResponse;
      expect(health.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    }

    api.child.kill('SIGTERM');
    expect(await api.waitForExit(30_000)).toBe(0);
    for (const worker of replaced) {
      expect(() => process.kill(worker, 0)).toThrow();
    }
  }, 150_000);
});
