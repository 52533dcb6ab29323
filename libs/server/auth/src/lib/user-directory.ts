import type { CurrentUser } from '@dspt/contracts';
import type { GlobalRole, TenantRole } from '@dspt/domain';
import { UserEntity } from '@dspt/server/database';
import { ScopedDatabase, type SignedInUser, type TenantContext } from '@dspt/server/tenancy';
import { Injectable } from '@nestjs/common';

export interface SignedInAccess {
  user: SignedInUser;
  membership: TenantContext | null;
}

/** Reads users and their memberships for sign-in and the access guard. */
@Injectable()
export class UserDirectory {
  constructor(private readonly database: ScopedDatabase) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.database.outsideTenants((manager) => manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() }));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.database.outsideTenants((manager) => manager.findOneBy(UserEntity, { id }));
  }

  /**
   * What the access guard needs on every request, in one query: the signed-in user and, when the route
   * names an LSP, their membership of it (null when they have none). Null when the user no longer exists.
   */
  async findSignedInUser(id: string, tenantSlug?: string): Promise<SignedInAccess | null> {
    const rows: Array<{ id: string; email: string; global_role: GlobalRole | null; tenant_id: string | null; slug: string; role: TenantRole }> =
      await this.database.outsideTenants(
        (manager) =>
          manager.query(
            `SELECT u.id, u.email, u.global_role, t.id AS tenant_id, t.slug, m.role
             FROM users u
             LEFT JOIN (memberships m JOIN tenants t ON t.id = m.tenant_id AND t.slug = $2) ON m.user_id = u.id
             WHERE u.id = $1`,
            [id, tenantSlug ?? null],
          ),
        id,
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

  /** `GET /api/auth/me`: the user's own memberships are readable before any tenant is chosen. */
  async currentUser(id: string): Promise<CurrentUser | null> {
    return this.database.outsideTenants(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { id });
      if (!user) {
        return null;
      }
      const memberships: Array<{ id: string; slug: string; name: string; region: string; role: TenantRole }> = await manager.query(
        `SELECT t.id, t.slug, t.name, t.region, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id
         WHERE m.user_id = $1 ORDER BY t.name`,
        [id],
      );
      return {
        user: { id: user.id, email: user.email, displayName: user.displayName, mfaEnrolled: user.mfaEnrolledAt !== null },
        memberships: memberships.map(({ role, ...tenant }) => ({ tenant, role })),
        roles: user.globalRole ? [user.globalRole] : [],
      };
    }, id);
  }
}
