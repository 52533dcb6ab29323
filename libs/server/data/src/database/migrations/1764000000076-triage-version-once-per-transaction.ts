import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `bump_provider_triage_version` as migration 1764000000007 made it, bumping on every statement. */
const EVERY_STATEMENT = `
  CREATE OR REPLACE FUNCTION bump_provider_triage_version() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      UPDATE providers p SET triage_version = p.triage_version + 1 WHERE p.id IN (SELECT provider_id FROM old_rows);
    ELSE
      UPDATE providers p SET triage_version = p.triage_version + 1 WHERE p.id IN (SELECT provider_id FROM new_rows);
    END IF;
    RETURN NULL;
  END $$`;

/**
 * A provider's `triage_version` bumped once per transaction, not once per statement on its assessments,
 * publications and tasks.
 *
 * The bump only has to make the version the transaction commits differ from every version a ranking could
 * have read before that commit. A provider row this transaction has already written (inserted, or updated:
 * `tr_providers_triage_inputs` bumps on every update) already does, so the trigger leaves it alone: its
 * `xmin` is the transaction's own id. A provider import inserted its providers and then their assessments
 * cycle by cycle, and each cycle's batch rewrote every new provider row again (with all its indexes and
 * triggers): about 1.4 s per 5,000 providers and open cycle, 40 s on a test database with many open cycles.
 * A provider written only in a subtransaction since released still carries that subtransaction's id and is
 * bumped as before (harmless).
 */
export class TriageVersionOncePerTransaction1764000000076 implements MigrationInterface {
  name = 'TriageVersionOncePerTransaction1764000000076';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION bump_provider_triage_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE providers p SET triage_version = p.triage_version + 1
          WHERE p.id IN (SELECT provider_id FROM old_rows) AND p.xmin <> pg_current_xact_id()::xid;
        ELSE
          UPDATE providers p SET triage_version = p.triage_version + 1
          WHERE p.id IN (SELECT provider_id FROM new_rows) AND p.xmin <> pg_current_xact_id()::xid;
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVERY_STATEMENT);
  }
}
