import { ScopedDatabase } from '@dspt/server/tenancy';
import type { Fixtures, FixtureTenant } from '@dspt/server/testing';
import { useTestApi } from './testing/use-test-api';

/** Every table with a tenant_id column: each must have row-level security and a policy. */
async function tenantOwnedTables(fixtures: Fixtures): Promise<Array<{ table: string; rls: boolean; policies: number }>> {
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
      await fixtures.owner.query(`INSERT INTO audit_events (tenant_id, action) VALUES ($1, 'tenant.created')`, [tenant.id]);
      await fixtures.caseloadRows(tenant);
    }
  });

  it('runs as a role that is not a superuser and cannot bypass RLS', async () => {
    const [role] = await database.outsideTenants((manager) =>
      manager.query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`),
    );
    expect(role).toEqual({ name: 'dspt_app', rolsuper: false, rolbypassrls: false });
  });

  it('protects every tenant-owned table with a policy', async () => {
    const tables = await tenantOwnedTables(fixtures);
    expect(tables.map((table) => table.table)).toEqual(expect.arrayContaining(['audit_events', 'invitations', 'memberships']));
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, hasPolicy: table.policies > 0 }).toEqual({ table: table.table, rls: true, hasPolicy: true });
    }
  });

  it('shows only tenant A rows to a query with no tenant filter when A is set, and none when no tenant is set', async () => {
    for (const { table } of await tenantOwnedTables(fixtures)) {
      const inA: Array<{ tenant_id: string }> = await database.inTenant(a.id, (manager) => manager.query(`SELECT tenant_id FROM ${table}`));
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
    const [setting] = await database.outsideTenants((manager) => manager.query(`SELECT current_setting('app.tenant_id', true) AS value`));
    expect(setting.value ?? '').toBe('');
  });

  it('keeps the audit trail append-only for the app role', async () => {
    await expect(database.inTenant(a.id, (manager) => manager.query(`UPDATE audit_events SET action = 'x'`))).rejects.toThrow(
      /permission denied/,
    );
    await expect(database.inTenant(a.id, (manager) => manager.query(`DELETE FROM audit_events`))).rejects.toThrow(/permission denied/);
    const [count] = await fixtures.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [a.id]);
    expect(count.n).toBeGreaterThan(0);
  });
});
