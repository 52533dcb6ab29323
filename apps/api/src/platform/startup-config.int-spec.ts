import { APP_ROLE, withLogin } from '@dspt/server/data';
import { builtEntryPoint, integrationEnv, migrateTestDatabase, startNodeProcess } from '@dspt/server/testing';
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
