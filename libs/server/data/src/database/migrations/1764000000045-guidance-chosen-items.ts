import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open items an adviser chose for a guidance email. NULL (every reminder, and guidance sent without a
 * choice) lists every open mandatory item; a list keeps only those still open when the email is sent.
 */
export class GuidanceChosenItems1764000000045 implements MigrationInterface {
  name = 'GuidanceChosenItems1764000000045';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_messages ADD COLUMN question_codes text[]`);
    await queryRunner.query(
      `ALTER TABLE email_messages ADD CONSTRAINT ck_email_messages_question_codes
         CHECK (question_codes IS NULL OR kind = 'guidance')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_messages DROP COLUMN question_codes`);
  }
}
