/**
 * `npm run bench`: the caseload endpoint's latency on a national-scale data set, beside the raw SQL it
 * needs. Builds the api, creates a fresh database, seeds `--providers` (default 30,000) providers over the
 * 28 demo LSPs, starts the built api in production mode, signs in as one LSP's adviser and drives
 * `GET /api/tenants/{slug}/providers?sort=priority` with 50 concurrent connections (autocannon). Prints
 * the figures for people and ends with one JSON line (`providers`, `caseloadP50Ms`, `caseloadP95Ms`,
 * `caseloadSqlMs`, ...). The database is dropped afterwards unless KEEP_TEST_DATABASE is set.
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { stopChild } from './lib/local-services.ts';
import { waitForPort } from './lib/ports.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const providers = Number(option('providers', '30000'));
const seconds = Number(option('seconds', '10'));
const connections = Number(option('connections', '50'));
const port = Number(process.env['BENCH_PORT'] ?? 3190);
const baseUrl = `http://127.0.0.1:${port}`;

function databaseUrl(): string {
  const url = new URL(process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
  url.pathname = `/dspt_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`"${command} ${commandArgs.join(' ')}" failed`);
  }
}

/** Signs in like a browser (XSRF cookie, then password) and answers the cookie header to send. */
async function signIn(email: string): Promise<string> {
  const first = await fetch(`${baseUrl}/api/health`);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
  if (!xsrf) {
    throw new Error('The api set no XSRF cookie');
  }
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf },
    body: JSON.stringify({ email, password: 'demo-password-2026' }),
  });
  const session = /dspt_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (login.status !== 200 || !session) {
    throw new Error(`Sign-in as ${email} answered ${login.status}: ${await login.text()}`);
  }
  return `XSRF-TOKEN=${xsrf}; dspt_session=${session}`;
}

/**
 * The rows the caseload endpoint reads for one LSP and cycle, as one SQL statement: the lower bound for
 * the endpoint, which also ranks them with the domain's priority rule and serialises a page.
 */
const CASELOAD_SQL = `
  SELECT p.id, p.name, p.ods_code, p.kind, p.service_type, p.region, p.last_contact_at, p.assigned_adviser_id,
         u.display_name AS adviser_name,
         coalesce(a.status, 'not_started') AS status, a.mandatory_completed, a.mandatory_total,
         (SELECT pub.level FROM publications pub WHERE pub.provider_id = p.id AND pub.cycle_id = $3
          ORDER BY pub.published_on DESC LIMIT 1) AS previous_level,
         (SELECT count(*) FROM tasks t WHERE t.provider_id = p.id AND t.done_at IS NULL AND t.due_on < $4::date) AS overdue_tasks
  FROM providers p
  LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = $2
  LEFT JOIN users u ON u.id = p.assigned_adviser_id
  WHERE p.tenant_id = $1 AND p.archived_at IS NULL`;

async function rawSqlMs(url: string, slug: string, today: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ tenant_id: tenantId }] = (await client.query(`SELECT id AS tenant_id FROM tenants WHERE slug = $1`, [slug])).rows;
    const cycles = (await client.query(`SELECT id FROM assessment_cycles ORDER BY deadline DESC LIMIT 2`)).rows;
    const timings: number[] = [];
    for (let run = 0; run < 30; run++) {
      const started = performance.now();
      await client.query(CASELOAD_SQL, [tenantId, cycles[0].id, cycles[1].id, today]);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    return timings[Math.floor(timings.length / 2)];
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = databaseUrl();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `dspt-bench-${port}`,
    LOG_LEVEL: 'warn',
  };
  let api: ChildProcess | undefined;
  try {
    if (!args.includes('--no-build')) {
      run(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--projects=api,worker', '--output-style=static'], env);
    }
    run(process.execPath, ['dist/apps/api/cli.js', 'migrate'], env);
    run(process.execPath, ['dist/apps/api/cli.js', 'seed', '--providers', String(providers)], env);

    api = spawn(process.execPath, ['dist/apps/api/main.js'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        SESSION_SECRET: randomBytes(24).toString('hex'),
        MFA_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
        MFA_REQUIRED: 'false',
        SESSION_COOKIE_SECURE: 'false',
        LOGIN_IP_LIMIT: '1000',
      },
    });
    await waitForPort('127.0.0.1', port, 60_000);

    const slug = 'tyne-and-wear-care-alliance';
    const cookie = await signIn(`adviser@${slug}.demo.test`);
    const path = `/api/tenants/${slug}/providers?sort=priority&page=1&pageSize=25`;
    const check = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    if (check.status !== 200) {
      throw new Error(`GET ${path} answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
    }
    const tenantProviders = ((await check.json()) as { total: number }).total;
    // Warm-up, then the measured run.
    await autocannon({ url: `${baseUrl}${path}`, connections: 10, duration: 2, headers: { cookie } });
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const options = { url: `${baseUrl}${path}`, connections, duration: seconds, headers: { cookie } };
      const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)));
      instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors during the run`);
    }
    const today = new Date().toISOString().slice(0, 10);
    const sqlMs = await rawSqlMs(url, slug, today);
    const figures = {
      providers,
      lspProviders: tenantProviders,
      connections,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      caseloadP50Ms: percentile(latencies, 50),
      caseloadP95Ms: percentile(latencies, 95),
      caseloadSqlMs: Math.round(sqlMs * 10) / 10,
    };
    console.log(`Caseload endpoint, ${connections} connections for ${seconds} s, ${tenantProviders} providers in the LSP (${providers} nationally):`);
    console.log(`  p50 ${figures.caseloadP50Ms} ms, p95 ${figures.caseloadP95Ms} ms, ${figures.requestsPerSecond} requests/s`);
    console.log(`  the same rows by one raw SQL query: ${figures.caseloadSqlMs} ms (median of 30)`);
    console.log(JSON.stringify(figures));
  } finally {
    if (api) {
      await stopChild(api);
    }
    if (!process.env['KEEP_TEST_DATABASE']) {
      const server = new URL(url);
      const name = server.pathname.slice(1);
      server.pathname = '/postgres';
      const client = new pg.Client({ connectionString: server.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    }
  }
}

/** Nearest-rank percentile of every response time (autocannon's own summary has no p95). */
function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)] * 10) / 10;
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
