import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './row-level-security';

/**
 * Whether any LSP has started assessments in a cycle. Assessments are tenant-owned, so the app role
 * cannot count them across LSPs; this narrow SECURITY DEFINER function is the explicit cross-tenant path
 * for the one question a system admin needs answered before replacing a cycle's question set. It
 * answers a yes/no, never rows.
 */
export class CycleInUse1764000000005 implements MigrationInterface {
  name = 'CycleInUse1764000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION cycle_in_use(cycle uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT EXISTS (SELECT 1 FROM assessments WHERE cycle_id = cycle) $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION cycle_in_use(uuid) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION cycle_in_use(uuid) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION cycle_in_use(uuid)`);
  }
}
