/**
 * What every bench shares: its options, the build, a fresh database with the national-scale caseload (migrated
 * and seeded as the owner, used by the apps through the app's own login), the built api in production mode, the
 * api's CPU time and memory, and the one JSON line each bench ends with. `npm run bench`, `bench:load` and
 * `bench:reminders` use it (`bench:pages` starts the whole portal like the e2e tests, through tools/start.ts,
 * and shares the database part).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabaseUrl, dropBenchDatabase } from './bench-database.ts';
import { stopChild } from './local-services.ts';
import { waitForPort } from './ports.ts';

export const benchRoot = process.cwd();
const args = process.argv.slice(2);

/** `--name value` from the command line, else `fallback`. */
export function benchOption(name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
}

export function benchFlag(name: string): boolean {
  return args.includes(`--${name}`);
}

export function runStep(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, commandArgs, { cwd: benchRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`"${command} ${commandArgs.join(' ')}" failed`);
  }
}

/** Cluster-wide, like every login: a fresh password each run, which `cli.js migrate` sets. */
const BENCH_APP_LOGIN = { user: 'dspt_bench_app', password: randomBytes(18).toString('base64url') };

function benchAppUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = BENCH_APP_LOGIN.user;
  parsed.password = BENCH_APP_LOGIN.password;
  return parsed.toString();
}

export interface BenchDatabase {
  /** The owner's URL (migrations, seed, the benches' raw SQL). */
  url: string;
  /** For the apps: both logins, the shared Redis, and one MFA key for the seed and the api. */
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

/**
 * Builds api and worker (unless `--no-build`), creates a database of its own and seeds `providers` providers
 * over the 28 demo LSPs with the demo accounts.
 */
export async function prepareBenchDatabase(prefix: string, providers: number): Promise<BenchDatabase> {
  // Seeding the national caseload takes minutes: BENCH_DATABASE_URL names one seeded before (by a run with
  // KEEP_TEST_DATABASE set), used as it is and kept.
  const reused = process.env['BENCH_DATABASE_URL'];
  const url = reused ?? benchDatabaseUrl(prefix);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_OWNER_URL: url,
    // The api runs in production mode, which refuses the published local password: a bench login of its own.
    DATABASE_URL: benchAppUrl(url),
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    LOG_LEVEL: 'warn',
    // One key for the seed, which seals the demo authenticators, and the api, which opens them: from the
    // database's name, so a kept database works again (BENCH_DATABASE_URL).
    MFA_ENCRYPTION_KEY:
      process.env['MFA_ENCRYPTION_KEY'] ??
      createHash('sha256')
        .update(`bench:${new URL(url).pathname}`)
        .digest('hex'),
  };
  const drop = reused ? async () => undefined : () => dropBenchDatabase(url);
  if (!benchFlag('no-build')) {
    console.log('Building api and worker...');
    runStep(
      join(benchRoot, 'node_modules', '.bin', 'nx'),
      ['run-many', '-t', 'build', '--projects=api,worker', '--output-style=static'],
      { ...env, NX_DAEMON: 'false' },
    );
  }
  if (reused) {
    console.log(`Using the seeded database ${new URL(url).pathname.slice(1)} (BENCH_DATABASE_URL)`);
    runStep(process.execPath, ['dist/apps/api/cli.js', 'migrate'], env);
    return { url, env, drop };
  }
  console.log(`Seeding ${providers} providers into ${new URL(url).pathname.slice(1)}...`);
  try {
    runStep(process.execPath, ['dist/apps/api/cli.js', 'migrate'], env);
    runStep(process.execPath, ['dist/apps/api/cli.js', 'seed', '--providers', String(providers)], env);
  } catch (error) {
    await dropBenchDatabase(url);
    throw error;
  }
  return { url, env, drop };
}

export interface BenchApi {
  child: ChildProcess;
  baseUrl: string;
  /** CPU seconds (user + system) the api's processes have used so far, workers of a cluster included. */
  cpuMs(): number;
  /** Resident memory of the api's processes together, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** The process and, for a cluster, its workers: Linux lists a process's children under /proc. */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index++) {
    try {
      for (const task of readdirSync(`/proc/${pids[index]}/task`)) {
        const children = readFileSync(`/proc/${pids[index]}/task/${task}/children`, 'utf8').trim();
        pids.push(...children.split(/\s+/).filter(Boolean).map(Number));
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Starts the built api in production mode on `port` with the bench's database, once it listens. */
export async function startBenchApi(
  database: BenchDatabase,
  port: number,
  overrides: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): Promise<BenchApi> {
  // The api's own log (errors behind a 500, say) goes to a file of its own, named at the end of the run.
  const logFile = join(tmpdir(), `dspt-bench-api-${port}-${Date.now()}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    cwd: benchRoot,
    stdio: ['ignore', log, 'inherit'],
    env: {
      ...database.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_PREFIX: `dspt-bench-${port}-${randomBytes(3).toString('hex')}`,
      SESSION_SECRET: randomBytes(24).toString('hex'),
      EMAIL_HASH_KEY: randomBytes(24).toString('hex'),
      MFA_REQUIRED: 'false',
      SESSION_COOKIE_SECURE: 'false',
      LOGIN_IP_LIMIT: '10000',
      ...overrides,
    },
  });
  // Generous: on a busy machine each process of a cluster takes tens of seconds to start.
  await waitForPort('127.0.0.1', port, 180_000);
  const pids = () => (child.pid ? processTree(child.pid) : []);
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    cpuMs: () =>
      pids().reduce((sum, pid) => {
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        const fields = readProc(pid, 'stat').split(') ')[1]?.split(' ') ?? [];
        return sum + ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * (1000 / CLOCK_TICKS_PER_SECOND);
      }, 0),
    rssMb: () =>
      Math.round(
        pids().reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, 'status'))?.[1] ?? 0), 0) / 1024,
      ),
    stop: async () => {
      await stopChild(child);
      closeSync(log);
      console.log(`The api's log: ${logFile}`);
    },
  };
}

/** The built worker on the same database and Redis prefix as the api (health counts its heartbeat). */
export async function startBenchWorker(database: BenchDatabase, redisPrefix: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/worker/main.js'], {
    cwd: benchRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Emails go nowhere: the bench plans none, and the worker's clock is the real one.
    env: { ...database.env, LOG_LEVEL: 'info', REDIS_PREFIX: redisPrefix, SMTP_URL: 'smtp://127.0.0.1:1' },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker started')) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`The worker stopped:\n${output}`)));
  });
  return child;
}

/** Runs `body`, then stops what it started and drops the database, whatever happened. */
export async function runBench(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

/** The bench's figures for people, then the one JSON line scripts read (always the last line). */
export function reportBench(lines: string[], figures: Record<string, unknown>): void {
  for (const line of lines) {
    console.log(line);
  }
  console.log(JSON.stringify(figures));
}
