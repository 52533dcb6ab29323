import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STATS_ROLE } from './1764000000020-completion-statistics';
import { APP_ROLE, CURRENT_TENANT_SQL, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

/** Owns the coverage functions: the only code that sees which locations other LSPs hold. */
export const COVERAGE_ROLE = 'dspt_coverage';

const PUBLISHED = `('standards_exceeded', 'standards_met', 'approaching_standards')`;

/**
 * Coverage: which registered adult social care locations each LSP should support and whether it does.
 * - `tenant_local_authorities`: the local authorities an LSP covers (tenant-owned, row-level security).
 * - `coverage_elsewhere(location_ids)`: of the given CQC locations, those whose ODS code is in ANOTHER LSP's
 *   caseload; only the ids come back, never which LSP. Called from inside an LSP (refused outside one).
 * - `coverage_figures(group_by)`: registered, engaged and published counts by region or by LSP, for the
 *   statistics role, which cannot read providers itself.
 * Both run as `dspt_coverage` (NOLOGIN, no BYPASSRLS), which may read providers and local authorities of
 * every LSP through policies for that role alone, and nothing else.
 */
export class Coverage1764000000055 implements MigrationInterface {
  name = 'Coverage1764000000055';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE tenant_local_authorities (
         tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
         local_authority text NOT NULL CONSTRAINT ck_tenant_local_authorities_name
           CHECK (local_authority = btrim(local_authority) AND length(local_authority) BETWEEN 1 AND 120),
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE UNIQUE INDEX uq_tenant_local_authorities ON tenant_local_authorities (tenant_id, lower(local_authority))`,
      ...enableTenantIsolation('tenant_local_authorities'),
      `GRANT SELECT, INSERT, DELETE ON tenant_local_authorities TO ${APP_ROLE}`,
      `CREATE INDEX ix_cqc_locations_region ON cqc_locations (region)`,
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${COVERAGE_ROLE}') THEN
           CREATE ROLE ${COVERAGE_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
         END IF;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
       END $$`,
      `GRANT USAGE ON SCHEMA public TO ${COVERAGE_ROLE}`,
      `GRANT SELECT (id, name) ON tenants TO ${COVERAGE_ROLE}`,
      `GRANT SELECT (tenant_id, ods_code, archived_at) ON providers TO ${COVERAGE_ROLE}`,
      `GRANT SELECT ON tenant_local_authorities, cqc_locations, dspt_list_entries TO ${COVERAGE_ROLE}`,
      `CREATE POLICY providers_coverage ON providers FOR SELECT TO ${COVERAGE_ROLE} USING (true)`,
      `CREATE POLICY tenant_local_authorities_coverage ON tenant_local_authorities FOR SELECT TO ${COVERAGE_ROLE}
         USING (true)`,
      `CREATE FUNCTION coverage_elsewhere(location_ids text[]) RETURNS SETOF text
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
         DECLARE
           caller uuid := ${CURRENT_TENANT_SQL};
         BEGIN
           IF caller IS NULL THEN
             RAISE EXCEPTION 'coverage_elsewhere is only for use inside an LSP' USING ERRCODE = '42501';
           END IF;
           RETURN QUERY
             SELECT l.location_id FROM cqc_locations l
             WHERE l.location_id = ANY (location_ids)
               AND EXISTS (SELECT 1 FROM providers p
                           WHERE p.ods_code = l.ods_code AND p.tenant_id <> caller AND p.archived_at IS NULL);
         END $$`,
      `CREATE FUNCTION coverage_figures(group_by text)
         RETURNS TABLE (group_key text, group_label text, registered bigint, engaged bigint, published bigint)
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
         BEGIN
           IF group_by = 'region' THEN
             RETURN QUERY
               SELECT coalesce(l.region, 'Unknown'), coalesce(l.region, 'Unknown'), count(*),
                      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM providers p
                                                     WHERE p.ods_code = l.ods_code AND p.archived_at IS NULL)),
                      count(*) FILTER (WHERE d.status IN ${PUBLISHED})
               FROM cqc_locations l LEFT JOIN dspt_list_entries d ON d.ods_code = l.ods_code
               GROUP BY 1, 2 ORDER BY 2;
           ELSIF group_by = 'tenant' THEN
             RETURN QUERY
               SELECT t.id::text, t.name, count(l.location_id),
                      count(l.location_id) FILTER (WHERE EXISTS (SELECT 1 FROM providers p
                        WHERE p.ods_code = l.ods_code AND p.tenant_id = t.id AND p.archived_at IS NULL)),
                      count(l.location_id) FILTER (WHERE d.status IN ${PUBLISHED})
               FROM tenants t
               JOIN tenant_local_authorities a ON a.tenant_id = t.id
               LEFT JOIN cqc_locations l ON lower(l.local_authority) = lower(a.local_authority)
               LEFT JOIN dspt_list_entries d ON d.ods_code = l.ods_code
               GROUP BY t.id, t.name ORDER BY t.name;
           ELSE
             RAISE EXCEPTION 'group_by must be region or tenant' USING ERRCODE = '22023';
           END IF;
         END $$`,
      `GRANT CREATE ON SCHEMA public TO ${COVERAGE_ROLE}`,
      `ALTER FUNCTION coverage_elsewhere(text[]) OWNER TO ${COVERAGE_ROLE}`,
      `ALTER FUNCTION coverage_figures(text) OWNER TO ${COVERAGE_ROLE}`,
      `REVOKE CREATE ON SCHEMA public FROM ${COVERAGE_ROLE}`,
      `REVOKE ALL ON FUNCTION coverage_elsewhere(text[]) FROM PUBLIC`,
      `REVOKE ALL ON FUNCTION coverage_figures(text) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION coverage_elsewhere(text[]) TO ${APP_ROLE}`,
      `GRANT EXECUTE ON FUNCTION coverage_figures(text) TO ${STATS_ROLE}`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `DROP FUNCTION coverage_figures(text)`,
      `DROP FUNCTION coverage_elsewhere(text[])`,
      `DROP POLICY providers_coverage ON providers`,
      `REVOKE ALL ON providers, tenants, cqc_locations, dspt_list_entries FROM ${COVERAGE_ROLE}`,
      `REVOKE USAGE ON SCHEMA public FROM ${COVERAGE_ROLE}`,
      `DROP INDEX ix_cqc_locations_region`,
      ...disableTenantIsolation('tenant_local_authorities'),
      `DROP TABLE tenant_local_authorities`,
    ]) {
      await queryRunner.query(sql);
    }
  }
}
