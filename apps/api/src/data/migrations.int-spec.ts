import { dataSourceOptions, dropDatabase, MIGRATIONS } from '@dspt/server/data';
import { createEmptyTestDatabase, withMigrationLock } from '@dspt/server/testing';
import { DataSource } from 'typeorm';

const TABLES = [
  'assessment_cycles',
  'assessments',
  'audit_events',
  'case_notes',
  'cqc_locations',
  'dspt_list_entries',
  'dspt_list_imports',
  'dspt_reconciliation_resolutions',
  'email_messages',
  'email_suppressions',
  'email_templates',
  'invitations',
  'memberships',
  'password_resets',
  'provider_contacts',
  'provider_transfer_requests',
  'provider_triage',
  'providers',
  'publications',
  'question_progress',
  'questions',
  'reminder_cadences',
  'stats_completion_cells',
  'stats_pending_cells',
  'stats_snapshot_runs',
  'stats_snapshots',
  'tasks',
  'tenant_email_settings',
  'tenant_email_templates',
  'tenant_local_authorities',
  'tenants',
  'users',
];

async function tablesIn(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    url = await createEmptyTestDatabase('migrations');
    dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  // All under the lock: going down and up again changes role grants, which the whole server shares.
  it('run up on a fresh database, down to nothing, and up again', () =>
    withMigrationLock(async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(await tablesIn(dataSource)).toEqual(TABLES);

      for (let step = 0; step < MIGRATIONS.length; step++) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await tablesIn(dataSource)).toEqual([]);

      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tablesIn(dataSource)).toEqual(TABLES);
      expect(await dataSource.showMigrations()).toBe(false);
    }));

  it('enforce the reference rules in the schema', async () => {
    await expect(
      dataSource.query(`INSERT INTO tenants (slug, name, region) VALUES ('x', 'X', 'Wales')`),
    ).rejects.toThrow(/ck_tenants_region/);
    await expect(
      dataSource.query(`INSERT INTO users (email, display_name) VALUES ('Upper@Case.test', 'U')`),
    ).rejects.toThrow(/ck_users_email_lower/);
  });
});
