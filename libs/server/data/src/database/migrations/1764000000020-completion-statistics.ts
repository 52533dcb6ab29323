import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

/** The role programme-wide statistics run as: it can read aggregates and nothing else. */
export const STATS_ROLE = 'dspt_stats';

/** What a cell is keyed by, besides its cycle: the provider attributes statistics group and filter on. */
const CELL_KEY = 'tenant_id, region, local_authority, service_type, size_band';
const cellKeyOf = (alias: string) =>
  CELL_KEY.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
const sameCell = (left: string, right: string) =>
  CELL_KEY.split(', ')
    .map((column) => `${left}.${column} = ${right}.${column}`)
    .join(' AND ');

/** Counts per derived status, as `assessments.status` spells them (spelt out: migrations keep their meaning). */
const STATUSES = [
  'not_started',
  'in_progress',
  'ready_to_publish',
  'approaching_standards',
  'standards_met',
  'standards_exceeded',
];
const COUNT_COLUMNS = ['providers', ...STATUSES];
const FIGURE_COLUMNS = `${COUNT_COLUMNS.join(', ')}, completed_values, completed_counts`;

/** Columns shared by live cells and daily snapshots: counts per status and the histogram of mandatory items completed. */
const FIGURES_DDL = `
  providers integer NOT NULL DEFAULT 0,
  ${STATUSES.map((status) => `${status} integer NOT NULL DEFAULT 0`).join(',\n  ')},
  -- Histogram of mandatory items completed: completed_counts[i] providers completed completed_values[i] items.
  completed_values smallint[] NOT NULL DEFAULT '{}',
  completed_counts integer[] NOT NULL DEFAULT '{}'`;

const TABLES = ['stats_completion_cells', 'stats_snapshots'];

/**
 * Completion statistics for programme leads (issue 6), kept apart from the caseload so that the people who
 * read them can only ever read aggregates.
 *
 * - `stats_completion_cells`: per cycle and per (LSP, region, local authority, service type, size band), the
 *   number of active providers in each derived status and the histogram of mandatory items completed. Every
 *   grouping and filter of the statistics is a sum of cells. Triggers on providers, assessments and cycles
 *   keep it true in the transaction of the change: the affected cells are locked in one order, then recounted
 *   from the caseload in a new statement (so two writers of one cell take turns and the second counts the
 *   first's rows). A provider with no assessment row for a cycle counts as not started with 0 items; every
 *   provider counts once, so an HQ publication covering branches counts each branch once (its own row).
 *   Rows are never deleted (an emptied cell keeps zeros), so `sum(revision)` only grows: the api's cache
 *   key.
 * - `stats_snapshots`: the cells of a cycle as they were at the end of a day, written by the daily job
 *   (`stats_take_snapshot`, idempotent per day: upsert on cycle, day and cell); `stats_snapshot_runs` records
 *   each day taken. Trends and last cycle's figures "at the same number of days before the deadline" read
 *   them.
 * - The role `dspt_stats` has SELECT on these tables, on `assessment_cycles` and on four columns of `tenants`
 *   (id, slug, name, region), and nothing else: no provider, contact, note or user. The api switches to it
 *   (`SET LOCAL ROLE`) for every programme-lead statistics query. `dspt_app` may switch to it (it is a member)
 *   but does not inherit its rights (NOINHERIT), so the app role itself sees only its own LSP's cells (RLS).
 */
