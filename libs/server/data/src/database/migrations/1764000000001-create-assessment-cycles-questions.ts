import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessmentCyclesQuestions1764000000001 implements MigrationInterface {
  name = 'CreateAssessmentCyclesQuestions1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assessment_cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq_assessment_cycles_code UNIQUE
          CONSTRAINT ck_assessment_cycles_code CHECK (code ~ '^[0-9]{4}-[0-9]{2}$'),
        starts_on date NOT NULL,
        deadline date NOT NULL,
        reminder_offsets_days int[] NOT NULL DEFAULT '{90,30,7}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_assessment_cycles_dates CHECK (starts_on < deadline)
      )`);
    await queryRunner.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES assessment_cycles (id) ON DELETE CASCADE,
        code text NOT NULL CONSTRAINT ck_questions_code CHECK (code ~ '^[0-9]+(\\.[0-9]+)+$'),
        section text NOT NULL,
        title text NOT NULL,
        level text NOT NULL CONSTRAINT ck_questions_level CHECK (level IN ('AS', 'SM', 'none')),
        ce_plus_skippable boolean NOT NULL DEFAULT false,
        position int NOT NULL,
        CONSTRAINT uq_questions_cycle_code UNIQUE (cycle_id, code)
      )`);
    await queryRunner.query(`CREATE INDEX ix_questions_cycle_position ON questions (cycle_id, position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE questions`);
    await queryRunner.query(`DROP TABLE assessment_cycles`);
  }
}
