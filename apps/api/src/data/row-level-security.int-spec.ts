import { APP_ROLE, AUTH_ROLE, SECRET_COLUMNS, TRANSFER_ROLE, ScopedDatabase } from '@dspt/server/data';
import { type Fixtures, type FixtureTenant, TEST_APP_LOGIN } from '@dspt/server/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { useTestApi } from '../testing/use-test-api';

/** Every table with a tenant_id column: each must have row-level security and a policy. */
async function tenantOwnedTables(
  fixtures: Fixtures,
): Promise<Array<{ table: string; rls: boolean; policies: number }>> {
  return fixtures.owner.query(
    `SELECT c.relname AS table, c.relrowsecurity AS rls,
            (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
     FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
}

describe('row-level security through the app connection', () => {
  const api = useTestApi();
  let fixtures: Fixtures;
  let database: ScopedDatabase;
  let a: FixtureTenant;
  let b: FixtureTenant;

  beforeAll(async () => {
    fixtures = api.fixtures;
    database = api.app.get(ScopedDatabase);
    [a, b] = [await fixtures.tenant('a'), await fixtures.tenant('b')];
    for (const tenant of [a, b]) {
      await fixtures.member(tenant, 'admin');
      await fixtures.member(tenant, 'viewer');
      await fixtures.invitation(tenant, `invitee-${tenant.slug}@test.example`);
      await fixtures.owner.query(`INSERT INTO audit_events (tenant_id, action) VALUES ($1, 'tenant.created')`, [
        tenant.id,
      ]);
      await fixtures.caseloadRows(tenant);
    }
  });

  it('logs in as its own login, a member of dspt_app only, and runs as dspt_app', async () => {
    const [login] = await database.outsideTenants((manager) =>
      manager.query(
        `SELECT session_user AS login, current_user AS role, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                (SELECT array_agg(g.rolname::text) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) AS member_of,
                (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS role_unrestricted
         FROM pg_roles r WHERE r.rolname = session_user`,
      ),
    );
    expect(login).toEqual({
      login: TEST_APP_LOGIN.user,
      role: APP_ROLE,
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      member_of: [APP_ROLE],
      role_unrestricted: false,
    });
  });

  it('reads in one round trip within the scope only, values escaped, settings gone afterwards', async () => {
    const count = `SELECT count(*)::int AS n, current_setting('app.tenant_id') AS tenant FROM audit_events WHERE $1 = $1`;
    // A value with quotes and a backslash stays one literal.
    const hostile = `x' OR true; SELECT '\\`;
    const [inA] = await database.readOnce<{ n: number; tenant: string }>({ tenantId: a.id }, count, [hostile]);
    expect(inA).toEqual({ n: 1, tenant: a.id });
    const [outside] = await database.readOnce<{ n: number }>({ tenantId: null }, count, ['x']);
    expect(outside.n).toBe(0);
    // Every pooled connection is back to no tenant once the statement's transaction ended (no settings sent now).
    const pool = api.app.get(DataSource);
    const after = await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.query(`SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant`),
      ),
    );
    expect(after.flat().map((row: { tenant: string }) => row.tenant)).toEqual(Array(6).fill(''));
  });

  it('cannot step past row-level security with RESET ROLE, SET ROLE or SET SESSION AUTHORIZATION', async () => {
    // A connection of its own, opened as the app opens its pool (DATABASE_URL, then the role dspt_app).
    const client = new Client({ connectionString: api.env['DATABASE_URL'], options: `-c role=${APP_ROLE}` });
    await client.connect();
    try {
      // RESET ROLE goes back to the role the connection opened with, dspt_app; SET ROLE NONE to the login.
      await client.query('RESET ROLE');
      const [reset] = (await client.query(`SELECT session_user AS login, current_user AS role`)).rows;
      expect(reset).toEqual({ login: TEST_APP_LOGIN.user, role: APP_ROLE });
      await client.query('SET ROLE NONE');
      const [none] = (await client.query(`SELECT session_user AS login, current_user AS role`)).rows;
      expect(none).toEqual({ login: TEST_APP_LOGIN.user, role: TEST_APP_LOGIN.user });
      // The login holds no rights of its own (NOINHERIT): outside dspt_app it reads nothing at all.
      await expect(client.query(`SELECT count(*) FROM providers`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT email FROM users`)).rejects.toThrow(/permission denied/);
      const [owner] = (await fixtures.owner.query(
        `SELECT tableowner AS name FROM pg_tables WHERE tablename = 'providers'`,
      )) as Array<{ name: string }>;
      for (const role of new Set([owner.name, 'postgres', AUTH_ROLE, TRANSFER_ROLE])) {
        await expect(client.query(`SET ROLE ${role}`)).rejects.toThrow(/permission denied to set role/);
      }
      await expect(client.query(`SET SESSION AUTHORIZATION ${owner.name}`)).rejects.toThrow(/permission denied/);
      await client.query(`SET ROLE ${APP_ROLE}`);
      const [scoped] = (await client.query(`SELECT count(*)::int AS n FROM providers`)).rows;
      expect(scoped.n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('keeps password hashes, MFA secrets, recovery codes and reset tokens from the app role', async () => {
    const [user] = await fixtures.owner.query(`SELECT id FROM users WHERE password_hash IS NOT NULL LIMIT 1`);
    await fixtures.owner.query(
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, md5(random()::text), now() + interval '1 hour')`,
      [user.id],
    );
    for (const [table, columns] of Object.entries(SECRET_COLUMNS)) {
      for (const query of [...columns.map((column) => `SELECT ${column} FROM ${table}`), `SELECT * FROM ${table}`]) {
        await expect(database.inTenant(a.id, (manager) => manager.query(query))).rejects.toThrow(/permission denied/);
        await expect(database.outsideTenants((manager) => manager.query(query))).rejects.toThrow(/permission denied/);
      }
    }
    // A query inside an LSP does not reach them through the sign-in functions either.
    for (const query of [
      `SELECT auth_password_hash(id) FROM users`,
      `SELECT auth_mfa_secret(id) FROM users`,
      `SELECT auth_spend_recovery_code(id, 'x') FROM users`,
      `SELECT * FROM auth_password_reset('x')`,
      // Nor do the programme-wide figures: the daily snapshot is taken outside any LSP.
      `SELECT stats_take_snapshot(gen_random_uuid(), current_date)`,
    ]) {
      await expect(database.inTenant(a.id, (manager) => manager.query(query))).rejects.toThrow(
        /not for use inside an LSP|only for its invitees/,
      );
    }
    // Everything else about a person stays readable: names and addresses show on many pages.
    const rows = await database.outsideTenants((manager) =>
      manager.query(`SELECT id, email, display_name, mfa_enrolled_at FROM users`),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('cannot take over an account from inside an LSP: no password, email, programme-wide role or second factor', async () => {
    const outsider = await fixtures.member(b, 'adviser', { mfa: true });
    const account = `SELECT email, global_role, password_hash, mfa_secret_encrypted FROM users WHERE id = $1`;
    const [before] = await fixtures.owner.query(account, [outsider.id]);
    for (const query of [
      `UPDATE users SET password_hash = 'chosen' WHERE id = $1`,
      `UPDATE users SET email = 'taken-over@test.example' WHERE id = $1`,
      `UPDATE users SET global_role = 'system_admin' WHERE id = $1`,
      `UPDATE users SET mfa_secret_encrypted = 'chosen', mfa_enrolled_at = now() WHERE id = $1`,
      // Clearing the second factor is an LSP admin's MFA reset: only for a member of that LSP.
      `UPDATE users SET mfa_secret_encrypted = NULL, mfa_enrolled_at = NULL, mfa_recovery_code_hashes = '{}' WHERE id = $1`,
    ]) {
      await expect(database.inTenant(a.id, (manager) => manager.query(query, [outsider.id]))).rejects.toThrow(
        /inside an LSP/,
      );
    }
    await expect(
      database.inTenant(a.id, (manager) =>
        manager.query(
          `INSERT INTO users (email, display_name, global_role) VALUES ('lead-${a.slug}@test.example', 'X', 'system_admin')`,
        ),
      ),
    ).rejects.toThrow(/inside an LSP/);
    expect(await fixtures.owner.query(account, [outsider.id])).toEqual([before]);
    expect(before).toMatchObject({
      email: outsider.email,
      global_role: null,
      mfa_secret_encrypted: expect.any(String),
    });
    // A's own member's MFA may be cleared inside A (the Users page's reset).
    const member = await fixtures.member(a, 'viewer', { mfa: true });
    await database.inTenant(a.id, (manager) =>
      manager.query(
        `UPDATE users SET mfa_secret_encrypted = NULL, mfa_enrolled_at = NULL, mfa_recovery_code_hashes = '{}' WHERE id = $1`,
        [member.id],
      ),
    );
  });

  it('protects every tenant-owned table with a policy', async () => {
    const tables = await tenantOwnedTables(fixtures);
    expect(tables.map((table) => table.table)).toEqual(
      expect.arrayContaining(['audit_events', 'invitations', 'memberships']),
    );
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, hasPolicy: table.policies > 0 }).toEqual({
        table: table.table,
        rls: true,
        hasPolicy: true,
      });
    }
  });

  it('shows only tenant A rows to a query with no tenant filter when A is set, and none when no tenant is set', async () => {
    for (const { table } of await tenantOwnedTables(fixtures)) {
      const inA: Array<{ tenant_id: string }> = await database.inTenant(a.id, (manager) =>
        manager.query(`SELECT tenant_id FROM ${table}`),
      );
      expect({ table, hasRows: inA.length > 0 }).toEqual({ table, hasRows: true });
      expect(new Set(inA.map((row) => row.tenant_id))).toEqual(new Set([a.id]));

      const none: Array<{ tenant_id: string | null }> = await database.outsideTenants((manager) =>
        manager.query(`SELECT tenant_id FROM ${table} WHERE tenant_id IS NOT NULL`),
      );
      expect({ table, rows: none.length }).toEqual({ table, rows: 0 });
    }
  });

  it('refuses to write a row into another tenant', async () => {
    const [user] = await fixtures.owner.query(`SELECT id FROM users LIMIT 1`);
    await expect(
      database.inTenant(a.id, (manager) =>
        manager.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'viewer')`, [b.id, user.id]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await database.inTenant(a.id, (manager) =>
      manager.query(`UPDATE memberships SET role = 'admin' WHERE tenant_id = $1`, [b.id]),
    );
    expect(updated[1]).toBe(0);
  });

  it('does not carry a tenant from one transaction to the next on a pooled connection', async () => {
    await database.inTenant(a.id, async () => undefined);
    const [setting] = await database.outsideTenants((manager) =>
      manager.query(`SELECT current_setting('app.tenant_id', true) AS value`),
    );
    expect(setting.value ?? '').toBe('');
  });

  it('keeps the audit trail append-only for the app role', async () => {
    await expect(
      database.inTenant(a.id, (manager) => manager.query(`UPDATE audit_events SET action = 'x'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(database.inTenant(a.id, (manager) => manager.query(`DELETE FROM audit_events`))).rejects.toThrow(
      /permission denied/,
    );
    const [count] = await fixtures.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [
      a.id,
    ]);
    expect(count.n).toBeGreaterThan(0);
  });
});
