import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STATS_ROLE } from './1764000000020-completion-statistics';
import { APP_ROLE } from './row-level-security';

/**
 * Two public lists the portal reads rather than types: the DSPT's organisation status list (who has published,
 * per the DSPT itself) and the CQC register of active locations (who should be supported). Both are published
 * openly, hold no LSP casework and belong to no tenant, so they carry no tenant_id: every LSP and the statistics
 * role may read them. Imports (system admin) write them; later migrations add what each import needs.
 */
export class ReferenceRegisters1764000000049 implements MigrationInterface {
  name = 'ReferenceRegisters1764000000049';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE dspt_list_entries (
         ods_code text PRIMARY KEY CONSTRAINT ck_dspt_list_entries_code CHECK (ods_code = upper(ods_code)),
         organisation_name text NOT NULL,
         status text NOT NULL CONSTRAINT ck_dspt_list_entries_status
           CHECK (status IN ('standards_exceeded', 'standards_met', 'approaching_standards', 'not_published')),
         -- The cycle the DSPT names in the status ("24/25 Standards Met"), when it names one.
         status_cycle text,
         published_on date,
         -- When the list this row came from was produced; an older list never overrides a newer one.
         listed_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE cqc_locations (
         location_id text PRIMARY KEY,
         ods_code text,
         name text NOT NULL,
         local_authority text NOT NULL,
         region text,
         care_home boolean NOT NULL DEFAULT false,
         inspection_category text,
         provider_id text,
         provider_name text,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX ix_cqc_locations_ods_code ON cqc_locations (ods_code)`,
      `CREATE INDEX ix_cqc_locations_local_authority ON cqc_locations (lower(local_authority))`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON dspt_list_entries, cqc_locations TO ${APP_ROLE}`,
      `GRANT SELECT ON dspt_list_entries, cqc_locations TO ${STATS_ROLE}`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cqc_locations`);
    await queryRunner.query(`DROP TABLE dspt_list_entries`);
  }
}
