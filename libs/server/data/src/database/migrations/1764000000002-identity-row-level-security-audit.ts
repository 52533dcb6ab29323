import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  APP_ROLE,
  CURRENT_TENANT_SQL,
  CURRENT_USER_SQL,
  disableTenantIsolation,
  enableTenantIsolation,
} from './row-level-security';

/**
 * Identity and tenant isolation (issue 3):
 * - the `dspt_app` role the api and worker run as: no BYPASSRLS, and no UPDATE/DELETE on the audit trail;
 * - MFA columns on users; invitations; the append-only audit_events table;
 * - row-level security on every tenant-owned table.
 */
export class IdentityRowLevelSecurityAudit1764000000002 implements MigrationInterface {
  name = 'IdentityRowLevelSecurityAudit1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Roles are cluster-wide, so several databases on one server share it; grants below are per database.
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
           CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
         END IF;
       END $$`,
      `ALTER TABLE users
         ADD COLUMN mfa_secret_encrypted text,
         ADD COLUMN mfa_enrolled_at timestamptz,
         ADD COLUMN mfa_last_time_step bigint,
         ADD COLUMN mfa_recovery_code_hashes text[] NOT NULL DEFAULT '{}',
         ADD CONSTRAINT ck_users_mfa_enrolled CHECK ((mfa_enrolled_at IS NULL) = (mfa_secret_encrypted IS NULL))`,
      `CREATE TABLE invitations (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
         email text NOT NULL CONSTRAINT ck_invitations_email_lower CHECK (email = lower(email)),
         role text CONSTRAINT ck_invitations_role CHECK (role IN ('viewer', 'adviser', 'admin')),
         global_role text CONSTRAINT ck_invitations_global_role CHECK (global_role IN ('programme_lead')),
         token_hash text NOT NULL CONSTRAINT uq_invitations_token_hash UNIQUE,
         invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         accepted_at timestamptz,
         revoked_at timestamptz,
         -- An LSP invitation carries an LSP role; a programme-wide one carries a global role instead.
         CONSTRAINT ck_invitations_kind CHECK (
           (tenant_id IS NOT NULL AND role IS NOT NULL AND global_role IS NULL)
           OR (tenant_id IS NULL AND role IS NULL AND global_role IS NOT NULL))
       )`,
      `CREATE INDEX ix_invitations_tenant_email ON invitations (tenant_id, email)`,
      `CREATE TABLE audit_events (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         tenant_id uuid REFERENCES tenants (id),
         actor_user_id uuid,
         action text NOT NULL,
         target_type text,
         target_id text,
         before jsonb,
         after jsonb,
         ip inet
       )`,
      `CREATE INDEX ix_audit_events_tenant_time ON audit_events (tenant_id, occurred_at DESC)`,
      `CREATE INDEX ix_audit_events_actor_time ON audit_events (actor_user_id, occurred_at DESC)`,

      ...enableTenantIsolation('memberships'),
      // Signing in lists a user's own memberships before any tenant is chosen.
      `CREATE POLICY memberships_own_rows ON memberships FOR SELECT USING (user_id = ${CURRENT_USER_SQL})`,
      // Programme-lead invitations belong to no tenant: visible only when no tenant is set.
      `ALTER TABLE invitations ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY invitations_tenant_isolation ON invitations
         USING (tenant_id IS NOT DISTINCT FROM ${CURRENT_TENANT_SQL})
         WITH CHECK (tenant_id IS NOT DISTINCT FROM ${CURRENT_TENANT_SQL})`,
      `ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (tenant_id = ${CURRENT_TENANT_SQL})`,
      `CREATE POLICY audit_events_append ON audit_events FOR INSERT
         WITH CHECK (tenant_id IS NULL OR tenant_id = ${CURRENT_TENANT_SQL})`,

      `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
      `GRANT SELECT, INSERT, UPDATE ON tenants, users TO ${APP_ROLE}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations, assessment_cycles, questions TO ${APP_ROLE}`,
      // Append-only: the app can write and read the trail, never change or remove it.
      `GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE}`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `REVOKE ALL ON tenants, users, memberships, invitations, assessment_cycles, questions, audit_events FROM ${APP_ROLE}`,
      `REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`,
      `DROP POLICY memberships_own_rows ON memberships`,
      ...disableTenantIsolation('memberships'),
      `DROP TABLE audit_events`,
      `DROP TABLE invitations`,
      `ALTER TABLE users
         DROP CONSTRAINT ck_users_mfa_enrolled,
         DROP COLUMN mfa_recovery_code_hashes,
         DROP COLUMN mfa_last_time_step,
         DROP COLUMN mfa_enrolled_at,
         DROP COLUMN mfa_secret_encrypted`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }
}
