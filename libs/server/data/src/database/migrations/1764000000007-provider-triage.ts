import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

/** Tables whose rows feed a provider's triage; each change bumps `providers.triage_version`. */
const TRIAGE_INPUTS = ['assessments', 'publications', 'tasks'];

const EVENTS = ['insert', 'update', 'delete'] as const;

/**
 * `${name}_insert`, `_update` and `_delete`: AFTER triggers run once per statement, however many rows a
 * bulk load writes, with the statement's rows as the transition tables `new_rows` and `old_rows`.
 */
function statementTriggers(name: string, table: string, fn: string): string[] {
  const rows = {
    insert: 'NEW TABLE AS new_rows',
    update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    delete: 'OLD TABLE AS old_rows',
  };
  return EVENTS.map(
    (event) =>
      `CREATE TRIGGER ${name}_${event} AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${rows[event]} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  );
}

function dropStatementTriggers(name: string, table: string): string[] {
  return EVENTS.map((event) => `DROP TRIGGER ${name}_${event} ON ${table}`);
}

/**
 * The caseload, kept per provider and cycle in `provider_triage` so the database filters, sorts and pages
 * an LSP's caseload from one table with indexes, instead of the api ranking every provider per request.
 *
 * A row holds the provider's caseload columns and what the domain's `triagePriority` and `isAtRisk`
 * answered (the api computes them; the rules stay in libs/domain), with what it was computed from:
 * - `ranked_on`: the London day; days to deadline, days since contact and overdue tasks move daily;
 * - `provider_version`: `providers.triage_version`, which triggers bump on every change to the provider
 *   and on every change to its assessments, publications and tasks;
 * - `cycle_revision`: `assessment_cycles.revision`, bumped when the deadline or the question set changes.
 * A row that disagrees with any of them, or a provider with no row, is stale, and the api ranks it again
 * before it reads the caseload. The versions are read in the same statement as the inputs, so a write
 * that lands after that read leaves a newer version behind and the row is ranked again.
 *
 * Every committed change to an LSP's providers (and so to their assessments, publications and tasks,
 * which bump them) sends `NOTIFY provider_triage, '<tenant id>'`; a change to a cycle or its question set
 * or a user's name sends '*'. The api listens, so it looks for stale rows (and reads a page it has
 * answered before) only after a change, not on every request.
 */
export class ProviderTriage1764000000007 implements MigrationInterface {
  name = 'ProviderTriage1764000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Names sort as people read them: case and accents ignored, "Home 9" before "Home 10".
      `CREATE COLLATION IF NOT EXISTS natural_en (provider = icu, locale = 'en-GB-u-kn-true-ks-level1', deterministic = false)`,
      `ALTER TABLE providers ADD COLUMN triage_version integer NOT NULL DEFAULT 1`,
      `ALTER TABLE assessment_cycles ADD COLUMN revision integer NOT NULL DEFAULT 1`,
      `CREATE TABLE provider_triage (
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id) ON DELETE CASCADE,
         name text NOT NULL,
         ods_code text NOT NULL,
         kind text NOT NULL,
         service_type text NOT NULL,
         region text NOT NULL,
         assigned_adviser_id uuid,
         last_contact_at timestamptz,
         archived_at timestamptz,
         status text NOT NULL,
         mandatory_completed integer NOT NULL,
         mandatory_total integer NOT NULL,
         mandatory_left integer GENERATED ALWAYS AS (greatest(mandatory_total - mandatory_completed, 0)) STORED,
         overdue_tasks integer NOT NULL,
         priority_score integer NOT NULL,
         priority_reasons text[] NOT NULL,
         at_risk boolean NOT NULL,
         ranked_on date NOT NULL,
         provider_version integer NOT NULL,
         cycle_revision integer NOT NULL,
         PRIMARY KEY (provider_id, cycle_id)
       )`,
      // The freshness check reads only this index and the one below on providers (index-only scans).
      `CREATE INDEX ix_provider_triage_freshness ON provider_triage (tenant_id, cycle_id)
         INCLUDE (provider_id, provider_version, ranked_on, cycle_revision, archived_at)`,
      // The default order (most urgent first) and the A to Z order, read a page at a time.
      `CREATE INDEX ix_provider_triage_priority ON provider_triage
         (tenant_id, cycle_id, priority_score DESC, mandatory_left DESC, name COLLATE natural_en, ods_code, provider_id)`,
      `CREATE INDEX ix_provider_triage_name ON provider_triage (tenant_id, cycle_id, name COLLATE natural_en, ods_code, provider_id)`,
      `CREATE INDEX ix_providers_triage_version ON providers (tenant_id) INCLUDE (id, triage_version)`,
      ...enableTenantIsolation('provider_triage'),
      `GRANT SELECT, INSERT, UPDATE, DELETE ON provider_triage TO ${APP_ROLE}`,

      // Any change to a provider: its caseload columns are copied into the triage too.
      `CREATE FUNCTION providers_triage_inputs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.triage_version = OLD.triage_version THEN
           NEW.triage_version := OLD.triage_version + 1;
         END IF;
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER tr_providers_triage_inputs BEFORE UPDATE ON providers
         FOR EACH ROW EXECUTE FUNCTION providers_triage_inputs_changed()`,
      // A provider moved to another LSP (transfer_provider) is ranked afresh there; its old rows would
      // belong to the old LSP.
      `CREATE FUNCTION providers_triage_moved() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM provider_triage WHERE provider_id = NEW.id;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER tr_providers_triage_moved AFTER UPDATE OF tenant_id ON providers
         FOR EACH ROW WHEN (NEW.tenant_id <> OLD.tenant_id) EXECUTE FUNCTION providers_triage_moved()`,

      `CREATE FUNCTION notify_provider_triage() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           PERFORM pg_notify('provider_triage', changed.tenant_id::text) FROM (SELECT DISTINCT tenant_id FROM new_rows) changed;
         END IF;
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           PERFORM pg_notify('provider_triage', changed.tenant_id::text) FROM (SELECT DISTINCT tenant_id FROM old_rows) changed;
         END IF;
         RETURN NULL;
       END $$`,
      ...statementTriggers('tr_providers_triage_notify', 'providers', 'notify_provider_triage'),

      // Caseload pages carry advisers' names.
      `CREATE FUNCTION notify_every_caseload() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('provider_triage', '*');
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER tr_users_triage_notify AFTER UPDATE OF display_name ON users
         FOR EACH STATEMENT EXECUTE FUNCTION notify_every_caseload()`,

      // One UPDATE per statement; a row's provider does not change on update (transfers move every row).
      `CREATE FUNCTION bump_provider_triage_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           UPDATE providers p SET triage_version = p.triage_version + 1 WHERE p.id IN (SELECT provider_id FROM old_rows);
         ELSE
           UPDATE providers p SET triage_version = p.triage_version + 1 WHERE p.id IN (SELECT provider_id FROM new_rows);
         END IF;
         RETURN NULL;
       END $$`,
      ...TRIAGE_INPUTS.flatMap((table) =>
        statementTriggers(`tr_${table}_triage`, table, 'bump_provider_triage_version'),
      ),

      `CREATE FUNCTION assessment_cycles_deadline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.revision := OLD.revision + 1;
         PERFORM pg_notify('provider_triage', '*');
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER tr_assessment_cycles_revision BEFORE UPDATE OF deadline ON assessment_cycles
         FOR EACH ROW WHEN (NEW.deadline <> OLD.deadline) EXECUTE FUNCTION assessment_cycles_deadline_changed()`,
      // The question set decides the items a provider with no assessment has left. SECURITY DEFINER: the app
      // role imports question sets but has no business updating cycles otherwise.
      `CREATE FUNCTION bump_cycle_revision() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           UPDATE assessment_cycles c SET revision = c.revision + 1 WHERE c.id IN (SELECT cycle_id FROM old_rows);
         ELSE
           UPDATE assessment_cycles c SET revision = c.revision + 1 WHERE c.id IN (SELECT cycle_id FROM new_rows);
         END IF;
         PERFORM pg_notify('provider_triage', '*');
         RETURN NULL;
       END $$`,
      `REVOKE ALL ON FUNCTION bump_cycle_revision() FROM PUBLIC`,
      ...statementTriggers('tr_questions_revision', 'questions', 'bump_cycle_revision'),
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      ...dropStatementTriggers('tr_questions_revision', 'questions'),
      `DROP FUNCTION bump_cycle_revision()`,
      `DROP TRIGGER tr_assessment_cycles_revision ON assessment_cycles`,
      `DROP FUNCTION assessment_cycles_deadline_changed()`,
      ...TRIAGE_INPUTS.flatMap((table) => dropStatementTriggers(`tr_${table}_triage`, table)),
      `DROP FUNCTION bump_provider_triage_version()`,
      ...dropStatementTriggers('tr_providers_triage_notify', 'providers'),
      `DROP FUNCTION notify_provider_triage()`,
      `DROP TRIGGER tr_users_triage_notify ON users`,
      `DROP FUNCTION notify_every_caseload()`,
      `DROP TRIGGER tr_providers_triage_moved ON providers`,
      `DROP FUNCTION providers_triage_moved()`,
      `DROP TRIGGER tr_providers_triage_inputs ON providers`,
      `DROP FUNCTION providers_triage_inputs_changed()`,
      ...disableTenantIsolation('provider_triage'),
      `DROP TABLE provider_triage`,
      `DROP INDEX ix_providers_triage_version`,
      `ALTER TABLE assessment_cycles DROP COLUMN revision`,
      `ALTER TABLE providers DROP COLUMN triage_version`,
      `DROP COLLATION natural_en`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }
}
