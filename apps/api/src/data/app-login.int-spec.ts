import { APP_ROLE, dropDatabase, ensureAppLogin, withLogin } from '@dspt/server/data';
import { builtEntryPoint, createEmptyTestDatabase, integrationEnv, startNodeProcess } from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A login name of this test run alone: roles are cluster-wide. */
const LOGIN = `dspt_test_login_${randomBytes(3).toString('hex')}`;
const BYPASS = `${LOGIN}_bypass`;

async function ownerQuery<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('cli.js migrate makes the app its own database login', () => {
  let ownerUrl: string;

  beforeAll(async () => {
    ownerUrl = await createEmptyTestDatabase('login');
  });

  afterAll(async () => {
    await dropDatabase(ownerUrl);
    const server = ownerUrl.replace(/\/[^/]*$/, '/postgres');
    await ownerQuery(server, `DROP ROLE IF EXISTS ${LOGIN}`);
    await ownerQuery(server, `DROP ROLE IF EXISTS ${BYPASS}`);
  });

  it('creates the login named in DATABASE_URL, a member of dspt_app only, and the login can connect as it', async () => {
    const appUrl = withLogin(ownerUrl, LOGIN, 'first password');
    const migrate = startNodeProcess(
      builtEntryPoint('api', 'cli.js'),
      integrationEnv({ DATABASE_OWNER_URL: ownerUrl, DATABASE_URL: appUrl }),
      ['migrate'],
    );
    expect(await migrate.waitForExit(120_000)).toBe(0);
    expect(migrate.output()).toContain(`The app's database login "${LOGIN}" is a member of dspt_app only.`);

    const [role] = await ownerQuery<Record<string, unknown>>(
      ownerUrl,
      `SELECT r.rolcanlogin, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolinherit, r.rolreplication,
              (SELECT array_agg(g.rolname::text) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) AS member_of
       FROM pg_roles r WHERE r.rolname = $1`,
      [LOGIN],
    );
    expect(role).toEqual({
      rolcanlogin: true,
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolinherit: false,
      rolreplication: false,
      member_of: [APP_ROLE],
    });
    const [session] = await ownerQuery<{ login: string }>(appUrl, `SELECT session_user AS login`);
    expect(session.login).toBe(LOGIN);
  });

  it('is idempotent, also when several runs make the same login at once', async () => {
    const appUrl = withLogin(ownerUrl, LOGIN, 'second password');
    await expect(Promise.all([1, 2, 3].map(() => ensureAppLogin(ownerUrl, appUrl)))).resolves.toEqual([
      LOGIN,
      LOGIN,
      LOGIN,
    ]);
    const [membership] = await ownerQuery<{ n: number }>(
      ownerUrl,
      `SELECT count(*)::int AS n FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1`,
      [LOGIN],
    );
    expect(membership.n).toBe(1);
  });

  it("refuses, changing nothing, the owner's own login or a login with BYPASSRLS as DATABASE_URL", async () => {
    await expect(ensureAppLogin(ownerUrl, ownerUrl)).rejects.toThrow(/both log in as/);
    await ownerQuery(ownerUrl, `CREATE ROLE ${BYPASS} LOGIN BYPASSRLS`);
    await expect(ensureAppLogin(ownerUrl, withLogin(ownerUrl, BYPASS, 'x'))).rejects.toThrow(/has BYPASSRLS/);
    const [still] = await ownerQuery<{ rolbypassrls: boolean; member: boolean }>(
      ownerUrl,
      `SELECT rolbypassrls, pg_has_role(rolname, $2, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`,
      [BYPASS, APP_ROLE],
    );
    expect(still).toEqual({ rolbypassrls: true, member: false });
  });
});
