import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { databaseLogins, localAppUrl } from './database-logins.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { isPortOpen, waitForPort } from './ports.ts';

/**
 * The services `npm start` needs, found or started locally: PostgreSQL (the machine's, else an embedded
 * one), Redis (the machine's, else `redis-server` from PATH) and MailDev as the mail catcher.
 * Explicit DATABASE_URL (with DATABASE_OWNER_URL) / REDIS_URL / SMTP_URL are used as given and nothing is
 * started for them. The api and worker log in as the app's own role (DATABASE_URL), never as the owner.
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

/** PostgreSQL: `url` is the owner's connection (migrations, seed), `appUrl` the api's and worker's login. */
export interface PostgresService extends LocalService {
  appUrl: string;
}

export async function ensurePostgres(env: NodeJS.ProcessEnv, dataRoot: string): Promise<PostgresService> {
  const port = Number(env['LOCAL_POSTGRES_PORT'] ?? 5432);
  const url = `postgres://postgres:postgres@${LOCALHOST}:${port}/dspt`;
  if (env['DATABASE_URL'] || env['DATABASE_OWNER_URL'] || env['DATABASE_MIGRATION_URL']) {
    const logins = await databaseLogins(env, url);
    return { name: 'PostgreSQL', url: logins.ownerUrl, appUrl: logins.appUrl, note: logins.note, stop: noop };
  }
  const appUrl = localAppUrl(url);
  if (await isPortOpen(LOCALHOST, port)) {
    return { name: 'PostgreSQL', url, appUrl, note: `running on port ${port}`, stop: noop };
  }
  log(`No PostgreSQL on port ${port}: starting an embedded one (data in ${join(dataRoot, 'postgres')})`);
  const server = await startEmbeddedPostgres({ dataDir: join(dataRoot, 'postgres'), port, password: 'postgres', log });
  await waitForPort(LOCALHOST, port, 30_000);
  return { name: 'PostgreSQL', url, appUrl, note: `embedded, port ${port}`, stop: () => server.stop() };
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
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', LOCALHOST, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
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
  const child = spawn(
    maildev,
    ['--smtp', String(smtpPort), '--web', String(webPort), '--ip', LOCALHOST, '--web-ip', LOCALHOST],
    {
      stdio: 'ignore',
    },
  );
  await waitForPort(LOCALHOST, smtpPort, 15_000);
  return {
    name: 'Mail',
    url,
    note: `MailDev: read emails at http://localhost:${webPort}`,
    stop: () => stopChild(child),
  };
}

export class MissingServiceError extends Error {}

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
