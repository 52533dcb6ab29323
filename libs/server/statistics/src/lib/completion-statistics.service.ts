import type {
  CompletionRow,
  CompletionStatistics,
  LspCompletionStatistics,
  LspStatsGrouping,
  PreviousCycleSnapshot,
  StatsFilters,
  StatsGrouping,
} from '@dspt/contracts';
import {
  type CompletionFigures,
  ENGLISH_REGIONS,
  protectBesideKnown,
  protectTable,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ShownFigures,
  showAll,
  SIZE_BAND_LABELS,
  SIZE_BANDS,
} from '@dspt/domain';
import { AppConfigService, Clock, reusableAnswer } from '@dspt/server/platform';
import { requireTenantContext } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CellFilters, type GroupFigures, groupedFigures } from './cell-figures';
import { FiguresCache } from './figures-cache';
import { cellFilters, type CycleContext, cycleContext, givenFilters, type TenantLabel } from './stats-context';
import { StatsDatabase } from './stats-database';
import { StatsReferenceData } from './stats-reference';
import type { CompletionQueryDto, LspCompletionQueryDto } from './statistics-query.dto';

const TOTAL_KEY = 'total';

/** Rows in the order people look for them: regions and bands as the DSPT lists them, names A to Z. */
const ORDER: Partial<Record<StatsGrouping, readonly string[]>> = {
  region: ENGLISH_REGIONS,
  serviceType: SERVICE_TYPES,
  sizeBand: SIZE_BANDS,
};

/**
 * Completion statistics (DESIGN.md §7): figures per group of the live cells, beside the previous cycle's
 * snapshot at the same number of days before its deadline. Programme leads read every LSP's cells as the
 * statistics role; an LSP's users read their own LSP's cells through row-level security, and the whole
 * country's total beside them. Answers are cached until the data they came from changes (FiguresCache).
 */
@Injectable()
export class CompletionStatisticsService {
  constructor(
    private readonly stats: StatsDatabase,
    private readonly clock: Clock,
    private readonly config: AppConfigService,
    private readonly cache: FiguresCache,
    private readonly reference: StatsReferenceData,
  ) {}

  get targetShare(): number {
    return this.config.get('STATS_TARGET_PERCENT') / 100;
  }

  async programme(query: CompletionQueryDto): Promise<CompletionStatistics> {
    const { context, tenants } = await this.prepare(query.cycle);
    const groupBy = query.groupBy ?? 'region';
    const filters = givenFilters(query);
    const cells = cellFilters(filters, tenants);
    const key = JSON.stringify(['programme', context.cycle.id, context.today, groupBy, filters]);
    return this.cache.get(key, () =>
      this.stats.programmeWide(async (manager) =>
        reusableAnswer(
          this.answer(
            context,
            groupBy,
            filters,
            await this.grouped(manager, context, cells, groupBy),
            tenants,
            'protect',
          ),
        ),
      ),
    );
  }

  async lsp(query: LspCompletionQueryDto): Promise<LspCompletionStatistics> {
    const tenant = requireTenantContext();
    const { context, tenants } = await this.prepare(query.cycle);
    const groupBy: LspStatsGrouping = query.groupBy ?? 'region';
    const filters = givenFilters(query);
    const cells = cellFilters(filters);
    const key = JSON.stringify(['lsp', tenant.id, context.cycle.id, context.today, groupBy, filters]);
    return this.cache.get(key, async () => {
      // Row-level security keeps these to the LSP in the address: no tenant filter is needed, or trusted.
      const own = await this.stats.inCurrentTenant((manager) => this.grouped(manager, context, cells, groupBy));
      const national = await this.stats.programmeWide((manager) => this.grouped(manager, context, cells, null));
      // The LSP's own casework is shown whole; England beside it hides what would single out other LSPs' providers.
      const answer = this.answer(context, groupBy, filters, own, tenants, 'show');
      const beside = (all: GroupFigures[] | null, known: GroupFigures[] | null): ShownFigures | null => {
        const figures = totalOf(all);
        return figures ? protectBesideKnown(figures, totalOf(known) ?? emptyFigures()) : null;
      };
      return reusableAnswer({
        ...answer,
        groupBy,
        tenant: { slug: tenant.slug, name: tenants.get(tenant.id)?.name ?? tenant.slug },
        national: {
          key: TOTAL_KEY,
          label: 'England',
          ...(beside(national.current, own.current) ?? showAll(emptyFigures())),
          previous: beside(national.previous, own.previous),
        },
      });
    });
  }

  /** What every answer needs first: the cycle (404 when not loaded) and the LSPs. */
  async prepare(cycle: string | undefined): Promise<{ context: CycleContext; tenants: Map<string, TenantLabel> }> {
    const { cycles, tenants } = await this.reference.get();
    return { context: cycleContext(cycles, this.clock.today(), cycle), tenants };
  }

  /** The cycle's groups now, and the previous cycle's from its snapshot of the day compared with (if any). */
  private async grouped(
    manager: EntityManager,
    context: CycleContext,
    filters: CellFilters,
    groupBy: StatsGrouping | null,
  ) {
    const current = await groupedFigures(manager, { cycleId: context.cycle.id }, filters, groupBy);
    const snapshot = await this.snapshotOf(manager, context);
    const previous = snapshot ? await groupedFigures(manager, snapshot, filters, groupBy) : null;
    return { current, previous };
  }

