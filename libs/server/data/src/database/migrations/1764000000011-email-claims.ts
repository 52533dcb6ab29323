import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender claims outbox rows in batches and records their results in batches: a claimed row is
 * `sending`, held by one worker (`claimed_by`) until `claim_expires_at`. A worker that dies leaves its
 * claims to expire; the row is then sent again (its job, once stalled, or the next planner run).
 *
 * Each email changes state twice (queued, sending, sent): with no index on `status` and room left on
 * each page (fillfactor 70), PostgreSQL makes those heap-only updates, touching no index. Counting a
 * step's emails by status reads the step's rows; the failed list has a partial index of its own.
 */
export class EmailClaims1764000000011 implements MigrationInterface {
  name = 'EmailClaims1764000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_messages DROP CONSTRAINT ck_email_messages_status`);
    await queryRunner.query(
      `ALTER TABLE email_messages ADD CONSTRAINT ck_email_messages_status CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'suppressed'))`,
    );
    await queryRunner.query(
      `ALTER TABLE email_messages ADD COLUMN claimed_by text, ADD COLUMN claim_expires_at timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE email_messages ADD CONSTRAINT ck_email_messages_claim CHECK ((status = 'sending') = (claimed_by IS NOT NULL AND claim_expires_at IS NOT NULL))`,
    );
    await queryRunner.query(`DROP INDEX ix_email_messages_step`);
    await queryRunner.query(`DROP INDEX ix_email_messages_tenant_status`);
    await queryRunner.query(`CREATE INDEX ix_email_messages_step ON email_messages (tenant_id, cycle_id, offset_days)`);
    await queryRunner.query(
      `CREATE INDEX ix_email_messages_tenant_time ON email_messages (tenant_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_email_messages_failed ON email_messages (tenant_id, created_at DESC) WHERE status = 'failed'`,
    );
    await queryRunner.query(`ALTER TABLE email_messages SET (fillfactor = 70)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_messages RESET (fillfactor)`);
    await queryRunner.query(`DROP INDEX ix_email_messages_failed`);
    await queryRunner.query(`DROP INDEX ix_email_messages_tenant_time`);
    await queryRunner.query(`DROP INDEX ix_email_messages_step`);
    await queryRunner.query(
      `CREATE INDEX ix_email_messages_step ON email_messages (tenant_id, cycle_id, offset_days, status)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_email_messages_tenant_status ON email_messages (tenant_id, status, created_at DESC)`,
    );
    await queryRunner.query(
      `UPDATE email_messages SET status = 'queued', claimed_by = NULL, claim_expires_at = NULL WHERE status = 'sending'`,
    );
    await queryRunner.query(`ALTER TABLE email_messages DROP CONSTRAINT ck_email_messages_claim`);
    await queryRunner.query(`ALTER TABLE email_messages DROP COLUMN claimed_by, DROP COLUMN claim_expires_at`);
    await queryRunner.query(`ALTER TABLE email_messages DROP CONSTRAINT ck_email_messages_status`);
    await queryRunner.query(
      `ALTER TABLE email_messages ADD CONSTRAINT ck_email_messages_status CHECK (status IN ('queued', 'sent', 'failed', 'suppressed'))`,
    );
  }
}
