import type { StatisticsOptions } from '@dspt/contracts';
import { currentCycleCode } from '@dspt/domain';
import { Clock } from '@dspt/server/platform';
import { requireTenantContext } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompletionStatisticsService } from './completion-statistics.service';
import { FiguresCache } from './figures-cache';
import { loadCycles, loadTenants } from './stats-context';
import { StatsDatabase } from './stats-database';

/** What the statistics screens offer: cycles, LSPs (programme leads only) and the local authorities in the figures. */
@Injectable()
export class StatisticsOptionsService {
  constructor(
    private readonly stats: StatsDatabase,
    private readonly clock: Clock,
    private readonly completion: CompletionStatisticsService,
    private readonly cache: FiguresCache,
  ) {}

  programme(): Promise<StatisticsOptions> {
    return this.stats.programmeWide(async (manager) => {
      const tenants = [...(await loadTenants(manager)).values()].map(({ slug, name, region }) => ({
        slug,
        name,
        region,
      }));
      return this.options(manager, tenants);
    });
  }

  /** An LSP's own: its local authorities (row-level security), no list of LSPs. */
  lsp(): Promise<StatisticsOptions> {
    return this.cache.get(`options:${requireTenantContext().id}`, () =>
      this.stats.inCurrentTenant((manager) => this.options(manager, [])),
    );
  }

  private async options(manager: EntityManager, tenants: StatisticsOptions['tenants']): Promise<StatisticsOptions> {
    const cycles = await loadCycles(manager);
    const current = currentCycleCode(cycles, this.clock.today());
    const localAuthorities: StatisticsOptions['localAuthorities'] = await manager.query(
      `SELECT DISTINCT local_authority AS name, region FROM stats_completion_cells WHERE providers > 0 ORDER BY local_authority`,
    );
    return {
      cycles: cycles.map(({ code, deadline }) => ({ code, deadline })),
      currentCycle: cycles.some((cycle) => cycle.code === current) ? current : (cycles[0]?.code ?? current),
      tenants,
      localAuthorities,
      targetShare: this.completion.targetShare,
    };
  }
}
