import type { MigrationInterface, QueryRunner } from 'typeorm';

// Spelt out: a migration must keep meaning what it meant when it ran.
const OLD_WORDS = 'set up two-step sign-in';
const NEW_WORDS = 'set up two-factor authentication';

/**
 * The default invitation email called the second factor "two-step sign-in"; every page of the portal
 * calls it "two-factor authentication". Only the global default changes: an LSP's own copy is its
 * admins' wording, and a default a system admin has reworded no longer holds the old words.
 */
export class InvitationNamesTwoFactor1764000000068 implements MigrationInterface {
  name = 'InvitationNamesTwoFactor1764000000068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE email_templates SET body = replace(body, $1, $2) WHERE key = 'invitation'`, [
      OLD_WORDS,
      NEW_WORDS,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE email_templates SET body = replace(body, $1, $2) WHERE key = 'invitation'`, [
      NEW_WORDS,
      OLD_WORDS,
    ]);
  }
}
