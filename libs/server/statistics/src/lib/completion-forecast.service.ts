import type { CompletionForecast, CompletionRow, ForecastGrouping, ForecastRow } from '@dspt/contracts';
import { daysBetween, forecastShare, providersToTarget, type SharePoint } from '@dspt/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GROUP_COLUMNS, groupedFigures } from './cell-figures';
import { CompletionStatisticsService } from './completion-statistics.service';
import { FiguresCache } from './figures-cache';
import type { CycleContext } from './stats-context';
import { StatsDatabase } from './stats-database';
import type { ForecastQueryDto } from './statistics-query.dto';

/** Shares by days to the deadline, per group key (the LSP's id for `tenant`); `null` is every group together. */
type Curves = Map<string | null, SharePoint[]>;

/**
 * The share expected at Standards Met or above by the deadline, for the programme and each region or LSP
 * (docs/statistics.md, "Forecast"). Today's shares are the completion answer's (same cells, same
 * small-numbers rule), so the forecast and the headline agree; the curves are the daily snapshots of this
 * cycle and the previous one, whose final is its live cells (its assessments no longer change).
 */
@Injectable()
export class CompletionForecastService {
  constructor(
    private readonly stats: StatsDatabase,
    private readonly cache: FiguresCache,
    private readonly completion: CompletionStatisticsService,
  ) {}

  async programme(query: ForecastQueryDto): Promise<CompletionForecast> {
    const groupBy: ForecastGrouping = query.groupBy ?? 'region';
    const { context, tenants } = await this.completion.prepare(undefined);
    const key = JSON.stringify(['forecast', context.cycle.id, context.today, groupBy]);
    return this.cache.get(key, async () => {
      const now = await this.completion.programme({ groupBy });
      const { current, previous, finals } = await this.stats.programmeWide((manager) =>
        curves(manager, context, groupBy),
      );
      const publicKey = (id: string | null) =>
        id === null ? null : groupBy === 'tenant' ? (tenants.get(id)?.slug ?? id) : id;
      const bySlug = (map: Curves | null) =>
        map ? new Map([...map].map(([id, points]) => [publicKey(id), points])) : null;
      const history = bySlug(current) ?? new Map();
      const before = bySlug(previous);
      const final = finals ? new Map([...finals].map(([id, share]) => [publicKey(id), share])) : null;
      const target = this.completion.targetShare;
      const cycleDays = daysBetween(context.cycle.startsOn, context.cycle.deadline);
      const row = (shown: CompletionRow, groupKey: string | null): ForecastRow => {
        const current = shown.hidden.includes('metOrAboveShare') ? null : shown.metOrAboveShare;
        const empty = { key: shown.key, label: shown.label, providers: shown.total, current };
        if (current === null) {
          return { ...empty, projected: null, low: null, high: null, method: null, providersShort: null };
        }
        const curve = before?.get(groupKey);
        const last = final?.get(groupKey);
        const forecast = forecastShare({
          current,
          daysToDeadline: context.daysToDeadline,
          cycleDays,
          history: history.get(groupKey) ?? [],
          providers: shown.total ?? undefined,
          previous:
            curve && last !== undefined && last !== null ? { curve: withFinal(curve, last), final: last } : null,
        });
        const providersShort = providersToTarget(
          { total: shown.total, metOrAboveShare: forecast.projected, hidden: shown.hidden },
          target,
        );
        return { ...empty, ...forecast, providersShort };
      };
      return {
        cycle: now.cycle,
        deadline: now.deadline,
        daysToDeadline: now.daysToDeadline,
        target,
        groupBy,
        previousCycle: context.previous?.code ?? null,
        rows: now.rows.map((shown) => row(shown, shown.key)),
        total: row(now.total, null),
      };
    });
  }
}

/** The curve with its final as the point at 0 days (the snapshot of that day, if any, may lag the last changes). */
function withFinal(curve: SharePoint[], final: number): SharePoint[] {
  return [...curve.filter((point) => point.daysToDeadline !== 0), { daysToDeadline: 0, share: final }];
}

/** This cycle's and the previous cycle's curves per group, and the previous cycle's final shares. */
async function curves(
  manager: EntityManager,
  context: CycleContext,
  groupBy: ForecastGrouping,
): Promise<{ current: Curves; previous: Curves | null; finals: Map<string | null, number | null> | null }> {
  const current = await snapshotCurves(manager, context.cycle.id, groupBy);
  if (!context.previous) {
    return { current, previous: null, finals: null };
  }
  const previous = await snapshotCurves(manager, context.previous.id, groupBy);
  const figures = await groupedFigures(manager, { cycleId: context.previous.id }, {}, groupBy);
  const finals = new Map(figures.map((group) => [group.key, group.figures.metOrAboveShare]));
  return { current, previous, finals };
}

async function snapshotCurves(manager: EntityManager, cycleId: string, groupBy: ForecastGrouping): Promise<Curves> {
  const column = GROUP_COLUMNS[groupBy];
  const rows: Array<{ key: string | null; days: number; providers: number; met: number }> = await manager.query(
    `SELECT CASE WHEN grouping(${column}) = 1 THEN NULL ELSE ${column} END AS key, c.days_to_deadline AS days,
            sum(c.providers)::int AS providers, sum(c.standards_met + c.standards_exceeded)::int AS met
     FROM stats_snapshots c WHERE c.cycle_id = $1 AND c.providers > 0
     GROUP BY GROUPING SETS ((c.days_to_deadline, ${column}), (c.days_to_deadline))`,
    [cycleId],
  );
  const found: Curves = new Map();
  for (const row of rows) {
    if (row.providers > 0) {
      const points = found.get(row.key) ?? [];
      points.push({ daysToDeadline: row.days, share: row.met / row.providers });
      found.set(row.key, points);
    }
  }
  return found;
}
