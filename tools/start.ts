/**
 * `npm start`: builds the portal, finds or starts PostgreSQL, Redis and the MailDev mail catcher,
 * migrates, seeds demo data into an empty database, then runs the api (serving the web app) and a worker.
 * `npm start -- --services-only` stops after the services, for working with `nx serve web`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  ensureMailCatcher,
  ensurePostgres,
  ensureRedis,
  type LocalService,
  MissingServiceError,
  stopChild,
} from './lib/local-services.ts';

const root = process.cwd();
const servicesOnly = process.argv.includes('--services-only');
const services: LocalService[] = [];
const apps: ChildProcess[] = [];
let stopping = false;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`"${command} ${args.join(' ')}" failed`);
  }
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(apps.map((app) => stopChild(app)));
    for (const service of services.reverse()) {
      await service.stop().catch(() => undefined);
    }
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const [major] = process.versions.node.split('.').map(Number);
  if (major < 24) {
    throw new MissingServiceError(`Node.js 24 or newer is needed (this is ${process.version}): see .nvmrc`);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const dataRoot = process.env['DSPT_DATA_DIR'] ?? join(root, '.data');
  const postgres = await ensurePostgres(process.env, dataRoot);
  services.push(postgres);
  services.push(await ensureRedis(process.env));
  services.push(await ensureMailCatcher(process.env, root));
  const [, redis, mail] = services;
  const port = process.env['PORT'] ?? '3000';
  // Links in emails (invitations, unsubscribe) point at this portal, whatever port it runs on.
  // Two logins: migrate and seed run as the owner; migrate makes the app's login, which the api and worker use.
  const env = {
    ...process.env,
    DATABASE_URL: postgres.appUrl,
    DATABASE_OWNER_URL: postgres.url,
    REDIS_URL: redis.url,
    SMTP_URL: mail.url,
    PUBLIC_URL: process.env['PUBLIC_URL'] ?? `http://localhost:${port}`,
  };
  for (const service of services) {
    console.log(`[start] ${service.name}: ${service.note}`);
  }
  if (servicesOnly) {
    console.log(
      `[start] Services ready. DATABASE_URL=${postgres.appUrl} DATABASE_OWNER_URL=${postgres.url} REDIS_URL=${redis.url} SMTP_URL=${mail.url}`,
    );
    console.log('[start] Run "npm run migrate" with both database URLs set before the api first starts.');
    console.log('[start] Press Ctrl+C to stop them.');
    return;
  }

  run(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--projects=api,worker,web'], env);
  run(process.execPath, ['dist/apps/api/cli.js', 'migrate'], env);
  run(process.execPath, ['dist/apps/api/cli.js', 'seed', '--if-empty'], env);

  for (const app of ['api', 'worker']) {
    const child = spawn(process.execPath, [`dist/apps/${app}/main.js`], { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`[start] The ${app} stopped (exit code ${code}); stopping everything.`);
        void shutdown(code || 1);
      }
    });
    apps.push(child);
  }
  console.log(`[start] DSPT Support Portal: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
}

main().catch(async (error: Error) => {
  console.error(`[start] ${error.message}`);
  await shutdown(1);
});
