import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emailHashKeyForMigration } from './migration-keys';
import { APP_ROLE, disableTenantIsolation, enableTenantIsolation } from './row-level-security';

/** The shortest audit retention the database allows, whatever the app asks (libs/domain retention.ts). */
const AUDIT_FLOOR = `interval '365 days'`;

/**
 * Unsubscribes follow the address, and what is personal is kept only as long as it is needed.
 *
 * - `email_suppressions`: each LSP's list of unsubscribed addresses, held as HMAC-SHA256 hashes (the key
 *   comes from EMAIL_HASH_KEY and never reaches the database except as a query parameter), so a contact
 *   added again with the same address stays unsubscribed, while the address itself can be erased. It is
 *   the one source of truth: `provider_contacts.unsubscribed_at` goes, after its rows are moved here.
 * - `email_address_hash(email, key)`: the same hash as EmailAddressHasher (libs/server/platform/src/crypto) from the
 *   key's HMAC pads, written with the built-in sha256(), so audience queries need no extension. It folds
 *   ASCII only, like normaliseEmailAddress, so the collation cannot change an answer.
 * - `email_messages.content_removed_at`: when the retention job removed an email's subject and personal
 *   message; the delivery record (contact, address, status, dates) stays.
 * - `purge_audit_events(before)`: the one way to delete audit events (the app may only read and append).
 *   SECURITY DEFINER, executable by the app role only, never more recent than 365 days ago.
 */
export class UnsubscribesByAddressAndRetention1764000000032 implements MigrationInterface {
  name = 'UnsubscribesByAddressAndRetention1764000000032';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION email_address_hash(email text, key bytea) RETURNS bytea
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT sha256(substring(key FROM 65 FOR 64) || sha256(substring(key FROM 1 FOR 64) ||
              convert_to(translate(btrim(email, E' \\t\\r\\n'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'UTF8'))) $$`);
    await queryRunner.query(`
      CREATE TABLE email_suppressions (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        email_hash bytea NOT NULL CONSTRAINT ck_email_suppressions_hash CHECK (length(email_hash) = 32),
        unsubscribed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_email_suppressions PRIMARY KEY (tenant_id, email_hash)
      )`);
    for (const statement of enableTenantIsolation('email_suppressions')) {
      await queryRunner.query(statement);
    }
    await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON email_suppressions TO ${APP_ROLE}`);

    const [{ unsubscribed }]: Array<{ unsubscribed: number }> = await queryRunner.query(
      `SELECT count(*)::int AS unsubscribed FROM provider_contacts WHERE unsubscribed_at IS NOT NULL`,
    );
    if (unsubscribed > 0) {
      await queryRunner.query(
        `INSERT INTO email_suppressions (tenant_id, email_hash, unsubscribed_at)
         SELECT tenant_id, email_address_hash(email, $1), min(unsubscribed_at) FROM provider_contacts
         WHERE unsubscribed_at IS NOT NULL GROUP BY 1, 2`,
        [emailHashKeyForMigration(this.name)],
      );
    }
    await queryRunner.query(`ALTER TABLE provider_contacts DROP COLUMN unsubscribed_at`);

    await queryRunner.query(`ALTER TABLE email_messages ADD COLUMN content_removed_at timestamptz`);

    await queryRunner.query(`
      CREATE FUNCTION purge_audit_events(before timestamptz) RETURNS bigint
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
      AS $$
      DECLARE
        removed bigint;
      BEGIN
        IF before IS NULL OR before > now() - ${AUDIT_FLOOR} THEN
          RAISE EXCEPTION 'purge_audit_events keeps at least the last 365 days of audit events'
            USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- Qualified: audit_events has a column named "before" too.
        DELETE FROM audit_events WHERE occurred_at < purge_audit_events.before;
        GET DIAGNOSTICS removed = ROW_COUNT;
        RETURN removed;
      END
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION purge_audit_events(timestamptz) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION purge_audit_events(timestamptz) TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION purge_audit_events(timestamptz)`);
    await queryRunner.query(`ALTER TABLE email_messages DROP COLUMN content_removed_at`);
    await queryRunner.query(`ALTER TABLE provider_contacts ADD COLUMN unsubscribed_at timestamptz`);
    const [{ suppressed }]: Array<{ suppressed: number }> = await queryRunner.query(
      `SELECT count(*)::int AS suppressed FROM email_suppressions`,
    );
    if (suppressed > 0) {
      // Addresses whose contact rows are gone cannot come back: only the hash was kept.
      await queryRunner.query(
        `UPDATE provider_contacts c SET unsubscribed_at = s.unsubscribed_at FROM email_suppressions s
         WHERE s.tenant_id = c.tenant_id AND s.email_hash = email_address_hash(c.email, $1)`,
        [emailHashKeyForMigration(this.name)],
      );
    }
    for (const statement of disableTenantIsolation('email_suppressions')) {
      await queryRunner.query(statement);
    }
    await queryRunner.query(`DROP TABLE email_suppressions`);
    await queryRunner.query(`DROP FUNCTION email_address_hash(text, bytea)`);
  }
}