export class CompletionStatistics1764000000020 implements MigrationInterface {
  name = 'CompletionStatistics1764000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Roles are cluster-wide (several databases share them); grants below are per database.
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${STATS_ROLE}') THEN
           CREATE ROLE ${STATS_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
         END IF;
       END $$`,
      // Before the grant: on PostgreSQL 16+ the member's INHERIT attribute is the grant's default.
      `ALTER ROLE ${APP_ROLE} NOINHERIT`,
      `DO $$ BEGIN
         IF NOT pg_has_role('${APP_ROLE}', '${STATS_ROLE}', 'MEMBER') THEN
           GRANT ${STATS_ROLE} TO ${APP_ROLE};
         END IF;
       END $$`,
      `GRANT USAGE ON SCHEMA public TO ${STATS_ROLE}`,

      `CREATE TYPE stats_cell_key AS (tenant_id uuid, region text, local_authority text, service_type text, size_band text)`,
      `CREATE INDEX ix_providers_stats_cell ON providers (${CELL_KEY})`,

      `CREATE TABLE stats_completion_cells (
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id) ON DELETE CASCADE,
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         region text NOT NULL,
         local_authority text NOT NULL,
         service_type text NOT NULL,
         size_band text NOT NULL,
         ${FIGURES_DDL},
         revision bigint NOT NULL DEFAULT 1,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (cycle_id, ${CELL_KEY})
       )`,
      `CREATE INDEX ix_stats_completion_cells_tenant ON stats_completion_cells (tenant_id, cycle_id)`,

      `CREATE TABLE stats_snapshots (
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id) ON DELETE CASCADE,
         day date NOT NULL,
         days_to_deadline integer NOT NULL,
         tenant_id uuid NOT NULL REFERENCES tenants (id),
         region text NOT NULL,
         local_authority text NOT NULL,
         service_type text NOT NULL,
         size_band text NOT NULL,
         ${FIGURES_DDL},
         PRIMARY KEY (cycle_id, day, ${CELL_KEY})
       )`,
      `CREATE INDEX ix_stats_snapshots_tenant ON stats_snapshots (tenant_id, cycle_id, day)`,
      `CREATE TABLE stats_snapshot_runs (
         cycle_id uuid NOT NULL REFERENCES assessment_cycles (id) ON DELETE CASCADE,
         day date NOT NULL,
         days_to_deadline integer NOT NULL,
         cells integer NOT NULL,
         taken_at timestamptz NOT NULL DEFAULT now(),
         revision bigint NOT NULL DEFAULT 1,
         PRIMARY KEY (cycle_id, day)
       )`,

      // Every cell of `keys`, in every cycle, counted from the caseload (zeros where no active provider is left).
      `CREATE FUNCTION stats_cell_counts(keys stats_cell_key[])
       RETURNS TABLE (cycle_id uuid, tenant_id uuid, region text, local_authority text, service_type text, size_band text,
                      ${COUNT_COLUMNS.map((column) => `${column} integer`).join(', ')},
                      completed_values smallint[], completed_counts integer[])
       -- plpgsql, not sql: it keeps its plan between calls (a trigger calls it on every progress save).
       LANGUAGE plpgsql STABLE SET search_path = public AS $$
       #variable_conflict use_column
       BEGIN
         RETURN QUERY
         WITH k AS (SELECT DISTINCT * FROM unnest(keys)),
         standing AS (
           SELECT c.id AS cycle_id, ${cellKeyOf('p')},
                  coalesce(a.status, 'not_started') AS status, coalesce(a.mandatory_completed, 0) AS completed
           FROM k
           JOIN providers p ON ${sameCell('p', 'k')} AND p.archived_at IS NULL
           CROSS JOIN assessment_cycles c
           LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = c.id
         ),
         statuses AS (
           SELECT s.cycle_id, ${cellKeyOf('s')}, count(*)::int AS providers,
                  ${STATUSES.map((status) => `count(*) FILTER (WHERE s.status = '${status}')::int AS ${status}`).join(', ')}
           FROM standing s GROUP BY s.cycle_id, ${cellKeyOf('s')}
         ),
         bins AS (
           SELECT s.cycle_id, ${cellKeyOf('s')}, s.completed, count(*)::int AS n
           FROM standing s GROUP BY s.cycle_id, ${cellKeyOf('s')}, s.completed
         ),
         histograms AS (
           SELECT b.cycle_id, ${cellKeyOf('b')}, array_agg(b.completed::smallint ORDER BY b.completed) AS completed_values,
                  array_agg(b.n ORDER BY b.completed) AS completed_counts
           FROM bins b GROUP BY b.cycle_id, ${cellKeyOf('b')}
         )
         SELECT c.id, ${cellKeyOf('k')},
                ${COUNT_COLUMNS.map((column) => `coalesce(s.${column}, 0)`).join(', ')},
                coalesce(h.completed_values, '{}'), coalesce(h.completed_counts, '{}')
         FROM k CROSS JOIN assessment_cycles c
         LEFT JOIN statuses s ON s.cycle_id = c.id AND ${sameCell('s', 'k')}
         LEFT JOIN histograms h ON h.cycle_id = c.id AND ${sameCell('h', 'k')};
       END $$`,

      `CREATE FUNCTION stats_refresh_cells(keys stats_cell_key[]) RETURNS void
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         IF keys IS NULL OR cardinality(keys) = 0 THEN
           RETURN;
         END IF;
         -- Lock every affected cell (creating missing ones) in one order, so concurrent writers take turns.
         INSERT INTO stats_completion_cells AS cell (cycle_id, ${CELL_KEY})
         SELECT c.id, ${cellKeyOf('k')} FROM (SELECT DISTINCT * FROM unnest(keys)) k CROSS JOIN assessment_cycles c
         ORDER BY 1, 2, 3, 4, 5, 6
         ON CONFLICT (cycle_id, ${CELL_KEY}) DO UPDATE SET revision = cell.revision + 1;
         -- A new statement, so a new snapshot: it counts what the writers we waited for committed.
         UPDATE stats_completion_cells cell
         SET ${[...COUNT_COLUMNS, 'completed_values', 'completed_counts'].map((column) => `${column} = n.${column}`).join(', ')},
             updated_at = now()
         FROM stats_cell_counts(keys) n
         WHERE cell.cycle_id = n.cycle_id AND ${sameCell('cell', 'n')};
       END $$`,

      // Every cell there is or was, in every cycle: after a bulk load, a new cycle, or as a repair.
      `CREATE FUNCTION stats_rebuild_cells() RETURNS void
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         PERFORM stats_refresh_cells(ARRAY(
           SELECT DISTINCT ROW(${CELL_KEY})::stats_cell_key FROM providers
           UNION SELECT DISTINCT ROW(${CELL_KEY})::stats_cell_key FROM stats_completion_cells));
       END $$`,

      // Triggers: statement-level with transition tables, so a bulk load recounts each cell once.
      `CREATE FUNCTION stats_providers_inserted_or_deleted() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           PERFORM stats_refresh_cells(ARRAY(SELECT DISTINCT ROW(${CELL_KEY})::stats_cell_key FROM new_rows));
         ELSE
           PERFORM stats_refresh_cells(ARRAY(SELECT DISTINCT ROW(${CELL_KEY})::stats_cell_key FROM old_rows));
         END IF;
         RETURN NULL;
       END $$`,
      // Only providers whose cell or archived state changed: most updates (contact dates, versions) change neither.
      `CREATE FUNCTION stats_providers_updated() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         PERFORM stats_refresh_cells(ARRAY(
           SELECT DISTINCT moved.key
           FROM old_rows o JOIN new_rows n ON n.id = o.id
           CROSS JOIN LATERAL (VALUES (ROW(${cellKeyOf('o')})::stats_cell_key), (ROW(${cellKeyOf('n')})::stats_cell_key)) AS moved(key)
           WHERE (${cellKeyOf('o')}, o.archived_at IS NULL) IS DISTINCT FROM (${cellKeyOf('n')}, n.archived_at IS NULL)));
         RETURN NULL;
       END $$`,
      // Assessments: the cells of their providers. A provider deleted with its assessments is recounted by
      // the providers trigger (its row is gone by the time the cascade's trigger runs).
      `CREATE FUNCTION stats_assessments_changed() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           PERFORM stats_refresh_cells(ARRAY(
             SELECT DISTINCT ROW(${cellKeyOf('p')})::stats_cell_key FROM new_rows a JOIN providers p ON p.id = a.provider_id));
         ELSIF TG_OP = 'DELETE' THEN
           PERFORM stats_refresh_cells(ARRAY(
             SELECT DISTINCT ROW(${cellKeyOf('p')})::stats_cell_key FROM old_rows a JOIN providers p ON p.id = a.provider_id));
         ELSE
           PERFORM stats_refresh_cells(ARRAY(
             SELECT DISTINCT ROW(${cellKeyOf('p')})::stats_cell_key
             FROM old_rows o JOIN new_rows n ON n.id = o.id
             JOIN providers p ON p.id IN (o.provider_id, n.provider_id)
             WHERE (o.status, o.mandatory_completed, o.provider_id, o.cycle_id)
                   IS DISTINCT FROM (n.status, n.mandatory_completed, n.provider_id, n.cycle_id)));
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE FUNCTION stats_cycles_inserted() RETURNS trigger
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         PERFORM stats_rebuild_cells();
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER tr_providers_stats_insert AFTER INSERT ON providers
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_providers_inserted_or_deleted()`,
      `CREATE TRIGGER tr_providers_stats_update AFTER UPDATE ON providers
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_providers_updated()`,
      `CREATE TRIGGER tr_providers_stats_delete AFTER DELETE ON providers
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_providers_inserted_or_deleted()`,
      `CREATE TRIGGER tr_assessments_stats_insert AFTER INSERT ON assessments
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_assessments_changed()`,
      `CREATE TRIGGER tr_assessments_stats_update AFTER UPDATE ON assessments
         REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_assessments_changed()`,
      `CREATE TRIGGER tr_assessments_stats_delete AFTER DELETE ON assessments
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_assessments_changed()`,
      `CREATE TRIGGER tr_assessment_cycles_stats_insert AFTER INSERT ON assessment_cycles
         FOR EACH STATEMENT EXECUTE FUNCTION stats_cycles_inserted()`,

      // The daily snapshot of one cycle: idempotent per day (upsert on cycle, day and cell; cells emptied
      // since an earlier run of the same day are removed). The app role may call it, and do nothing else here.
      `CREATE FUNCTION stats_take_snapshot(cycle uuid, on_day date) RETURNS integer
       LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       DECLARE
         cycle_deadline date;
         written integer;
       BEGIN
         SELECT c.deadline INTO cycle_deadline FROM assessment_cycles c WHERE c.id = cycle;
         IF NOT FOUND THEN
           RAISE EXCEPTION 'No assessment cycle %', cycle;
         END IF;
         INSERT INTO stats_snapshots AS snap (cycle_id, day, days_to_deadline, ${CELL_KEY}, ${FIGURE_COLUMNS})
         SELECT cycle, on_day, cycle_deadline - on_day, ${cellKeyOf('cell')}, ${FIGURE_COLUMNS.split(', ')
           .map((column) => `cell.${column}`)
           .join(', ')}
         FROM stats_completion_cells cell WHERE cell.cycle_id = cycle AND cell.providers > 0
         ON CONFLICT (cycle_id, day, ${CELL_KEY}) DO UPDATE
           SET ${FIGURE_COLUMNS.split(', ')
             .map((column) => `${column} = EXCLUDED.${column}`)
             .join(', ')};
         GET DIAGNOSTICS written = ROW_COUNT;
         DELETE FROM stats_snapshots snap
         WHERE snap.cycle_id = cycle AND snap.day = on_day
           AND NOT EXISTS (SELECT 1 FROM stats_completion_cells cell
                           WHERE cell.cycle_id = cycle AND ${sameCell('cell', 'snap')} AND cell.providers > 0);
         INSERT INTO stats_snapshot_runs AS run (cycle_id, day, days_to_deadline, cells)
         VALUES (cycle, on_day, cycle_deadline - on_day, written)
         ON CONFLICT (cycle_id, day) DO UPDATE SET cells = EXCLUDED.cells, taken_at = now(), revision = run.revision + 1;
         RETURN written;
       END $$`,

      ...[
        'stats_cell_counts(stats_cell_key[])',
        'stats_refresh_cells(stats_cell_key[])',
        'stats_rebuild_cells()',
        'stats_take_snapshot(uuid, date)',
      ].map((fn) => `REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`),
      `GRANT EXECUTE ON FUNCTION stats_take_snapshot(uuid, date) TO ${APP_ROLE}`,

      // Row-level security: the app role sees its own LSP's cells and snapshots (an LSP's own dashboard);
      // the statistics role sees every LSP's (aggregates only: it can read nothing else).
      ...TABLES.flatMap((table) => [
        ...enableTenantIsolation(table),
        `CREATE POLICY ${table}_programme_read ON ${table} FOR SELECT TO ${STATS_ROLE} USING (true)`,
        `GRANT SELECT ON ${table} TO ${APP_ROLE}, ${STATS_ROLE}`,
      ]),
      `GRANT SELECT ON stats_snapshot_runs TO ${APP_ROLE}, ${STATS_ROLE}`,
      `GRANT SELECT ON assessment_cycles TO ${STATS_ROLE}`,
      `GRANT SELECT (id, slug, name, region) ON tenants TO ${STATS_ROLE}`,

      // Cells for the caseload already loaded.
      `SELECT stats_rebuild_cells()`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      ...['insert', 'update', 'delete'].flatMap((event) => [
        `DROP TRIGGER tr_providers_stats_${event} ON providers`,
        `DROP TRIGGER tr_assessments_stats_${event} ON assessments`,
      ]),
      `DROP TRIGGER tr_assessment_cycles_stats_insert ON assessment_cycles`,
      `DROP FUNCTION stats_take_snapshot(uuid, date)`,
      `DROP FUNCTION stats_cycles_inserted()`,
      `DROP FUNCTION stats_assessments_changed()`,
      `DROP FUNCTION stats_providers_updated()`,
      `DROP FUNCTION stats_providers_inserted_or_deleted()`,
      `DROP FUNCTION stats_rebuild_cells()`,
      `DROP FUNCTION stats_refresh_cells(stats_cell_key[])`,
      `DROP FUNCTION stats_cell_counts(stats_cell_key[])`,
      `REVOKE ALL ON assessment_cycles, tenants FROM ${STATS_ROLE}`,
      `DROP TABLE stats_snapshot_runs`,
      ...TABLES.flatMap((table) => [
        `DROP POLICY ${table}_programme_read ON ${table}`,
        ...disableTenantIsolation(table),
        `DROP TABLE ${table}`,
      ]),
      `DROP INDEX ix_providers_stats_cell`,
      `DROP TYPE stats_cell_key`,
      `REVOKE USAGE ON SCHEMA public FROM ${STATS_ROLE}`,
      // The roles and dspt_app's membership stay: they are shared by every database on the server.
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }
}