  private async snapshotOf(
    manager: EntityManager,
    context: CycleContext,
  ): Promise<{ cycleId: string; day: string } | null> {
    if (!context.previous || !context.previousDay) {
      return null;
    }
    const runs = await manager.query(`SELECT 1 FROM stats_snapshot_runs WHERE cycle_id = $1 AND day = $2`, [
      context.previous.id,
      context.previousDay,
    ]);
    return runs.length > 0 ? { cycleId: context.previous.id, day: context.previousDay } : null;
  }

  /** The answer's rows and total: programme-wide (`protect`), small numbers hidden; an LSP's own, all shown. */
  private answer(
    context: CycleContext,
    groupBy: StatsGrouping,
    filters: StatsFilters,
    figures: { current: GroupFigures[]; previous: GroupFigures[] | null },
    tenants: Map<string, TenantLabel>,
    smallNumbers: 'protect' | 'show',
  ): CompletionStatistics {
    const publicKey = (key: string) => (groupBy === 'tenant' ? (tenants.get(key)?.slug ?? key) : key);
    const now = shownTable(figures.current, publicKey, smallNumbers);
    const then = figures.previous ? shownTable(figures.previous, publicKey, smallNumbers) : null;
    const rows = [...now.rows].map(([key, shown]) => ({
      key,
      label: labelOf(groupBy, key, tenants),
      ...shown,
      previous: then?.rows.get(key) ?? null,
    }));
    return {
      cycle: context.cycle.code,
      deadline: context.cycle.deadline,
      daysToDeadline: context.daysToDeadline,
      groupBy,
      filters,
      targetShare: this.targetShare,
      rows: sortRows(rows, groupBy),
      total: { key: TOTAL_KEY, label: 'All providers', ...now.total, previous: then?.total ?? null },
      previousCycle: previousCycle(context, figures.previous !== null),
    };
  }
}

/**
 * A grouping's figures as shown, by the answer's key. Every group of the selection is in the table with the
 * total, so the sums the protection reasons about are the ones a reader can add up; groups go in in the
 * order of their keys, so the same figures are always hidden the same way.
 */
function shownTable(
  groups: GroupFigures[],
  publicKey: (key: string) => string,
  smallNumbers: 'protect' | 'show',
): { rows: Map<string, ShownFigures>; total: ShownFigures } {
  const keyed = groups
    .filter((group): group is GroupFigures & { key: string } => group.key !== null)
    .map((group) => ({ ...group, key: publicKey(group.key) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total = totalOf(groups) ?? emptyFigures();
  const shown =
    smallNumbers === 'protect'
      ? protectTable(
          keyed.map((group) => group.figures),
          total,
        )
      : { rows: keyed.map((group) => showAll(group.figures)), total: showAll(total) };
  return { rows: new Map(keyed.map((group, index) => [group.key, shown.rows[index]])), total: shown.total };
}

function totalOf(groups: GroupFigures[] | null): CompletionFigures | null {
  return groups?.find((group) => group.key === null)?.figures ?? null;
}

function emptyFigures(): CompletionFigures {
  return {
    total: 0,
    counts: {
      not_started: 0,
      in_progress: 0,
      ready_to_publish: 0,
      approaching_standards: 0,
      standards_met: 0,
      standards_exceeded: 0,
    },
    metOrAboveShare: null,
    medianMandatoryCompleted: null,
  };
}

/** A group's label from its answer key (an LSP's slug, for `tenant`). */
function labelOf(groupBy: StatsGrouping, key: string, tenants: Map<string, TenantLabel>): string {
  switch (groupBy) {
    case 'tenant':
      return [...tenants.values()].find((tenant) => tenant.slug === key)?.name ?? key;
    case 'serviceType':
      return SERVICE_TYPE_LABELS[key as keyof typeof SERVICE_TYPE_LABELS] ?? key;
    case 'sizeBand':
      return SIZE_BAND_LABELS[key as keyof typeof SIZE_BAND_LABELS] ?? key;
    default:
      return key;
  }
}

function sortRows(rows: CompletionRow[], groupBy: StatsGrouping): CompletionRow[] {
  const order = ORDER[groupBy];
  return [...rows].sort((a, b) =>
    order
      ? order.indexOf(a.key) - order.indexOf(b.key)
      : a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base', numeric: true }),
  );
}

function previousCycle(context: CycleContext, available: boolean): PreviousCycleSnapshot {
  const { previous, previousDay, daysToDeadline } = context;
  if (!previous || !previousDay) {
    return {
      cycle: null,
      day: null,
      daysToDeadline,
      available: false,
      message: `There is no cycle before ${context.cycle.code} to compare with.`,
    };
  }
  const when = `${daysToDeadline} days before its deadline (${previousDay})`;
  return {
    cycle: previous.code,
    day: previousDay,
    daysToDeadline,
    available,
    message: available
      ? `Compared with ${previous.code} on ${previousDay}, ${daysToDeadline} days before its deadline, from that day's snapshot.`
      : `No snapshot of ${previous.code} was taken ${when}, so there is nothing to compare with.`,
  };
}
