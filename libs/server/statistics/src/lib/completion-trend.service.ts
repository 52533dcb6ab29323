import type { CompletionTrend, StatsFilters, TrendPoint, TrendSeries } from '@dspt/contracts';
import {
  completionFigures,
  type CompletionFigures,
  emptyStatusCounts,
  PROVIDER_STATUSES,
  protectGroup,
  showAll,
  type StatusCounts,
} from '@dspt/domain';
import { requireTenantContext } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CellFilters, cellSelection, groupedFigures } from './cell-figures';
import { CompletionStatisticsService } from './completion-statistics.service';
import { FiguresCache } from './figures-cache';
import { cellFilters, type CycleContext, givenFilters, type StatsCycle } from './stats-context';
import { StatsDatabase } from './stats-database';
import type { LspStatsFiltersDto, StatsFiltersDto } from './statistics-query.dto';

/**
 * Trends from the daily snapshots: one point per snapshot day of the cycle, and the previous cycle's series
 * with the same `daysToDeadline` on each point, so a chart lines the two up by days before the deadline.
 * The snapshots are kept until a snapshot is taken (or a cycle or LSP changes), not dropped by every recount
 * of today's cells. Today's point, when today has a snapshot, is today's live figures instead: the same
 * cells, sums and small-numbers rule as the completion answer's total, so the trend and the headline agree.
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
    const trend = await this.cache.get(
      key,
      () => this.stats.programmeWide((manager) => this.trend(manager, context, filters, cells, 'protect')),
      'snapshots',
    );
    return this.withLiveToday(
      trend,
      context,
      JSON.stringify(['trend-today', context.cycle.id, context.today, filters]),
      () => this.stats.programmeWide((manager) => liveFigures(manager, context, cells)),
      'protect',
    );
  }

  async lsp(query: LspStatsFiltersDto): Promise<CompletionTrend> {
    const tenant = requireTenantContext();
    const { context } = await this.completion.prepare(query.cycle);
    const filters = givenFilters(query);
    const key = JSON.stringify(['lsp-trend', tenant.id, context.cycle.id, filters]);
    // Row-level security keeps the snapshots and cells to the LSP in the address.
    const trend = await this.cache.get(
      key,
      () =>
        this.stats.inCurrentTenant((manager) => this.trend(manager, context, filters, cellFilters(filters), 'show')),
      'snapshots',
    );
    const todayKey = JSON.stringify(['lsp-trend-today', tenant.id, context.cycle.id, context.today, filters]);
    return this.withLiveToday(
      trend,
      context,
      todayKey,
      () => this.stats.inCurrentTenant((manager) => liveFigures(manager, context, cellFilters(filters))),
      'show',
    );
  }

  /**
   * The trend with today's snapshot point (if there is one) replaced by today's live figures, which the
   * snapshot may lag by any change since it was taken. Kept until any change to the figures.
   */
  private async withLiveToday(
    trend: CompletionTrend,
    context: CycleContext,
    key: string,
    live: () => Promise<CompletionFigures>,
    smallNumbers: 'protect' | 'show',
  ): Promise<CompletionTrend> {
    const index = trend.current.points.findIndex((point) => point.day === context.today);
    if (index === -1) {
      return trend;
    }
    const figures = await this.cache.get(key, live);
    const points = [...trend.current.points];
    points[index] = pointOf(context.today, points[index].daysToDeadline, figures, smallNumbers);
    return { ...trend, current: { ...trend.current, points } };
  }

  private async trend(
    manager: EntityManager,
    context: CycleContext,
    filters: StatsFilters,
    cells: CellFilters,
    smallNumbers: 'protect' | 'show',
  ): Promise<CompletionTrend> {
    return {
      filters,
      targetShare: this.completion.targetShare,
      current: await series(manager, context.cycle, cells, smallNumbers),
      previous: context.previous ? await series(manager, context.previous, cells, smallNumbers) : null,
    };
  }
}

/** Each day's figures; programme-wide, each day is protected as a group of its own (no median is shown). */
async function series(
  manager: EntityManager,
  cycle: StatsCycle,
  filters: CellFilters,
  smallNumbers: 'protect' | 'show',
): Promise<TrendSeries> {
  const { where, parameters } = cellSelection({ cycleId: cycle.id }, filters);
  const rows: Array<{ day: string; days_to_deadline: number; counts: StatusCounts }> = await manager.query(
    `SELECT c.day::text AS day, c.days_to_deadline,
            json_build_object(${PROVIDER_STATUSES.map((status) => `'${status}', sum(c.${status})::int`).join(', ')}) AS counts
     FROM stats_snapshots c WHERE ${where}
     GROUP BY c.day, c.days_to_deadline ORDER BY c.day`,
    parameters,
  );
  const points: TrendPoint[] = rows.map((row) =>
    pointOf(
      row.day,
      row.days_to_deadline,
      completionFigures({ ...emptyStatusCounts(), ...row.counts }, { values: [], counts: [] }),
      smallNumbers,
    ),
  );
  return { cycle: cycle.code, deadline: cycle.deadline, points };
}

/** A day's point; programme-wide protected as a group of its own, as the completion answer's total is. */
function pointOf(
  day: string,
  daysToDeadline: number,
  figures: CompletionFigures,
  smallNumbers: 'protect' | 'show',
): TrendPoint {
  const { total, counts, metOrAboveShare, hidden } =
    smallNumbers === 'protect' ? protectGroup(figures) : showAll(figures);
  return { day, daysToDeadline, total, counts, metOrAboveShare, hidden };
}

/** The cycle's live figures with the filters, all selected cells together (the completion answer's total). */
async function liveFigures(
  manager: EntityManager,
  context: CycleContext,
  filters: CellFilters,
): Promise<CompletionFigures> {
  const groups = await groupedFigures(manager, { cycleId: context.cycle.id }, filters, null);
  const all = groups.find((group) => group.key === null)?.figures;
  // Like a snapshot's point: counts only (the trend shows no median).
  return completionFigures(all?.counts ?? emptyStatusCounts(), { values: [], counts: [] });
}
