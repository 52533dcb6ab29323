import type { Invitation, TenantDetail, TenantSummary } from '@dspt/contracts';
import { globalRoleGrants, Conflict, NotFound } from '@dspt/domain';
import {
  AuditService,
  InvitationEntity,
  MembershipEntity,
  TenantEntity,
  ScopedDatabase,
  type SignedInUser,
} from '@dspt/server/data';
import { InvitationsService } from '../users';
import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, QueryFailedError } from 'typeorm';
import type { CreateTenantDto } from './tenants.dto';

/** The unique index on tenants.slug: a concurrent create with the same slug got there first. */
function isSlugTaken(error: unknown): boolean {
  const driverError =
    error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === 'uq_tenants_slug';
}

function toSummary(tenant: TenantEntity): TenantSummary {
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, region: tenant.region };
}

@Injectable()
export class TenantsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
  ) {}

  /** Every LSP for programme-wide roles; otherwise only the LSPs the user belongs to. */
  async listFor(user: SignedInUser): Promise<TenantSummary[]> {
    if (globalRoleGrants(user.globalRole, 'tenants.list-all')) {
      const tenants = await this.database.outsideTenants((manager) =>
        manager.find(TenantEntity, { order: { name: 'ASC' } }),
      );
      return tenants.map(toSummary);
    }
    return this.database.outsideTenants(
      (manager) =>
        manager.query(
          `SELECT t.id, t.slug, t.name, t.region FROM tenants t JOIN memberships m ON m.tenant_id = t.id
           WHERE m.user_id = $1 ORDER BY t.name`,
          [user.id],
        ),
      user.id,
    );
  }

  /** Creates the LSP and, when asked, invites its first admin, all in one transaction. */
  async create(input: CreateTenantDto): Promise<TenantSummary> {
    const slugTaken = () => new Conflict(`An LSP with the slug "${input.slug}" already exists`);
    const taken = await this.database.outsideTenants((manager) => manager.existsBy(TenantEntity, { slug: input.slug }));
    if (taken) {
      throw slugTaken();
    }
    try {
      return await this.createChecked(input);
    } catch (error) {
      throw isSlugTaken(error) ? slugTaken() : error;
    }
  }

  private createChecked(input: CreateTenantDto): Promise<TenantSummary> {
    return this.database.outsideTenants(async (manager) => {
      const tenant = await manager.save(
        manager.create(TenantEntity, { slug: input.slug, name: input.name.trim(), region: input.region }),
      );
      await this.database.switchTenant(manager, tenant.id);
      await this.audit.record(
        {
          action: 'tenant.created',
          tenantId: tenant.id,
          target: { type: 'tenant', id: tenant.id },
          after: toSummary(tenant),
        },
        manager,
      );
      if (input.adminEmail) {
        await this.invitations.invite({ tenant, role: 'admin' }, input.adminEmail, manager);
      }
      return toSummary(tenant);
    });
  }

  /**
   * One LSP for a system admin: its name, region and the size of its team (counts only, no names), and the
   * invitations still pending. Reads the LSP's own rows inside its tenant scope.
   */
  async detail(slug: string): Promise<TenantDetail> {
    const tenant = await this.bySlug(slug);
    return this.database.inTenant(tenant.id, async (manager) => {
      const members = await manager.countBy(MembershipEntity, { tenantId: tenant.id });
      const admins = await manager.countBy(MembershipEntity, { tenantId: tenant.id, role: 'admin' });
      const pending = await manager.find(InvitationEntity, {
        where: { tenantId: tenant.id, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
        take: 50,
      });
      return {
        ...toSummary(tenant),
        members,
        admins,
        pendingInvitations: pending.map((row) => ({
          email: row.email,
          role: row.role ?? 'viewer',
          expiresAt: row.expiresAt.toISOString(),
        })),
      };
    });
  }

  /** Invites an admin of the LSP named by `slug`: how an LSP created without one gets its first admin. */
  async inviteAdmin(slug: string, email: string): Promise<Invitation> {
    const tenant = await this.bySlug(slug);
    return this.invitations.invite({ tenant, role: 'admin' }, email);
  }

  private async bySlug(slug: string): Promise<TenantEntity> {
    const tenant = await this.database.outsideTenants((manager) => manager.findOneBy(TenantEntity, { slug }));
    if (!tenant) {
      throw new NotFound(`No LSP with the slug "${slug}"`);
    }
    return tenant;
  }
}
