import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './row-level-security';

/**
 * Two things the provider screens need:
 * - a contact's phone number, so an adviser can call the provider from its page. Optional (many contacts
 *   are known only by email); the app checks it is a UK number (ukPhoneNumberProblem), the column caps its
 *   length, and the table's grants and row-level security already cover the new column;
 * - whether an ODS code is registered in any LSP, for the add-provider form's check as the adviser types.
 *   ODS codes are unique nationally but row-level security hides other LSPs' providers, so this narrow
 *   SECURITY DEFINER function is the explicit cross-tenant path for that one question: it answers yes or
 *   no, never which LSP or any row.
 */
export class ContactPhoneAndOdsCheck1764000000040 implements MigrationInterface {
  name = 'ContactPhoneAndOdsCheck1764000000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE provider_contacts ADD COLUMN phone text CONSTRAINT ck_provider_contacts_phone_length CHECK (char_length(phone) <= 30)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION ods_code_registered(code text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT EXISTS (SELECT 1 FROM providers WHERE ods_code = code) $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ods_code_registered(text) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ods_code_registered(text) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ods_code_registered(text)`);
    await queryRunner.query(`ALTER TABLE provider_contacts DROP COLUMN phone`);
  }
}
