import type { CurrentUser } from '@dspt/contracts';
import type { GlobalRole, TenantRole } from '@dspt/domain';
import { UserEntity, ScopedDatabase, type SignedInUser, type TenantContext, VersionedCache } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessChanges } from './access-changes';

/** Users and the LSPs they open, per api process: each entry is two short objects. */
const MAX_CACHED_ACCESS = 5_000;

export interface SignedInAccess {
  user: SignedInUser;
  membership: TenantContext | null;
}

/** Reads users and their memberships for sign-in and the access guard. */
@Injectable()
export class UserDirectory {
  private readonly signedIn = new VersionedCache(MAX_CACHED_ACCESS);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly accessChanges: AccessChanges,
  ) {}

  /**
   * The account with this address, with its password hash and sealed MFA secret filled in: the app role
   * cannot read those columns, only the `auth_*` functions (owned by `dspt_auth`) hand them over.
   */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.database.outsideTenants(async (manager) =>
      withSecrets(manager, await manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() })),
    );
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.database.outsideTenants(async (manager) =>
      withSecrets(manager, await manager.findOneBy(UserEntity, { id })),
    );
  }

  /** Spends one unused recovery code (by its hash) in the database; false when it was not one. */
  spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    return this.database.outsideTenants(async (manager) => {
      const [row]: Array<{ spent: boolean }> = await manager.query(`SELECT auth_spend_recovery_code($1, $2) AS spent`, [
        userId,
        codeHash,
      ]);
      return row.spent;
    });
  }

  /**
   * What the access guard needs on every request: the signed-in user and, when the route names an LSP,
   * their membership of it (null when they have none). Null when the user no longer exists. Kept until
   * access changes (AccessChanges); each caller gets its own copy to fill its request context with.
   */
  async findSignedInUser(id: string, tenantSlug?: string): Promise<SignedInAccess | null> {
    const access = await this.signedIn.get(`${id} ${tenantSlug ?? ''}`, this.accessChanges.version(), () =>
      this.readSignedInUser(id, tenantSlug),
    );
    return access && { user: { ...access.user }, membership: access.membership && { ...access.membership } };
  }

  /** The user and their membership of the LSP, in one query. */
  private async readSignedInUser(id: string, tenantSlug?: string): Promise<SignedInAccess | null> {
    const rows: Array<{
      id: string;
      email: string;
      global_role: GlobalRole | null;
      tenant_id: string | null;
      slug: string;
      role: TenantRole;
    }> = await this.database.readOnce(
      { tenantId: null, userId: id },
      `SELECT u.id, u.email, u.global_role, t.id AS tenant_id, t.slug, m.role
         FROM users u
         LEFT JOIN (memberships m JOIN tenants t ON t.id = m.tenant_id AND t.slug = $2) ON m.user_id = u.id
         WHERE u.id = $1::uuid`,
      [id, tenantSlug ?? null],
    );
    const [row] = rows;
    if (!row) {
      return null;
    }
    return {
      user: { id: row.id, email: row.email, globalRole: row.global_role },
      membership: row.tenant_id ? { id: row.tenant_id, slug: row.slug, role: row.role } : null,
    };
  }

  /** An LSP by its slug (tenants are not tenant-owned rows), for routes a programme-wide role may use. */
  async findTenant(slug: string): Promise<{ id: string; slug: string } | null> {
    const rows: Array<{ id: string; slug: string }> = await this.database.outsideTenants((manager) =>
      manager.query(`SELECT id, slug FROM tenants WHERE slug = $1`, [slug]),
    );
    return rows[0] ?? null;
  }

  /** `GET /api/auth/me`: the user's own memberships are readable before any tenant is chosen. */
  async currentUser(id: string): Promise<CurrentUser | null> {
    return this.database.outsideTenants(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { id });
      if (!user) {
        return null;
      }
      const memberships: Array<{ id: string; slug: string; name: string; region: string; role: TenantRole }> =
        await manager.query(
          `SELECT t.id, t.slug, t.name, t.region, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id
         WHERE m.user_id = $1 ORDER BY t.name`,
          [id],
        );
      return {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          mfaEnrolled: user.mfaEnrolledAt !== null,
        },
        memberships: memberships.map(({ role, ...tenant }) => ({ tenant, role })),
        roles: user.globalRole ? [user.globalRole] : [],
      };
    }, id);
  }
}

async function withSecrets(manager: EntityManager, user: UserEntity | null): Promise<UserEntity | null> {
  if (!user) {
    return null;
  }
  const [secrets]: Array<{ password_hash: string | null; mfa_secret: string | null }> = await manager.query(
    `SELECT auth_password_hash($1) AS password_hash, auth_mfa_secret($1) AS mfa_secret`,
    [user.id],
  );
  user.passwordHash = secrets.password_hash;
  user.mfaSecretEncrypted = secrets.mfa_secret;
  return user;
}

/** The password-reset link with this token hash, locked until the caller's transaction ends; null if none. */
export async function findPasswordReset(
  manager: EntityManager,
  tokenHash: string,
): Promise<{ id: string; userId: string; expiresAt: Date; usedAt: Date | null } | null> {
  const [row]: Array<{ id: string; user_id: string; expires_at: Date; used_at: Date | null }> = await manager.query(
    `SELECT * FROM auth_password_reset($1)`,
    [tokenHash],
  );
  return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
}
