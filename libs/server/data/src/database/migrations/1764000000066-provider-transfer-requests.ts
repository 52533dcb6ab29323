import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TRANSFER_ROLE } from './1764000000030-database-roles';
import { APP_ROLE, CURRENT_TENANT_SQL } from './row-level-security';

/**
 * Moving a provider between LSPs as a request and an answer: the LSP that holds a provider offers it to
 * another LSP, which accepts (the provider moves with its history, through `transfer_provider`) or
 * declines with a reason; the asking LSP may cancel while it waits. A request belongs to BOTH LSPs, so
 * instead of one `tenant_id` it has `from_tenant_id` and `to_tenant_id`, and its policy lets either side
 * see and answer it and nobody else. It copies the minimum of the provider (name, ODS code, how many
 * branches go with it) so the receiving LSP decides without reading any of the provider's casework.
 * Erasing the provider (it left the programme) deletes its requests with it, notes and all.
 *
 * A system admin sees every LSP's requests through `programme_transfer_requests()`, a SECURITY DEFINER
 * function owned by `dspt_transfer` that refuses calls from inside an LSP's transaction.
 */
export class ProviderTransferRequests1764000000066 implements MigrationInterface {
  name = 'ProviderTransferRequests1764000000066';

  async up(queryRunner: QueryRunner): Promise<void> {
    const parties = `(from_tenant_id = ${CURRENT_TENANT_SQL} OR to_tenant_id = ${CURRENT_TENANT_SQL})`;
    const statements = [
      `CREATE TABLE provider_transfer_requests (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         from_tenant_id uuid NOT NULL REFERENCES tenants (id),
         to_tenant_id uuid NOT NULL REFERENCES tenants (id),
         provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
         ods_code text NOT NULL,
         provider_name text NOT NULL,
         branch_count integer NOT NULL DEFAULT 0,
         note text NOT NULL CONSTRAINT ck_transfer_requests_note CHECK (length(trim(note)) BETWEEN 1 AND 500),
         status text NOT NULL DEFAULT 'pending'
           CONSTRAINT ck_transfer_requests_status CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
         decline_reason text
           CONSTRAINT ck_transfer_requests_decline_reason CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
         requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
         requested_at timestamptz NOT NULL DEFAULT now(),
         answered_by uuid REFERENCES users (id) ON DELETE SET NULL,
         answered_at timestamptz,
         version integer NOT NULL DEFAULT 1,
         CONSTRAINT ck_transfer_requests_two_lsps CHECK (from_tenant_id <> to_tenant_id),
         CONSTRAINT ck_transfer_requests_answered CHECK ((status = 'pending') = (answered_at IS NULL))
       )`,
      // One open request per provider: a second ask while one waits is a conflict, not a queue.
      `CREATE UNIQUE INDEX ux_transfer_requests_pending ON provider_transfer_requests (provider_id)
         WHERE status = 'pending'`,
      `CREATE INDEX ix_transfer_requests_from ON provider_transfer_requests (from_tenant_id, requested_at DESC)`,
      `CREATE INDEX ix_transfer_requests_to ON provider_transfer_requests (to_tenant_id, requested_at DESC)`,
      `ALTER TABLE provider_transfer_requests ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY provider_transfer_requests_parties ON provider_transfer_requests TO ${APP_ROLE}
         USING ${parties} WITH CHECK ${parties}`,
      `GRANT SELECT, INSERT, UPDATE ON provider_transfer_requests TO ${APP_ROLE}`,

      `GRANT SELECT ON provider_transfer_requests TO ${TRANSFER_ROLE}`,
      `CREATE POLICY provider_transfer_requests_transfer ON provider_transfer_requests TO ${TRANSFER_ROLE} USING (true)`,
      `CREATE FUNCTION programme_transfer_requests() RETURNS SETOF provider_transfer_requests
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
         BEGIN
           IF ${CURRENT_TENANT_SQL} IS NOT NULL THEN
             RAISE EXCEPTION 'programme_transfer_requests is not for use inside an LSP''s transaction'
               USING ERRCODE = 'insufficient_privilege';
           END IF;
           RETURN QUERY SELECT * FROM provider_transfer_requests r ORDER BY r.requested_at DESC LIMIT 1000;
         END $$`,
      `GRANT CREATE ON SCHEMA public TO ${TRANSFER_ROLE}`,
      `ALTER FUNCTION programme_transfer_requests() OWNER TO ${TRANSFER_ROLE}`,
      `REVOKE CREATE ON SCHEMA public FROM ${TRANSFER_ROLE}`,
      `REVOKE ALL ON FUNCTION programme_transfer_requests() FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION programme_transfer_requests() TO ${APP_ROLE}`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION programme_transfer_requests()`);
    await queryRunner.query(`DROP TABLE provider_transfer_requests`);
  }
}
