import type { CompletionTrend, StatsFilters, TrendPoint, TrendSeries } from '@dspt/contracts';
import { completionFigures, emptyStatusCounts, PROVIDER_STATUSES, type StatusCounts } from '@dspt/domain';
import { requireTenantContext } from '@dspt/server/tenancy';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CellFilters, cellSelection } from './cell-figures';
import { CompletionStatisticsService } from './completion-statistics.service';
import { FiguresCache } from './figures-cache';
import { cellFilters, type CycleContext, givenFilters, type StatsCycle } from './stats-context';
import { StatsDatabase } from './stats-database';
import type { LspStatsFiltersDto, StatsFiltersDto } from './statistics-query.dto';

/**
 * Trends from the daily snapshots: one point per snapshot day of the cycle, and the previous cycle's series
 * with the same `daysToDeadline` on each point, so a chart lines the two up by days before the deadline.
 * Kept until a snapshot is taken (or a cycle or LSP changes), not dropped by every recount of today's cells.
 */
@Injectable()
export class CompletionTrendService {
  constructor(
    private readonly stats: StatsDatabase,
    private readonly cache: FiguresCache,
    private readonly completion: CompletionStatisticsService,
  ) {}

  async programme(query: StatsFiltersDto): Promise<CompletionTrend> {
    const { context, tenants } = await this.completion.prepare(query.cycle);
    const filters = givenFilters(query);
    const cells = cellFilters(filters, tenants);
    const key = JSON.stringify(['trend', context.cycle.id, filters]);
    return this.cache.get(key, () => this.stats.programmeWide((manager) => this.trend(manager, context, filters, cells)), 'snapshots');
  }

  async lsp(query: LspStatsFiltersDto): Promise<CompletionTrend> {
    const tenant = requireTenantContext();
    const { context } = await this.completion.prepare(query.cycle);
    const filters = givenFilters(query);
    const key = JSON.stringify(['lsp-trend', tenant.id, context.cycle.id, filters]);
    // Row-level security keeps the snapshots to the LSP in the address.
    return this.cache.get(
      key,
      () => this.stats.inCurrentTenant((manager) => this.trend(manager, context, filters, cellFilters(filters))),
      'snapshots',
    );
  }

  private async trend(
    manager: EntityManager,
    context: CycleContext,
    filters: StatsFilters,
    cells: CellFilters,
  ): Promise<CompletionTrend> {
    return {
      filters,
      targetShare: this.completion.targetShare,
      current: await series(manager, context.cycle, cells),
      previous: context.previous ? await series(manager, context.previous, cells) : null,
    };
  }
}

async function series(manager: EntityManager, cycle: StatsCycle, filters: CellFilters): Promise<TrendSeries> {
  const { where, parameters } = cellSelection({ cycleId: cycle.id }, filters);
  const rows: Array<{ day: string; days_to_deadline: number; counts: StatusCounts }> = await manager.query(
    `SELECT c.day::text AS day, c.days_to_deadline,
            json_build_object(${PROVIDER_STATUSES.map((status) => `'${status}', sum(c.${status})::int`).join(', ')}) AS counts
     FROM stats_snapshots c WHERE ${where}
     GROUP BY c.day, c.days_to_deadline ORDER BY c.day`,
    parameters,
  );
  const points: TrendPoint[] = rows.map((row) => {
    const { total, counts, metOrAboveShare } = completionFigures(
      { ...emptyStatusCounts(), ...row.counts },
      { values: [], counts: [] },
    );
    return { day: row.day, daysToDeadline: row.days_to_deadline, total, counts, metOrAboveShare };
  });
  return { cycle: cycle.code, deadline: cycle.deadline, points };
}
