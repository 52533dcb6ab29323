import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './row-level-security';

/**
 * Erasing a contact rewrites every free text of the LSP that names them, with "[erased]" in place of each
 * mention.
 *
 * - A reconciliation's reason was written once and never changed, so the app could not update it; it may
 *   now update that column only.
 * - A transfer request's note was capped at 500 characters here as well as in the api. "[erased]" can be
 *   longer than the name it replaces ("Ann Lee"), so a note at the cap would have made erasure fail. The
 *   cap stays on what advisers type (the api); the table asks only for a note that is not blank.
 */
export class ErasureOfNewerFreeText1764000000080 implements MigrationInterface {
  name = 'ErasureOfNewerFreeText1764000000080';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `GRANT UPDATE (reason) ON dspt_reconciliation_resolutions TO ${APP_ROLE}`,
      `ALTER TABLE provider_transfer_requests DROP CONSTRAINT ck_transfer_requests_note`,
      `ALTER TABLE provider_transfer_requests ADD CONSTRAINT ck_transfer_requests_note CHECK (length(trim(note)) > 0)`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `ALTER TABLE provider_transfer_requests DROP CONSTRAINT ck_transfer_requests_note`,
      // NOT VALID: a redacted note may be over the old cap; new and changed rows are held to it again.
      `ALTER TABLE provider_transfer_requests ADD CONSTRAINT ck_transfer_requests_note
         CHECK (length(trim(note)) BETWEEN 1 AND 500) NOT VALID`,
      `REVOKE UPDATE (reason) ON dspt_reconciliation_resolutions FROM ${APP_ROLE}`,
    ]) {
      await queryRunner.query(sql);
    }
  }
}
