import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, CURRENT_TENANT_SQL } from './row-level-security';

/** Owns the sign-in functions: the only role that reads password hashes, MFA secrets and reset tokens. */
export const AUTH_ROLE = 'dspt_auth';
/** Owns `transfer_provider`: may move a provider's rows between LSPs, and nothing else. */
export const TRANSFER_ROLE = 'dspt_transfer';

/** Columns of `users` and `password_resets` the app role may not read: only AUTH_ROLE's functions do. */
export const SECRET_COLUMNS: Record<string, string[]> = {
  users: ['password_hash', 'mfa_secret_encrypted', 'mfa_recovery_code_hashes'],
  password_resets: ['token_hash'],
};

/** What `transfer_provider` updates, directly or through the triggers its updates fire. */
const TRANSFER_TABLES = {
  update: [
    'providers',
    'provider_contacts',
    'question_progress',
    'assessments',
    'publications',
    'case_notes',
    'tasks',
    'email_messages',
  ],
  delete: ['provider_triage'],
};

export function createRole(role: string): string {
  // Roles are cluster-wide: several databases (parallel test runs) may create the same one at once.
  return `DO $$ BEGIN
     IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
       CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
     END IF;
   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
   END $$`;
}

/** A function's new owner must have CREATE on its schema at the moment of the change, and not after. */
export function giveTo(role: string, fn: string): string[] {
  return [
    `GRANT CREATE ON SCHEMA public TO ${role}`,
    `ALTER FUNCTION ${fn} OWNER TO ${role}`,
    `REVOKE CREATE ON SCHEMA public FROM ${role}`,
  ];
}

/** `moreUpdates`: statements for tables added by later migrations that hold a provider's rows (`ids`). */
export function transferProvider(checks: string, moreUpdates = ''): string {
  return `
      CREATE OR REPLACE FUNCTION transfer_provider(ods text, to_tenant uuid)
      RETURNS TABLE (provider_id uuid, ods_code text, name text, kind text, from_tenant uuid, parent_ods_code text,
                     previous_adviser_id uuid, version integer, moved boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
      AS $$
      #variable_conflict use_column
      DECLARE
        target providers%ROWTYPE;
        ids uuid[];
      BEGIN
        ${checks}
        SELECT * INTO target FROM providers p WHERE p.ods_code = ods FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        IF target.kind = 'branch' OR target.tenant_id = to_tenant THEN
          RETURN QUERY
            SELECT target.id, target.ods_code, target.name, target.kind, target.tenant_id,
                   (SELECT hq.ods_code FROM providers hq WHERE hq.id = target.parent_id),
                   target.assigned_adviser_id, target.version, false;
          RETURN;
        END IF;
        SELECT array_agg(p.id ORDER BY p.id) INTO ids FROM providers p WHERE p.id = target.id OR p.parent_id = target.id;
        PERFORM 1 FROM providers p WHERE p.id = ANY(ids) ORDER BY p.id FOR UPDATE;
        RETURN QUERY
          SELECT p.id, p.ods_code, p.name, p.kind, p.tenant_id, hq.ods_code, p.assigned_adviser_id, p.version + 1, true
          FROM providers p LEFT JOIN providers hq ON hq.id = p.parent_id
          WHERE p.id = ANY(ids) ORDER BY p.parent_id NULLS FIRST, p.ods_code;
        UPDATE providers p SET tenant_id = to_tenant, assigned_adviser_id = NULL, version = p.version + 1, updated_at = now()
          WHERE p.id = ANY(ids);
        UPDATE provider_contacts c SET tenant_id = to_tenant WHERE c.provider_id = ANY(ids);
        UPDATE question_progress q SET tenant_id = to_tenant
          FROM assessments a WHERE a.id = q.assessment_id AND a.provider_id = ANY(ids);
        UPDATE assessments a SET tenant_id = to_tenant WHERE a.provider_id = ANY(ids);
        UPDATE publications pub SET tenant_id = to_tenant WHERE pub.provider_id = ANY(ids);
        UPDATE case_notes n SET tenant_id = to_tenant WHERE n.provider_id = ANY(ids);
        UPDATE tasks t SET tenant_id = to_tenant, assignee_id = CASE WHEN t.done_at IS NULL THEN NULL ELSE t.assignee_id END
          WHERE t.provider_id = ANY(ids);${moreUpdates}
      END
      $$`;
}

