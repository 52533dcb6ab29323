import { NotFound } from '@dspt/domain';
import { TenantEntity } from '@dspt/server/database';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { Injectable } from '@nestjs/common';

/** Tenants are a global table: their names and slugs are not secret between LSPs. */
@Injectable()
export class TenantLookup {
  constructor(private readonly database: ScopedDatabase) {}

  async byId(id: string): Promise<TenantEntity> {
    const tenant = await this.database.outsideTenants((manager) => manager.findOneBy(TenantEntity, { id }));
    if (!tenant) {
      throw new NotFound('LSP not found');
    }
    return tenant;
  }
}
