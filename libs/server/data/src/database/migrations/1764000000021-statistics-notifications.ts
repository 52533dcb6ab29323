import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel the api listens on to forget cached statistics (libs/server/statistics). */
export const STATS_CHANNEL = 'completion_statistics';

/** The payload of a recount of cells: it changes today's figures but not the trend of daily snapshots. */
export const STATS_CELLS_CHANGED = 'cells';

/**
 * Tells the api when statistics may have changed, so it can keep answers until then instead of asking
 * the database on every request: every recount of cells ('cells'), every snapshot taken, and every change
 * to cycles or LSP names ('') NOTIFY completion_statistics. Notifications are sent when the transaction
 * commits, and only if it does.
 */
export class StatisticsNotifications1764000000021 implements MigrationInterface {
  name = 'StatisticsNotifications1764000000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION stats_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('${STATS_CHANNEL}', coalesce(TG_ARGV[0], ''));
         RETURN NULL;
       END $$`,
      // Cells: every recount (providers, assessments and new cycles all come through here).
      `CREATE TRIGGER tr_stats_cells_notify AFTER INSERT OR UPDATE ON stats_completion_cells FOR EACH STATEMENT EXECUTE FUNCTION stats_notify('${STATS_CELLS_CHANGED}')`,
      `CREATE TRIGGER tr_stats_runs_notify AFTER INSERT OR UPDATE OR DELETE ON stats_snapshot_runs FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()`,
      `CREATE TRIGGER tr_assessment_cycles_stats_notify AFTER UPDATE OR DELETE ON assessment_cycles FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()`,
      `CREATE TRIGGER tr_tenants_stats_notify AFTER INSERT OR UPDATE OR DELETE ON tenants FOR EACH STATEMENT EXECUTE FUNCTION stats_notify()`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `DROP TRIGGER tr_tenants_stats_notify ON tenants`,
      `DROP TRIGGER tr_assessment_cycles_stats_notify ON assessment_cycles`,
      `DROP TRIGGER tr_stats_runs_notify ON stats_snapshot_runs`,
      `DROP TRIGGER tr_stats_cells_notify ON stats_completion_cells`,
      `DROP FUNCTION stats_notify()`,
    ]) {
      await queryRunner.query(statement);
    }
  }
}