/**
 * The caller checks `transfer_provider` now makes itself: only a login that is a member of the app role
 * (or the owner), never inside an LSP's transaction (a tenant-scoped query cannot move providers), and
 * only with an ODS code and an LSP that exists.
 */
export const TRANSFER_CHECKS = `
        IF NOT pg_has_role(session_user, '${APP_ROLE}', 'MEMBER') THEN
          RAISE EXCEPTION 'transfer_provider may be called only by the app' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF ${CURRENT_TENANT_SQL} IS NOT NULL THEN
          RAISE EXCEPTION 'transfer_provider is not for use inside an LSP''s transaction' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF ods IS NULL OR to_tenant IS NULL OR NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = to_tenant) THEN
          RAISE EXCEPTION 'transfer_provider needs an ODS code and an existing LSP' USING ERRCODE = 'invalid_parameter_value';
        END IF;`;

/** Refuses inside an LSP's transaction: no tenant-scoped query reaches a secret through these functions. */
const OUTSIDE_TENANTS_ONLY = (fn: string) => `
         IF ${CURRENT_TENANT_SQL} IS NOT NULL THEN
           RAISE EXCEPTION '${fn} is not for use inside an LSP''s transaction' USING ERRCODE = 'insufficient_privilege';
         END IF;`;

const AUTH_FUNCTIONS = [
  // Sign-in, and an existing account accepting an invitation. Inside an LSP only for someone that LSP
  // has a live invitation for (the acceptance runs in the LSP named by the link).
  {
    signature: 'auth_password_hash(uuid)',
    sql: `CREATE FUNCTION auth_password_hash(account uuid) RETURNS text
       LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         IF ${CURRENT_TENANT_SQL} IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM invitations i JOIN users u ON u.email = i.email
              WHERE u.id = account AND i.tenant_id = ${CURRENT_TENANT_SQL}
                AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) THEN
           RAISE EXCEPTION 'auth_password_hash answers inside an LSP only for its invitees' USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN (SELECT u.password_hash FROM users u WHERE u.id = account);
       END $$`,
  },
  // The second factor: the sealed TOTP secret (AES-GCM, key outside the database).
  {
    signature: 'auth_mfa_secret(uuid)',
    sql: `CREATE FUNCTION auth_mfa_secret(account uuid) RETURNS text
       LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
       BEGIN ${OUTSIDE_TENANTS_ONLY('auth_mfa_secret')}
         RETURN (SELECT u.mfa_secret_encrypted FROM users u WHERE u.id = account);
       END $$`,
  },
  // Spends one recovery code (by its hash): true when it was unused. The hashes never leave the database.
  {
    signature: 'auth_spend_recovery_code(uuid, text)',
    sql: `CREATE FUNCTION auth_spend_recovery_code(account uuid, code_hash text) RETURNS boolean
       LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
       BEGIN ${OUTSIDE_TENANTS_ONLY('auth_spend_recovery_code')}
         UPDATE users u SET mfa_recovery_code_hashes = array_remove(u.mfa_recovery_code_hashes, code_hash)
         WHERE u.id = account AND code_hash = ANY (u.mfa_recovery_code_hashes);
         RETURN FOUND;
       END $$`,
  },
  // The password-reset link with this token hash, locked for the rest of the transaction.
  {
    signature: 'auth_password_reset(text)',
    sql: `CREATE FUNCTION auth_password_reset(hash text)
       RETURNS TABLE (id uuid, user_id uuid, expires_at timestamptz, used_at timestamptz)
       LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
       #variable_conflict use_column
       BEGIN ${OUTSIDE_TENANTS_ONLY('auth_password_reset')}
         RETURN QUERY SELECT r.id, r.user_id, r.expires_at, r.used_at FROM password_resets r WHERE r.token_hash = hash FOR UPDATE;
       END $$`,
  },
];

