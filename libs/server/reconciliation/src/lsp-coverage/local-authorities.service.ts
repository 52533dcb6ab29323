import type { LocalAuthorities } from '@dspt/contracts';
import { normaliseLocalAuthorities } from '@dspt/domain';
import { AuditService, requireTenantContext, ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The local authorities the current LSP covers. Its members read them; its admins and system admins (who
 * are not members, and set them up for a new LSP: the routes' `orGlobal`) replace them.
 */
@Injectable()
export class LocalAuthoritiesService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<LocalAuthorities> {
    return this.database.inCurrentTenant(async (manager) => ({ localAuthorities: await this.read(manager) }));
  }

  replace(names: readonly string[]): Promise<LocalAuthorities> {
    const tenantId = requireTenantContext().id;
    const wanted = normaliseLocalAuthorities(names);
    return this.database.inCurrentTenant(async (manager) => {
      const before = await this.read(manager);
      await manager.query(`DELETE FROM tenant_local_authorities`);
      await manager.query(
        `INSERT INTO tenant_local_authorities (tenant_id, local_authority) SELECT $1, unnest($2::text[])`,
        [tenantId, wanted],
      );
      await this.audit.record(
        {
          action: 'tenant.local_authorities_updated',
          tenantId,
          target: { type: 'tenant', id: tenantId },
          before: { localAuthorities: before },
          after: { localAuthorities: wanted },
        },
        manager,
      );
      return { localAuthorities: wanted };
    });
  }

  private async read(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ local_authority: string }> = await manager.query(
      `SELECT local_authority FROM tenant_local_authorities ORDER BY lower(local_authority)`,
    );
    return rows.map((row) => row.local_authority);
  }
}
