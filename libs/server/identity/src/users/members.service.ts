import { Conflict, NotFound } from '@dspt/domain';
import type { AssignableAdviser, TenantMember } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { AuditService, MembershipEntity, UserEntity, requireSignedInUser, ScopedDatabase } from '@dspt/server/data';
import { SessionStore } from '../auth';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: TenantRole;
  mfa_enrolled: boolean;
  joined_at: Date;
}

const MEMBERS_SQL = `
  SELECT m.user_id, u.email, u.display_name, m.role, u.mfa_enrolled_at IS NOT NULL AS mfa_enrolled, m.created_at AS joined_at
  FROM memberships m JOIN users u ON u.id = m.user_id`;

function toMember(row: MemberRow): TenantMember {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    mfaEnrolled: row.mfa_enrolled,
    joinedAt: new Date(row.joined_at).toISOString(),
  };
}

/** The current LSP's users. Queries carry no tenant filter of their own: row-level security scopes them. */
@Injectable()
export class MembersService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly sessions: SessionStore,
  ) {}

  list(): Promise<TenantMember[]> {
    return this.database.inCurrentTenant(async (manager) => {
      const rows: MemberRow[] = await manager.query(`${MEMBERS_SQL} ORDER BY u.display_name`);
      return rows.map(toMember);
    });
  }

  /** Advisers and admins: whom providers and tasks can be assigned to. Readable by anyone in the LSP. */
  async listAssignable(): Promise<AssignableAdviser[]> {
    const members = await this.list();
    return members
      .filter((member) => member.role !== 'viewer')
      .map(({ userId, displayName, role }) => ({ userId, displayName, role }));
  }

  changeRole(userId: string, role: TenantRole): Promise<TenantMember> {
    return this.database.inCurrentTenant(async (manager) => {
      await this.serialiseMembershipChanges(manager);
      const membership = await this.lockMembership(manager, userId);
      if (membership.role === role) {
        return this.member(manager, userId);
      }
      if (membership.role === 'admin') {
        await this.keepAnAdmin(manager, 'change the role of');
      }
      await manager.update(MembershipEntity, { id: membership.id }, { role });
      await this.audit.record(
        {
          action: 'membership.role_changed',
          tenantId: membership.tenantId,
          target: { type: 'user', id: userId },
          before: { role: membership.role },
          after: { role },
        },
        manager,
      );
      return this.member(manager, userId);
    });
  }

  async remove(userId: string): Promise<void> {
    const elsewhere = await this.database.inCurrentTenant(async (manager) => {
      await this.serialiseMembershipChanges(manager);
      const membership = await this.lockMembership(manager, userId);
      if (membership.role === 'admin') {
        await this.keepAnAdmin(manager, 'remove');
      }
      await manager.delete(MembershipEntity, { id: membership.id });
      await this.audit.record(
        {
          action: 'membership.removed',
          tenantId: membership.tenantId,
          target: { type: 'user', id: userId },
          before: { role: membership.role },
        },
        manager,
      );
      return this.belongsElsewhere(manager, userId, membership.tenantId);
    });
    // Access is checked against memberships on every request, so this LSP is closed to them at once.
    // Ending their sessions also drops any open pages, but only when this LSP was their only one: their
    // work in other LSPs is not this LSP's admin's to interrupt.
    if (!elsewhere) {
      await this.sessions.destroyAllForUser(userId);
    }
  }

  /**
   * For someone who lost their authenticator: removes their second factor and ends their sessions, so
   * they set it up again at their next sign-in. Not for one's own account, nor for programme-wide roles,
   * nor for people who also belong to another LSP: the second factor is the whole account's.
   */
  async resetMfa(userId: string): Promise<TenantMember> {
    if (userId === requireSignedInUser().id) {
      throw new Conflict('You cannot reset your own two-factor authentication: ask another admin of this LSP');
    }
    const member = await this.database.inCurrentTenant(async (manager) => {
      const membership = await this.lockMembership(manager, userId);
      const user = await manager.findOneByOrFail(UserEntity, { id: userId });
      if (user.globalRole) {
        throw new Conflict(
          'This account has a programme-wide role: a system admin must reset its two-factor authentication',
        );
      }
      if (await this.belongsElsewhere(manager, userId, membership.tenantId)) {
        throw new Conflict(
          'This person is also a member of another LSP, and their MFA covers all of them: ask a system admin to reset it',
        );
      }
      if (!user.mfaEnrolledAt) {
        throw new Conflict('This user has not set up two-factor authentication, so there is nothing to reset');
      }
      await manager.update(
        UserEntity,
        { id: userId },
        { mfaSecretEncrypted: null, mfaEnrolledAt: null, mfaLastTimeStep: null, mfaRecoveryCodeHashes: [] },
      );
      await this.audit.record(
        { action: 'auth.mfa_reset', tenantId: membership.tenantId, target: { type: 'user', id: userId } },
        manager,
      );
      return this.member(manager, userId);
    });
    await this.sessions.destroyAllForUser(userId);
    return member;
  }

  /**
   * Whether the user belongs to any other LSP: RLS hides those memberships here, so this asks the one
   * cross-tenant function made for it (a yes/no, see docs/security.md "Cross-tenant paths").
   */
  private async belongsElsewhere(manager: EntityManager, userId: string, tenantId: string): Promise<boolean> {
    const [row]: Array<{ elsewhere: boolean }> = await manager.query(
      `SELECT user_other_memberships_exist($1, $2) AS elsewhere`,
      [userId, tenantId],
    );
    return row.elsewhere;
  }

  /**
   * One membership change at a time per LSP. Without it two admins demoting themselves at once each lock
   * their own row and then wait for the other's in keepAnAdmin: a deadlock, answered with a 500.
   */
  private async serialiseMembershipChanges(manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('memberships:' || current_setting('app.tenant_id'), 0))`,
    );
  }

  private async lockMembership(manager: EntityManager, userId: string): Promise<MembershipEntity> {
    const membership = await manager.findOne(MembershipEntity, {
      where: { userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!membership) {
      throw new NotFound('No such user in this LSP');
    }
    return membership;
  }

  /** Every LSP keeps at least one admin, so it can always manage its own users. */
  private async keepAnAdmin(manager: EntityManager, verb: string): Promise<void> {
    const admins = await manager.find(MembershipEntity, {
      where: { role: 'admin' },
      lock: { mode: 'pessimistic_write' },
    });
    if (admins.length <= 1) {
      throw new Conflict(`You cannot ${verb} the LSP's only admin: make someone else an admin first`);
    }
  }

  private async member(manager: EntityManager, userId: string): Promise<TenantMember> {
    const [row]: MemberRow[] = await manager.query(`${MEMBERS_SQL} WHERE m.user_id = $1`, [userId]);
    return toMember(row);
  }
}
