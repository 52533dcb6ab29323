import type { CurrentUser } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { UserEntity } from '@dspt/server/database';
import { ScopedDatabase, type SignedInUser } from '@dspt/server/tenancy';
import { Injectable } from '@nestjs/common';

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

  async findSignedInUser(id: string): Promise<SignedInUser | null> {
    const user = await this.findById(id);
    return user && { id: user.id, email: user.email, globalRole: user.globalRole };
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