/**
 * Inside an LSP's transaction the app may still write `users` (invitees join, an LSP admin resets a
 * member's MFA), but never what would take over an account in any LSP: a password, an email address, a
 * programme-wide role, or a second factor of its choosing. Clearing MFA is allowed only for a member of
 * that LSP with no programme-wide role (memberships are read under row-level security, so "member" means
 * "of this LSP"). Outside any LSP (sign-in, resets, enrolment) and for the owner nothing is checked here.
 */
const USERS_GUARD = `
      CREATE FUNCTION users_guard_inside_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${CURRENT_TENANT_SQL} IS NULL THEN
          RETURN NEW;
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.global_role IS NOT NULL THEN
            RAISE EXCEPTION 'users: no programme-wide role is given inside an LSP' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.email IS DISTINCT FROM OLD.email
           OR NEW.global_role IS DISTINCT FROM OLD.global_role THEN
          RAISE EXCEPTION 'users: password, email and programme-wide role are not changed inside an LSP'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.mfa_secret_encrypted IS DISTINCT FROM OLD.mfa_secret_encrypted
            OR NEW.mfa_enrolled_at IS DISTINCT FROM OLD.mfa_enrolled_at
            OR NEW.mfa_recovery_code_hashes IS DISTINCT FROM OLD.mfa_recovery_code_hashes)
           AND (NEW.mfa_secret_encrypted IS NOT NULL OR NEW.mfa_enrolled_at IS NOT NULL OR NEW.mfa_recovery_code_hashes <> '{}'
                OR OLD.global_role IS NOT NULL OR NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = OLD.id)) THEN
          RAISE EXCEPTION 'users: inside an LSP a second factor may only be cleared, for a member of that LSP'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`;

/**
 * Database roles (security hardening):
 * - `users` and `password_resets` keep their secrets from the app role: it may read every other column,
 *   and reaches a password hash, an MFA secret, the recovery codes or a reset token only through the
 *   SECURITY DEFINER functions above, owned by `dspt_auth` (NOLOGIN, no BYPASSRLS);
 * - `transfer_provider` runs as `dspt_transfer` (NOLOGIN, no BYPASSRLS) instead of the schema owner, with
 *   row-level security policies that let only that role see and move a provider's rows across LSPs, and
 *   checks its caller;
 * - a trigger keeps writes to `users` inside an LSP from taking over an account (USERS_GUARD).
 * The app's LOGIN role itself is made by `cli.js migrate` from DATABASE_URL (app-login.ts), not here: its
 * name and password are deployment settings.
 */
