import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './row-level-security';

/**
 * Whether a user belongs to any LSP besides one. An LSP admin may reset MFA (which is the person's, in
 * every LSP) only for people whose sole membership is their own LSP, but row-level security hides other
 * LSPs' memberships inside an LSP. This narrow SECURITY DEFINER function is the explicit cross-tenant path
 * for that one question: it answers a yes/no, never which LSPs or any row.
 */
export class UserOtherMemberships1764000000033 implements MigrationInterface {
  name = 'UserOtherMemberships1764000000033';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION user_other_memberships_exist(target_user uuid, tenant uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = target_user AND tenant_id <> tenant) $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION user_other_memberships_exist(uuid, uuid) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION user_other_memberships_exist(uuid, uuid) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION user_other_memberships_exist(uuid, uuid)`);
  }
}
