/**
 * `npm run bench:scale`: the portal as docs/operations.md "Running several replicas" deploys it, on this
 * machine: built api processes behind Debian's nginx, on one PostgreSQL and Redis.
 *
 * 1. Throughput: with 1 and then 2 api replicas behind nginx, the caseload endpoint driven through nginx
 *    with 50, 100 and 200 connections (autocannon, `--seconds` each): requests per second, p95, and the
 *    CPU the api processes spent per request (from /proc), so an operator can size a deployment.
 * 2. Staleness (`staleMs`): with 2 replicas, a provider archived through replica A, and replica B's
 *    caseload read until it shows it; the slowest of 5 tries.
 * 3. Duplicates (`duplicateEmails`): two workers send one reminder step to a local SMTP sink; one is
 *    killed (SIGKILL) a third of the way through; every email arrives, and repeats (same Message-ID) are
 *    counted.
 *
 * Ends with one JSON line: {"replicas": [{"api": 1, "connections": N, "requestsPerSecond": R, "p95Ms": P,
 * "cpuMsPerRequest": C}, ...], "staleMs": S, "duplicateEmails": D}. Options: --providers (default 3000),
 * --seconds (default 8), --no-build. The database and Redis keys are removed afterwards unless
 * KEEP_TEST_DATABASE is set.
 */
import { Queue, QueueEvents } from 'bullmq';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { benchDatabaseUrl, dropBenchDatabase, makeEveryoneDue } from './lib/bench-database.ts';
import { loadTest, signIn } from './lib/bench-http.ts';
import { stopChild } from './lib/local-services.ts';
import { nginxBinary, type RunningNginx, startNginx } from './lib/nginx.ts';
import { freePort } from './lib/ports.ts';
import { SmtpSink } from './lib/smtp-sink-client.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const providers = Number(option('providers', '3000'));
const seconds = Number(option('seconds', '8'));
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const redisPrefix = `dspt-bench-scale-${randomBytes(3).toString('hex')}`;
const slug = 'tyne-and-wear-care-alliance';
const CONNECTIONS = [50, 100, 200];
/** Linux's clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = 100;

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`"${command} ${commandArgs.join(' ')}" failed`);
  }
}

/** A built app started with `env`, once it has printed `ready`. */
async function startApp(entry: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`${entry} stopped:\n${output.slice(-2_000)}`)));
  });
  child.stdout?.resume();
  return child;
}

