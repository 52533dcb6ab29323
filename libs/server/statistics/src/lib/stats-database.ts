import { STATS_ROLE, ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The only ways statistics reach PostgreSQL. Programme-wide figures run as the role `dspt_stats`
 * (`SET LOCAL ROLE`, for this transaction only), which can read the aggregate tables and nothing else: no
 * provider, contact, note or user, whatever SQL the code sends (docs/security.md). An LSP's own figures run
 * as the app role in that LSP, where row-level security shows only its own cells.
 */
@Injectable()
export class StatsDatabase {
  constructor(private readonly database: ScopedDatabase) {}

  programmeWide<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.database.outsideTenants(async (manager) => {
      await manager.query(`SET LOCAL ROLE ${STATS_ROLE}`);
      return work(manager);
    });
  }

  inCurrentTenant<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.database.inCurrentTenant(work);
  }
}
