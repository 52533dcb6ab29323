import { Injectable } from '@nestjs/common';
import { FiguresCache } from './figures-cache';
import { loadCycles, loadTenants, type StatsCycle, type TenantLabel } from './stats-context';
import { StatsDatabase } from './stats-database';

export interface StatsReference {
  /** Every cycle, newest first. */
  cycles: StatsCycle[];
  /** LSPs by id. */
  tenants: Map<string, TenantLabel>;
}

/** The cycles and LSPs every statistics answer names, read once until something changes (FiguresCache). */
@Injectable()
export class StatsReferenceData {
  constructor(
    private readonly stats: StatsDatabase,
    private readonly cache: FiguresCache,
  ) {}

  get(): Promise<StatsReference> {
    return this.cache.get('reference', () =>
      this.stats.programmeWide(async (manager) => ({
        cycles: await loadCycles(manager),
        tenants: await loadTenants(manager),
      })),
    );
  }
}
