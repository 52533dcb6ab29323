import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRole, giveTo, TRANSFER_CHECKS, TRANSFER_ROLE, transferProvider } from './1764000000030-database-roles';
import { APP_ROLE, CURRENT_TENANT_SQL, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

/** Owns `dspt_list_matches`: finds which LSP holds each ODS code on the DSPT status list, and nothing else. */
export const RECONCILE_ROLE = 'dspt_reconcile';

/**
 * Who holds each listed code: (LSP, provider, code) for active providers whose ODS code is in `codes`. It
 * answers ids only (no name, no contact): the import then works on each LSP's rows inside that LSP
 * (row-level security), so this is the only programme-wide read. Not from inside an LSP's transaction.
 */
const MATCHES_FUNCTION = `
  CREATE FUNCTION dspt_list_matches(codes text[])
  RETURNS TABLE (tenant_id uuid, provider_id uuid, ods_code text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  BEGIN
    IF NOT pg_has_role(session_user, '${APP_ROLE}', 'MEMBER') THEN
      RAISE EXCEPTION 'dspt_list_matches may be called only by the app' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF ${CURRENT_TENANT_SQL} IS NOT NULL THEN
      RAISE EXCEPTION 'dspt_list_matches is not for use inside an LSP''s transaction' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT p.tenant_id, p.id, p.ods_code FROM providers p
      WHERE p.ods_code = ANY (codes) AND p.archived_at IS NULL ORDER BY p.tenant_id, p.ods_code;
  END $$`;

const MOVE_RESOLUTIONS = `
        UPDATE dspt_reconciliation_resolutions r SET tenant_id = to_tenant WHERE r.provider_id = ANY(ids);`;

/**
 * The DSPT status list's imports and reconciliation:
 * - `dspt_list_imports`: one row per import or scheduled fetch (its file's hash, the list's date, the
 *   mapping used, counts, unknown statuses, or the error), so the same file twice changes nothing and the
 *   admin page can show the last run;
 * - `publications.source`: who recorded a publication, an adviser or the list;
 * - `dspt_reconciliation_resolutions` (tenant-owned): an adviser keeping the portal's value against the
 *   list's, with a reason; the item stays resolved while neither side changes; `transfer_provider` moves
 *   them with their provider;
 * - `dspt_list_matches`, owned by `dspt_reconcile` (NOLOGIN, no BYPASSRLS), which may read three columns
 *   of `providers` across LSPs through a policy of its own.
 */
export class DsptStatusList1764000000050 implements MigrationInterface {
  name = 'DsptStatusList1764000000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE dspt_list_imports (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         source text NOT NULL CONSTRAINT ck_dspt_list_imports_source CHECK (source IN ('upload', 'scheduled')),
         file_name text NOT NULL DEFAULT '',
         -- SHA-256 of the file: the same file again changes nothing.
         file_hash text,
         listed_at timestamptz,
         mapping jsonb,
         rows integer NOT NULL DEFAULT 0,
         matched integer NOT NULL DEFAULT 0,
         unmatched integer NOT NULL DEFAULT 0,
         publications_recorded integer NOT NULL DEFAULT 0,
         discrepancies integer NOT NULL DEFAULT 0,
         entries_changed integer NOT NULL DEFAULT 0,
         unknown_statuses jsonb NOT NULL DEFAULT '[]',
         skipped jsonb NOT NULL DEFAULT '[]',
         error text,
         imported_by uuid REFERENCES users (id) ON DELETE SET NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX ux_dspt_list_imports_file_hash ON dspt_list_imports (file_hash) WHERE error IS NULL`,
      `CREATE INDEX ix_dspt_list_imports_created ON dspt_list_imports (created_at DESC)`,
      `GRANT SELECT, INSERT ON dspt_list_imports TO ${APP_ROLE}`,

      `ALTER TABLE publications ADD COLUMN source text NOT NULL DEFAULT 'adviser'
         CONSTRAINT ck_publications_source CHECK (source IN ('adviser', 'dspt_list'))`,

      `CREATE TABLE dspt_reconciliation_resolutions (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id),
         portal_level text,
         official_level text,
         reason text NOT NULL CONSTRAINT ck_dspt_reconciliation_reason CHECK (length(trim(reason)) > 0),
         resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
         resolved_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX ix_dspt_reconciliation_provider ON dspt_reconciliation_resolutions (provider_id, cycle_id)`,
      ...enableTenantIsolation('dspt_reconciliation_resolutions'),
      `GRANT SELECT, INSERT, DELETE ON dspt_reconciliation_resolutions TO ${APP_ROLE}`,
      `CREATE INDEX ix_dspt_list_entries_published ON dspt_list_entries (ods_code) WHERE status <> 'not_published'`,

      // A moved provider takes its resolutions along, like the rest of its history (transfer_provider).
      `GRANT SELECT, UPDATE ON dspt_reconciliation_resolutions TO ${TRANSFER_ROLE}`,
      `CREATE POLICY dspt_reconciliation_resolutions_transfer ON dspt_reconciliation_resolutions TO ${TRANSFER_ROLE}
         USING (true) WITH CHECK (true)`,
      transferProvider(TRANSFER_CHECKS, MOVE_RESOLUTIONS),

      createRole(RECONCILE_ROLE),
      `GRANT USAGE ON SCHEMA public TO ${RECONCILE_ROLE}`,
      `GRANT SELECT (id, tenant_id, ods_code, archived_at) ON providers TO ${RECONCILE_ROLE}`,
      `CREATE POLICY providers_dspt_reconcile ON providers FOR SELECT TO ${RECONCILE_ROLE} USING (true)`,
      MATCHES_FUNCTION,
      ...giveTo(RECONCILE_ROLE, 'dspt_list_matches(text[])'),
      `REVOKE ALL ON FUNCTION dspt_list_matches(text[]) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION dspt_list_matches(text[]) TO ${APP_ROLE}`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `DROP FUNCTION dspt_list_matches(text[])`,
      `DROP POLICY providers_dspt_reconcile ON providers`,
      `REVOKE ALL ON providers FROM ${RECONCILE_ROLE}`,
      // The role is cluster-wide and may serve other databases: it stays, like dspt_app.
      `REVOKE USAGE ON SCHEMA public FROM ${RECONCILE_ROLE}`,
      `DROP INDEX ix_dspt_list_entries_published`,
      transferProvider(TRANSFER_CHECKS),
      `DROP POLICY dspt_reconciliation_resolutions_transfer ON dspt_reconciliation_resolutions`,
      `REVOKE ALL ON dspt_reconciliation_resolutions FROM ${TRANSFER_ROLE}`,
      ...disableTenantIsolation('dspt_reconciliation_resolutions'),
      `DROP TABLE dspt_reconciliation_resolutions`,
      `ALTER TABLE publications DROP COLUMN source`,
      `DROP TABLE dspt_list_imports`,
    ]) {
      await queryRunner.query(sql);
    }
  }
}
