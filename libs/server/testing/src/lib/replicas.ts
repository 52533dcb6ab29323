import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  builtEntryPoint,
  type RunningProcess,
  startNodeProcess,
  startProcess,
  startWorkerProcess,
  workspaceFile,
} from './child-process';

/** How long a process may take to start: several start at once on a machine that may be busy. */
const STARTUP_MS = 120_000;

/** A port nothing listens on now (the system's choice), for a process the test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built api (`dist/apps/api/main.js`) as a process of its own, listening on 127.0.0.1 at `url`. */
export interface ApiProcess extends RunningProcess {
  url: string;
}

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const api = startNodeProcess(builtEntryPoint('api'), {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  });
  await api.waitForOutput(/API listening on/, STARTUP_MS);
  return Object.assign(api, { url: `http://127.0.0.1:${port}` });
}

const NGINX_INSTALL_HINT =
  "nginx is not installed: the replica tests and `npm run bench:scale` put Debian's nginx in front of the api " +
  'replicas (`apt-get install -y nginx`, as .ci/run does)';

/** Debian's nginx binary, or a clear error naming the package to install. */
export function nginxBinary(): string {
  const found = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin']
    .map((folder) => join(folder, 'nginx'))
    .find((path) => existsSync(path));
  if (!found) {
    throw new Error(NGINX_INSTALL_HINT);
  }
  return found;
}

/**
 * deploy/nginx/portal.conf.template (the file Compose's nginx uses) with its names filled in, inside a main
 * configuration of its own for an nginx run in the foreground from `prefix` (pid, temporary files there).
 */
export async function nginxConfig(prefix: string, upstreams: readonly string[], port: number): Promise<string> {
  const template = await readFile(workspaceFile('deploy', 'nginx', 'portal.conf.template'), 'utf8');
  const values: Record<string, string> = {
    API_SERVERS: upstreams.map((upstream) => `server ${upstream.replace(/^https?:\/\//, '')};`).join(' '),
    NGINX_PORT: `127.0.0.1:${port}`,
  };
  const site = template.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  await writeFile(join(prefix, 'portal.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  return [
    'worker_processes 1;',
    `pid ${join(prefix, 'nginx.pid')};`,
    'error_log stderr notice;',
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => temp(name)).join('\n  ')}`,
    `  include ${join(prefix, 'portal.conf')};`,
    '}',
    '',
  ].join('\n');
}

export interface RunningNginx extends RunningProcess {
  /** Where nginx listens: http://127.0.0.1:port. */
  url: string;
}

/** Debian's nginx in front of `upstreams` (http://127.0.0.1:port each), on a free port, with a config of its own. */
export async function startNginx(upstreams: readonly string[]): Promise<RunningNginx> {
  const binary = nginxBinary();
  const prefix = await mkdtemp(join(tmpdir(), 'dspt-nginx-'));
  // Run as root, nginx's workers switch to an unprivileged user, which must reach its temporary folders.
  await chmod(prefix, 0o755);
  await mkdir(join(prefix, 'logs'));
  const port = await freePort();
  const configPath = join(prefix, 'nginx.conf');
  await writeFile(configPath, await nginxConfig(prefix, upstreams, port));
  const nginx = startProcess(binary, ['-e', 'stderr', '-p', prefix, '-c', configPath, '-g', 'daemon off;'], {});
  await nginx.waitForOutput(/start worker process/, 10_000);
  const stop = nginx.stop;
  return Object.assign(nginx, {
    url: `http://127.0.0.1:${port}`,
    // SIGQUIT: a graceful stop; the folder goes with it.
    stop: async (signal: NodeJS.Signals = 'SIGQUIT') => {
      await stop(signal);
      await rm(prefix, { recursive: true, force: true });
    },
  });
}

/** Two (or more) built api replicas and workers on one database and Redis, behind nginx. */
export interface Replicas {
  nginx: RunningNginx;
  apis: ApiProcess[];
  workers: RunningProcess[];
  stop(): Promise<void>;
}

/**
 * The deployment of docs/operations.md "Running several replicas", on this machine: `apis` built api
 * processes and `workers` built workers with one environment (one database, one Redis prefix), and nginx
 * spreading requests over the apis.
 */
export async function startReplicas(
  env: Record<string, string>,
  { apis = 2, workers = 2 }: { apis?: number; workers?: number } = {},
): Promise<Replicas> {
  nginxBinary();
  // Started side by side: each spends its first seconds loading its bundle and connecting.
  const apiStarts = Array.from({ length: apis }, () => startApiProcess(env));
  const workerStarts = Array.from({ length: workers }, () => startWorkerProcess(env, STARTUP_MS));
  const settled = await Promise.allSettled([...apiStarts, ...workerStarts]);
  const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await stopAll(started);
    throw failed.reason;
  }
  const apiProcesses = started.slice(0, apis) as ApiProcess[];
  try {
    const nginx = await startNginx(apiProcesses.map((api) => api.url));
    return {
      nginx,
      apis: apiProcesses,
      workers: started.slice(apis),
      stop: () => stopAll([...started, nginx]),
    };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

async function stopAll(processes: readonly RunningProcess[]): Promise<void> {
  await Promise.all([...processes].reverse().map((running) => running.stop()));
}
