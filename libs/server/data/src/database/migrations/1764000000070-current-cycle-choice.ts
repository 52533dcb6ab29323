import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A system admin may name the current assessment cycle instead of leaving it to the date (when a
 * cycle's question set is late, the old cycle stays current past 1 July). At most one cycle is chosen:
 * a partial unique index, so two admins choosing at once cannot leave two.
 */
export class CurrentCycleChoice1764000000070 implements MigrationInterface {
  name = 'CurrentCycleChoice1764000000070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE assessment_cycles ADD COLUMN is_current boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_assessment_cycles_one_current ON assessment_cycles (is_current) WHERE is_current`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_assessment_cycles_one_current`);
    await queryRunner.query(`ALTER TABLE assessment_cycles DROP COLUMN is_current`);
  }
}
