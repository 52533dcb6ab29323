import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail screen filters an LSP's events by action and by provider, newest first; without these
 * the search reads the LSP's whole trail. (Period-only searches use ix_audit_events_tenant_time.)
 */
export class AuditSearchIndexes1764000000041 implements MigrationInterface {
  name = 'AuditSearchIndexes1764000000041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_audit_events_tenant_action_time ON audit_events (tenant_id, action, occurred_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_audit_events_tenant_target_time ON audit_events (tenant_id, target_id, occurred_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_audit_events_tenant_target_time`);
    await queryRunner.query(`DROP INDEX ix_audit_events_tenant_action_time`);
  }
}
