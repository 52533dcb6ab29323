import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_ROLE } from './migrations/row-level-security';

/**
 * The api and worker log in with DATABASE_URL as a role of their own: a LOGIN role that is only a
 * NOINHERIT member of `dspt_app` (no SUPERUSER, BYPASSRLS, CREATEROLE or CREATEDB). Each connection then
 * switches to `dspt_app`; `RESET ROLE` leads back to a login that holds no rights of its own.
 * Migrations and the seed log in with DATABASE_OWNER_URL, the owner of the schema.
 */

/** A role name PostgreSQL takes without quoting, so the name in the URL is the name in the catalogue. */
const PLAIN_ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function loginOf(url: string): { user: string; password: string | null } {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
  };
}

/** The same server and database as `url`, logging in as `user` with `password`. */
export function withLogin(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** PostgreSQL's "tuple concurrently updated" and duplicate-name races when several runs share a cluster. */
function isConcurrentRoleChange(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : '';
  return code === '23505' || code === '42710' || code === '40001' || code === '40P01' || /concurrently/.test(message);
}

/**
 * Creates (or brings back into shape) the LOGIN role named in `appUrl`, with the password in `appUrl`,
 * as a NOINHERIT member of `dspt_app` and nothing else. Run with the owner URL after the migrations
 * (`cli.js migrate` does it), it is idempotent; roles are cluster-wide, so several databases on one server
 * share the login. It refuses, changing nothing, a login that is the owner's, a superuser, or one that
 * may act as the owner of the schema's tables: it never takes rights away from a role it did not make.
 */
export async function ensureAppLogin(ownerUrl: string, appUrl: string): Promise<string> {
  const app = loginOf(appUrl);
  const owner = loginOf(ownerUrl);
  if (!PLAIN_ROLE_NAME.test(app.user)) {
    throw new Error(
      `DATABASE_URL must name the app's login (lower-case letters, digits and "_", e.g. postgres://dspt_portal:...@host/dspt)`,
    );
  }
  if (app.user === owner.user) {
    throw new Error(
      `DATABASE_URL and DATABASE_OWNER_URL both log in as "${app.user}": give the api and worker a login of their own`,
    );
  }
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await shapeLogin(client, app.user, app.password);
        return app.user;
      } catch (error) {
        if (attempt >= 5 || !isConcurrentRoleChange(error)) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

async function shapeLogin(client: Client, user: string, password: string | null): Promise<void> {
  const [existing] = (
    await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owner: boolean }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owner
       FROM pg_roles r WHERE r.rolname = $1`,
      [user],
    )
  ).rows;
  if (existing && (existing.rolsuper || existing.rolbypassrls || existing.owner)) {
    const why = existing.rolsuper
      ? 'is a superuser'
      : existing.rolbypassrls
        ? 'has BYPASSRLS'
        : "owns the schema's tables";
    throw new Error(
      `The login "${user}" in DATABASE_URL ${why}: name a login of the app's own (it is created for you)`,
    );
  }
  const role = client.escapeIdentifier(user);
  const attributes = `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT${
    password === null ? '' : ` PASSWORD ${client.escapeLiteral(password)}`
  }`;
  if (existing) {
    await client.query(`ALTER ROLE ${role} WITH ${attributes}`);
  } else {
    await client.query(`CREATE ROLE ${role} WITH ${attributes}`);
  }
  const member = await client.query(`SELECT pg_has_role($1, $2, 'MEMBER') AS member`, [user, APP_ROLE]);
  if (!member.rows[0].member) {
    await client.query(`GRANT ${APP_ROLE} TO ${role}`);
  }
}

/**
 * Why the api or worker must not run on this connection, or null when it may: its login (`session_user`)
 * is a superuser, has BYPASSRLS, or can act as the owner of the schema's tables. Any of them would let one
 * `RESET ROLE` step past row-level security.
 */
export async function unsafeDatabaseLogin(dataSource: DataSource): Promise<string | null> {
  const [login]: Array<{ name: string; rolsuper: boolean; rolbypassrls: boolean; owner: boolean }> =
    await dataSource.query(
      `SELECT r.rolname AS name, r.rolsuper, r.rolbypassrls,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owner
     FROM pg_roles r WHERE r.rolname = session_user`,
    );
  if (!login) {
    return null;
  }
  const why = login.rolsuper
    ? 'is a superuser'
    : login.rolbypassrls
      ? 'has BYPASSRLS'
      : login.owner
        ? 'owns the tables'
        : null;
  return why
    ? `Refusing to start: the database login "${login.name}" in DATABASE_URL ${why}, so row-level security would not hold; ` +
        `log in as the app's own role (created by "cli.js migrate" from DATABASE_URL, see docs/security.md)`
    : null;
}
