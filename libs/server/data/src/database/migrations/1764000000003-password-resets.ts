import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './row-level-security';

/** Single-use password-reset links. Belong to a user, not to an LSP, so no tenant policy. */
export class PasswordResets1764000000003 implements MigrationInterface {
  name = 'PasswordResets1764000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT uq_password_resets_token_hash UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX ix_password_resets_user ON password_resets (user_id)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON password_resets TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_resets`);
  }
}
