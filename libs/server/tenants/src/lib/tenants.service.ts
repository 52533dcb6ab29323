import type { TenantSummary } from '@dspt/contracts';
import { globalRoleGrants } from '@dspt/domain';
import { AuditService } from '@dspt/server/audit';
import { TenantEntity } from '@dspt/server/database';
import { ScopedDatabase, type SignedInUser } from '@dspt/server/tenancy';
import { InvitationsService } from '@dspt/server/users';
import { ConflictException, Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { CreateTenantDto } from './tenants.dto';

/** The unique index on tenants.slug: a concurrent create with the same slug got there first. */
function isSlugTaken(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
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
      const tenants = await this.database.outsideTenants((manager) => manager.find(TenantEntity, { order: { name: 'ASC' } }));
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
    const slugTaken = () => new ConflictException(`An LSP with the slug "${input.slug}" already exists`);
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
      const tenant = await manager.save(manager.create(TenantEntity, { slug: input.slug, name: input.name.trim(), region: input.region }));
      await this.database.switchTenant(manager, tenant.id);
      await this.audit.record({ action: 'tenant.created', tenantId: tenant.id, target: { type: 'tenant', id: tenant.id }, after: toSummary(tenant) }, manager);
      if (input.adminEmail) {
        await this.invitations.invite({ tenant, role: 'admin' }, input.adminEmail, manager);
      }
      return toSummary(tenant);
    });
  }
}
