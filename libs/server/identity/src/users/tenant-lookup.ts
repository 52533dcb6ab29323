import { NotFound } from '@dspt/domain';
import { TenantEntity, ScopedDatabase } from '@dspt/server/data';
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
