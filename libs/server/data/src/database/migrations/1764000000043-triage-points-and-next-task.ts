import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload explains itself: `provider_triage` keeps the points of each priority reason (aligned with
 * `priority_reasons`) and the provider's next open task (earliest due) with its due date, so the caseload
 * still reads one table. Task changes already bump `providers.triage_version`, so the next task is kept
 * current like the other columns. The rows are derived: they are emptied here and ranked again, with the
 * new columns, on the next read of each LSP's caseload.
 */
export class TriagePointsAndNextTask1764000000043 implements MigrationInterface {
  name = 'TriagePointsAndNextTask1764000000043';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM provider_triage`);
    await queryRunner.query(`ALTER TABLE provider_triage
      ADD COLUMN priority_points integer[] NOT NULL DEFAULT '{}',
      ADD COLUMN next_task_title text,
      ADD COLUMN next_task_due_on date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE provider_triage
      DROP COLUMN next_task_due_on,
      DROP COLUMN next_task_title,
      DROP COLUMN priority_points`);
  }
}
