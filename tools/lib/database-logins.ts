import pg from 'pg';

/**
 * The two PostgreSQL logins of a local run: the schema owner (DATABASE_OWNER_URL: migrations and the seed)
 * and the app's own login (DATABASE_URL: the api and worker), which `cli.js migrate` creates from its URL.
 */
export interface DatabaseLogins {
  ownerUrl: string;
  appUrl: string;
}

/** The app's login for local runs, benches and e2e: local only, never a production credential. */
export const LOCAL_APP_LOGIN = { user: 'dspt_portal', password: 'dspt-portal-local-password' } as const;

/** The same server and database as `url`, logging in as the local app login. */
export function localAppUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = LOCAL_APP_LOGIN.user;
  parsed.password = LOCAL_APP_LOGIN.password;
  return parsed.toString();
}

/** Whether `url`'s login may create other logins (a superuser or CREATEROLE): then it is an owner's. */
async function canCreateLogins(url: string): Promise<boolean> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT rolsuper OR rolcreaterole AS owner FROM pg_roles WHERE rolname = session_user`,
    );
    return Boolean(rows[0]?.owner);
  } finally {
    await client.end();
  }
}

/**
 * The logins from the environment: DATABASE_OWNER_URL (or its old name DATABASE_MIGRATION_URL) with
 * DATABASE_URL, or the local app login on the owner's database when DATABASE_URL is not set. A lone
 * DATABASE_URL that logs in as a superuser (as `DATABASE_URL=postgres://postgres:...` did before the app had
 * a login of its own) is taken as the owner's; a lone restricted one needs DATABASE_OWNER_URL beside it.
 */
export async function databaseLogins(
  env: NodeJS.ProcessEnv,
  defaultOwnerUrl: string,
): Promise<DatabaseLogins & { note: string }> {
  const owner = env['DATABASE_OWNER_URL'] ?? env['DATABASE_MIGRATION_URL'];
  const app = env['DATABASE_URL'];
  if (owner) {
    return { ownerUrl: owner, appUrl: app ?? localAppUrl(owner), note: 'from DATABASE_OWNER_URL' };
  }
  if (!app) {
    return { ownerUrl: defaultOwnerUrl, appUrl: localAppUrl(defaultOwnerUrl), note: '' };
  }
  if (await canCreateLogins(app)) {
    return {
      ownerUrl: app,
      appUrl: localAppUrl(app),
      note: `from DATABASE_URL (as the owner; the app logs in as ${LOCAL_APP_LOGIN.user})`,
    };
  }
  throw new Error(
    'DATABASE_URL logs in as a restricted role: set DATABASE_OWNER_URL too, for the migrations and the seed (docs/configuration.md)',
  );
}