/** CPU seconds (user and system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are the 14th and 15th fields; the split drops the first two.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

interface ReplicaFigures {
  api: number;
  connections: number;
  requestsPerSecond: number;
  p95Ms: number;
  cpuMsPerRequest: number;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function main(): Promise<void> {
  nginxBinary();
  const url = benchDatabaseUrl('dspt_bench_scale');
  // The apps run as in production, which refuses the published local password: a login of this run's own.
  const appLogin = new URL(url);
  appLogin.username = `dspt_bench_scale_${randomBytes(3).toString('hex')}`;
  appLogin.password = randomBytes(18).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_OWNER_URL: url,
    DATABASE_URL: appLogin.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    MFA_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
  };
  const appEnv: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    SESSION_SECRET: randomBytes(24).toString('hex'),
    EMAIL_HASH_KEY: randomBytes(24).toString('hex'),
    MFA_REQUIRED: 'false',
    SESSION_COOKIE_SECURE: 'false',
    LOGIN_IP_LIMIT: '1000',
  };
  const running: ChildProcess[] = [];
  let nginx: RunningNginx | undefined;
  let sink: SmtpSink | undefined;
  const recording = join(tmpdir(), `${redisPrefix}.jsonl`);
  const db = new pg.Client({ connectionString: url });
  try {
    if (!args.includes('--no-build')) {
      run(
        join(root, 'node_modules', '.bin', 'nx'),
        ['run-many', '-t', 'build', '--projects=api,worker', '--output-style=static'],
        env,
      );
    }
    console.log(`Seeding ${providers} providers into ${new URL(url).pathname.slice(1)}...`);
    run(process.execPath, ['dist/apps/api/cli.js', 'migrate'], env);
    run(process.execPath, ['dist/apps/api/cli.js', 'seed', '--providers', String(providers)], env);
    await db.connect();

    const replicas: ReplicaFigures[] = [];
    let staleMs = 0;
    for (const apiCount of [1, 2]) {
      const ports = await Promise.all(Array.from({ length: apiCount }, () => freePort()));
      const apis = await Promise.all(
        ports.map((port) => startApp('dist/apps/api/main.js', { ...appEnv, PORT: String(port) }, /API listening on/)),
      );
      running.push(...apis);
      const apiUrls = ports.map((port) => `http://127.0.0.1:${port}`);
      nginx = await startNginx(root, apiUrls);
      const cookie = await signIn(nginx.url, `adviser@${slug}.demo.test`);
      const path = `/api/tenants/${slug}/providers?sort=priority&page=1&pageSize=25`;
      for (const connections of CONNECTIONS) {
        const cpuBefore = apis.reduce((sum, api) => sum + cpuSeconds(api.pid ?? 0), 0);
        const load = await loadTest(`${nginx.url}${path}`, cookie, connections, seconds);
        const cpuAfter = apis.reduce((sum, api) => sum + cpuSeconds(api.pid ?? 0), 0);
        // loadTest warms up for 2 s with 10 connections first: their requests count too.
        const cpuMsPerRequest = ((cpuAfter - cpuBefore) * 1000) / (load.requests + load.requestsPerSecond * 2);
        const figures = {
          api: apiCount,
          connections,
          requestsPerSecond: load.requestsPerSecond,
          p95Ms: load.p95Ms,
          cpuMsPerRequest: Math.round(cpuMsPerRequest * 100) / 100,
        };
        console.log(
          `  ${apiCount} api, ${connections} connections: ${figures.requestsPerSecond} requests/s, p95 ${figures.p95Ms} ms, ${figures.cpuMsPerRequest} ms of api CPU a request`,
        );
        replicas.push(figures);
      }
      if (apiCount === 2) {
        staleMs = await measureStaleness(apiUrls, cookie);
        console.log(`  a change through replica A shown by replica B after at most ${staleMs} ms (5 tries)`);
      }
      await nginx.stop();
      nginx = undefined;
      await Promise.all(apis.map((api) => stopChild(api)));
      running.length = 0;
    }

    sink = await SmtpSink.start();
    const duplicateEmails = await killOneOfTwoWorkers(db, sink, recording, appEnv);
    console.log(JSON.stringify({ replicas, staleMs, duplicateEmails }));
  } finally {
    await nginx?.stop();
    await Promise.all(running.map((child) => stopChild(child)));
    if (sink) {
      await stopChild(sink.child);
    }
    await db.end().catch(() => undefined);
    const redis = new Redis(redisUrl);
    for await (const keys of redis.scanStream({ match: `${redisPrefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    }
    redis.disconnect();
    rmSync(recording, { force: true });
    await dropBenchDatabase(url);
    if (!process.env['KEEP_TEST_DATABASE']) {
      const server = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
      await server.connect();
      await server.query(`DROP ROLE IF EXISTS ${appLogin.username}`);
      await server.end();
    }
  }
}

/** Archives a provider through replica A (then brings it back), reading replica B until it shows; the slowest. */
async function measureStaleness(apiUrls: string[], cookie: string): Promise<number> {
  const [a, b] = apiUrls;
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1] ?? '';
  const caseload = `/api/tenants/${slug}/providers?sort=name&page=1&pageSize=5`;
  const totalOnB = async () =>
    ((await (await fetch(`${b}${caseload}`, { headers: { cookie } })).json()) as { total: number }).total;
  const first = (await (await fetch(`${a}${caseload}`, { headers: { cookie } })).json()) as {
    items: Array<{ id: string }>;
  };
  const providerId = first.items[0].id;
  let slowest = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const action = attempt % 2 === 0 ? 'archive' : 'unarchive';
    const before = await totalOnB();
    await totalOnB(); // B keeps this answer.
    const response = await fetch(`${a}/api/tenants/${slug}/providers/${providerId}/${action}`, {
      method: 'POST',
      headers: { cookie, 'x-xsrf-token': xsrf },
    });
    if (response.status !== 200) {
      throw new Error(`${action} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    // Stale for as long as reads begun after the change still miss it (the read's own time is not staleness).
    const changedAt = performance.now();
    let readAt = changedAt;
    await until(
      async () => {
        readAt = performance.now();
        return (await totalOnB()) !== before;
      },
      "replica B's caseload to show the change",
      10_000,
      10,
    );
    slowest = Math.max(slowest, readAt - changedAt);
  }
  return Math.round(slowest);
}

/**
 * Two workers send the latest cycle's last step to every primary contact (everyone made due); the first is
 * killed with SIGKILL once a third have arrived. Waits until every outbox row is sent and every email has
 * arrived, then answers how many arrived more than once (the same Message-ID).
 */
async function killOneOfTwoWorkers(db: pg.Client, sink: SmtpSink, recording: string, appEnv: NodeJS.ProcessEnv) {
  const cycle = await makeEveryoneDue(db);
  await sink.reset(recording);
  const workerEnv = {
    ...appEnv,
    NODE_ENV: 'development',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    // Midday on the deadline day: the cycle's last step is the one due.
    CLOCK_FIXED_AT: `${cycle.deadline}T11:00:00Z`,
    // The dead worker's claims end soon, so the survivor sends its emails within the run.
    MAIL_SEND_LEASE_SECONDS: '5',
  };
  const workers = await Promise.all(
    [1, 2].map(() => startApp('dist/apps/worker/main.js', workerEnv, /worker started/)),
  );
  try {
    const redis = new URL(redisUrl);
    const connection = {
      host: redis.hostname,
      port: Number(redis.port || 6379),
      db: Number(redis.pathname.slice(1) || 0),
      maxRetriesPerRequest: null,
    };
    const queue = new Queue('reminders', { connection, prefix: redisPrefix });
    const events = new QueueEvents('reminders', { connection, prefix: redisPrefix });
    await events.waitUntilReady();
    const plan = await queue.add('plan-reminders', {}, { attempts: 1 });
    await plan.waitUntilFinished(events, 300_000);
    await Promise.all([queue.close(), events.close()]);
    const planned = Number(
      (await db.query(`SELECT count(*)::int AS n FROM email_messages WHERE cycle_id = $1`, [cycle.id])).rows[0].n,
    );
    const arrived = async () => (await sink.stats()).count;
    await until(async () => (await arrived()) >= planned / 3, 'a third of the emails', 300_000);
    await stopChild(workers[0], 'SIGKILL');
    console.log(`Killed one of two workers after ${await arrived()} of ${planned} emails`);
    await until(
      async () =>
        Number(
          (
            await db.query(`SELECT count(*)::int AS n FROM email_messages WHERE cycle_id = $1 AND status <> 'sent'`, [
              cycle.id,
            ])
          ).rows[0].n,
        ) === 0,
      'every email to be sent',
      300_000,
    );
    await sink.stats();
    const ids = readFileSync(recording, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => /^Message-ID:\s*(\S+)/im.exec((JSON.parse(line) as { raw: string }).raw)?.[1] ?? line);
    const distinct = new Set(ids).size;
    if (distinct < planned) {
      throw new Error(`Only ${distinct} of ${planned} emails arrived`);
    }
    console.log(
      `  ${ids.length} emails arrived for ${planned} planned: ${ids.length - distinct} repeated (same Message-ID)`,
    );
    return ids.length - distinct;
  } finally {
    await Promise.all(workers.map((worker) => stopChild(worker)));
  }
}

main().catch((error: Error) => {
  console.error(`bench:scale failed: ${error.message}`);
  process.exit(1);
});