export class DatabaseRoles1764000000030 implements MigrationInterface {
  name = 'DatabaseRoles1764000000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    const readable = async (table: string): Promise<string> => {
      const columns: Array<{ name: string }> = await queryRunner.query(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND NOT (column_name = ANY ($2)) ORDER BY ordinal_position`,
        [table, SECRET_COLUMNS[table]],
      );
      return columns.map((column) => column.name).join(', ');
    };
    const statements = [
      createRole(AUTH_ROLE),
      createRole(TRANSFER_ROLE),
      `GRANT USAGE ON SCHEMA public TO ${AUTH_ROLE}, ${TRANSFER_ROLE}`,

      // The app role reads every column but the secrets (a column grant cannot be narrowed under a table grant).
      `REVOKE SELECT ON users, password_resets FROM ${APP_ROLE}`,
      `GRANT SELECT (${await readable('users')}) ON users TO ${APP_ROLE}`,
      `GRANT SELECT (${await readable('password_resets')}) ON password_resets TO ${APP_ROLE}`,
      `GRANT SELECT (id, email, password_hash, mfa_secret_encrypted, mfa_recovery_code_hashes) ON users TO ${AUTH_ROLE}`,
      `GRANT UPDATE (mfa_recovery_code_hashes) ON users TO ${AUTH_ROLE}`,
      `GRANT SELECT, UPDATE ON password_resets TO ${AUTH_ROLE}`,
      `GRANT SELECT (email, tenant_id, accepted_at, revoked_at, expires_at) ON invitations TO ${AUTH_ROLE}`,
      ...AUTH_FUNCTIONS.flatMap(({ signature, sql }) => [
        sql,
        ...giveTo(AUTH_ROLE, signature),
        `REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`,
        `GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`,
      ]),

      // transfer_provider: the rows it moves, seen and written through policies for its owner alone.
      `GRANT SELECT ON tenants TO ${TRANSFER_ROLE}`,
      `GRANT SELECT, UPDATE ON ${TRANSFER_TABLES.update.join(', ')} TO ${TRANSFER_ROLE}`,
      `GRANT SELECT, DELETE ON ${TRANSFER_TABLES.delete.join(', ')} TO ${TRANSFER_ROLE}`,
      ...[...TRANSFER_TABLES.update, ...TRANSFER_TABLES.delete].map(
        (table) => `CREATE POLICY ${table}_transfer ON ${table} TO ${TRANSFER_ROLE} USING (true) WITH CHECK (true)`,
      ),
      transferProvider(TRANSFER_CHECKS),
      ...giveTo(TRANSFER_ROLE, 'transfer_provider(text, uuid)'),

      // The daily snapshot is the app's one write into programme-wide figures: not from inside an LSP.
      `ALTER FUNCTION stats_take_snapshot(uuid, date) RENAME TO stats_take_snapshot_unchecked`,
      `REVOKE ALL ON FUNCTION stats_take_snapshot_unchecked(uuid, date) FROM PUBLIC, ${APP_ROLE}`,
      `CREATE FUNCTION stats_take_snapshot(cycle uuid, on_day date) RETURNS integer
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
         BEGIN ${OUTSIDE_TENANTS_ONLY('stats_take_snapshot')}
           RETURN stats_take_snapshot_unchecked(cycle, on_day);
         END $$`,
      `REVOKE ALL ON FUNCTION stats_take_snapshot(uuid, date) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION stats_take_snapshot(uuid, date) TO ${APP_ROLE}`,

      USERS_GUARD,
      `CREATE TRIGGER tr_users_guard_inside_tenant BEFORE INSERT OR UPDATE ON users
         FOR EACH ROW EXECUTE FUNCTION users_guard_inside_tenant()`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TRIGGER tr_users_guard_inside_tenant ON users`,
      `DROP FUNCTION users_guard_inside_tenant()`,
      `DROP FUNCTION stats_take_snapshot(uuid, date)`,
      `ALTER FUNCTION stats_take_snapshot_unchecked(uuid, date) RENAME TO stats_take_snapshot`,
      `GRANT EXECUTE ON FUNCTION stats_take_snapshot(uuid, date) TO ${APP_ROLE}`,
      `ALTER FUNCTION transfer_provider(text, uuid) OWNER TO CURRENT_USER`,
      transferProvider(''),
      ...[...TRANSFER_TABLES.update, ...TRANSFER_TABLES.delete].map(
        (table) => `DROP POLICY ${table}_transfer ON ${table}`,
      ),
      `REVOKE ALL ON ${[...TRANSFER_TABLES.update, ...TRANSFER_TABLES.delete].join(', ')}, tenants FROM ${TRANSFER_ROLE}`,
      ...AUTH_FUNCTIONS.map(({ signature }) => `DROP FUNCTION ${signature}`),
      `REVOKE ALL ON users, password_resets, invitations FROM ${AUTH_ROLE}`,
      `REVOKE SELECT ON users, password_resets FROM ${APP_ROLE}`,
      `GRANT SELECT ON users, password_resets TO ${APP_ROLE}`,
      // The roles are cluster-wide and may serve other databases: they stay, like dspt_app.
      `REVOKE USAGE ON SCHEMA public FROM ${AUTH_ROLE}, ${TRANSFER_ROLE}`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }
}
