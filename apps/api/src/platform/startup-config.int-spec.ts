import { parseAppConfig } from '@dspt/server/platform';
import { APP_ROLE, withLogin } from '@dspt/server/data';
import {
  builtEntryPoint,
  integrationEnv,
  migrateTestDatabase,
  startNodeProcess,
  workspaceFile,
} from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

describe.each(['api', 'worker'] as const)('%s start-up with bad configuration', (app) => {
  it('stops with exit code 1 and one line naming DATABASE_URL, no stack trace, no secret', async () => {
    const running = startNodeProcess(
      builtEntryPoint(app),
      integrationEnv({ DATABASE_URL: 'mysql://admin:hunter2-secret@db.example/dspt' }),
    );
    expect(await running.waitForExit()).toBe(1);
    const lines = running.output().trim().split('\n');
    expect(lines).toEqual(['Invalid configuration: DATABASE_URL must be a URL starting postgres:// or postgresql://']);
    expect(running.output()).not.toContain('hunter2-secret');
  });

  it('names a malformed PORT', async () => {
    const running = startNodeProcess(builtEntryPoint(app), integrationEnv({ PORT: 'eighty' }));
    expect(await running.waitForExit()).toBe(1);
    expect(running.output().trim()).toMatch(/^Invalid configuration: PORT is invalid \(PORT must be a number\)$/);
  });
});

/**
 * Every EMAIL_HASH_KEY anyone can read: the development default and each value written in the files people
 * copy from (Compose, the README, the docs, the start script). Read from the files, so a value added to one
 * later is refused too.
 */
function publishedEmailHashKeys(): string[] {
  const files = [
    'docker-compose.yml',
    'README.md',
    'tools/start.ts',
    ...readdirSync(workspaceFile('docs')).map((name) => `docs/${name}`),
  ];
  const written = files.flatMap((file) =>
    [...readFileSync(workspaceFile(file), 'utf8').matchAll(/EMAIL_HASH_KEY["']?\s*[:=]\s*["']?([^\s"'`,]{32,})/g)].map(
      (match) => match[1],
    ),
  );
  return [...new Set([parseAppConfig({ NODE_ENV: 'development' }).EMAIL_HASH_KEY, ...written])];
}

describe.each(['api', 'worker'] as const)('%s start-up in production with a published EMAIL_HASH_KEY', (app) => {
  const keys = publishedEmailHashKeys();

  it('finds the development default and the Compose demo value', () => {
    expect(keys.length).toBeGreaterThanOrEqual(2);
  });

  it.each(keys)('stops with exit code 1 and one line naming EMAIL_HASH_KEY (%s)', async (key) => {
    const running = startNodeProcess(
      builtEntryPoint(app),
      integrationEnv({
        NODE_ENV: 'production',
        SESSION_SECRET: randomBytes(32).toString('base64'),
        EMAIL_HASH_KEY: key,
      }),
    );
    try {
      expect(await running.waitForExit()).toBe(1);
    } finally {
      // Without the check the app would run on: stop it, so the failure is the test's and not a hang.
      await running.stop();
    }
    expect(running.output().trim().split('\n')).toEqual([
      'Invalid configuration: EMAIL_HASH_KEY is a published example value: production needs a random value of its own (e.g. openssl rand -base64 48)',
    ]);
  });
});

/** A login that is a member of dspt_app (so `-c role=dspt_app` works) but has BYPASSRLS. */
const BYPASS_LOGIN = 'dspt_test_bypassrls';
/** A login that is no member of dspt_app (as before `cli.js migrate` has made the app's login). */
const OUTSIDER_LOGIN = 'dspt_test_not_app';

describe.each(['api', 'worker'] as const)(
  '%s start-up on a database login that row-level security does not hold',
  (app) => {
    const env = integrationEnv();

    beforeAll(async () => {
      await migrateTestDatabase(env['DATABASE_OWNER_URL'], env['DATABASE_URL']);
      const owner = new Client({ connectionString: env['DATABASE_OWNER_URL'] });
      await owner.connect();
      try {
        // Roles are cluster-wide: another run may be making the same one.
        await owner.query(`DO $$ BEGIN
          CREATE ROLE ${BYPASS_LOGIN} LOGIN NOSUPERUSER BYPASSRLS NOINHERIT IN ROLE ${APP_ROLE};
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$`);
        await owner.query(`DO $$ BEGIN
          CREATE ROLE ${OUTSIDER_LOGIN} LOGIN NOSUPERUSER NOINHERIT;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$`);
      } finally {
        await owner.end();
      }
    });

    it.each([
      ['a superuser (the owner)', () => env['DATABASE_OWNER_URL'], / in DATABASE_URL is a superuser/],
      [
        'a login with BYPASSRLS',
        () => withLogin(env['DATABASE_OWNER_URL'], BYPASS_LOGIN, 'unused'),
        /"dspt_test_bypassrls" in DATABASE_URL has BYPASSRLS/,
      ],
      [
        'a login that is no member of dspt_app',
        () => withLogin(env['DATABASE_OWNER_URL'], OUTSIDER_LOGIN, 'unused'),
        /login in DATABASE_URL is not a member of dspt_app/,
      ],
    ])('stops with exit code 1 and one line when DATABASE_URL logs in as %s', async (_label, url, why) => {
      const running = startNodeProcess(
        builtEntryPoint(app),
        integrationEnv({ DATABASE_URL: url(), DATABASE_OWNER_URL: env['DATABASE_OWNER_URL'] }),
      );
      expect(await running.waitForExit()).toBe(1);
      const lines = running.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Refusing to start: the database login /);
      expect(lines[0]).toMatch(why);
    });
  },
);
