import type { StatsFilters } from '@dspt/contracts';
import { comparisonDay, currentCycleCode, cycleNotLoaded, invalidField } from '@dspt/domain';
import type { EntityManager } from 'typeorm';
import type { CellFilters } from './cell-figures';

export interface StatsCycle {
  id: string;
  code: string;
  startsOn: string;
  deadline: string;
  /** Chosen by a system admin as the current cycle. */
  isCurrent: boolean;
}

export interface TenantLabel {
  id: string;
  slug: string;
  name: string;
  region: string;
}

/** A cycle as statistics see it on a day: the one before it, and the day of that one to compare with. */
export interface CycleContext {
  today: string;
  cycles: StatsCycle[];
  cycle: StatsCycle;
  previous: StatsCycle | null;
  daysToDeadline: number;
  /** The previous cycle's day at the same number of days before its deadline. */
  previousDay: string | null;
}

/** Every cycle, newest first (global data both the app and the statistics role may read). */
export function loadCycles(manager: EntityManager): Promise<StatsCycle[]> {
  return manager.query(
    `SELECT id, code, starts_on::text AS "startsOn", deadline::text AS deadline, is_current AS "isCurrent"
     FROM assessment_cycles ORDER BY deadline DESC`,
  );
}

/** The cycle asked for (the current one by default) among `cycles` (newest first); 404 when it is not loaded. */
export function cycleContext(cycles: StatsCycle[], today: string, code: string | undefined): CycleContext {
  const wanted = code ?? currentCycleCode(cycles, today);
  const index = cycles.findIndex((cycle) => cycle.code === wanted);
  if (index === -1) {
    throw cycleNotLoaded(code, wanted);
  }
  const cycle = cycles[index];
  const previous = cycles[index + 1] ?? null;
  const { daysToDeadline, previousDay } = comparisonDay(today, cycle.deadline, previous?.deadline ?? cycle.deadline);
  return { today, cycles, cycle, previous, daysToDeadline, previousDay: previous ? previousDay : null };
}

/** The LSPs by id (slug and name are what statistics show of an LSP). */
export async function loadTenants(manager: EntityManager): Promise<Map<string, TenantLabel>> {
  const rows: TenantLabel[] = await manager.query(`SELECT id, slug, name, region FROM tenants ORDER BY name`);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The filters as cells hold them; an unknown LSP is a 400 naming `tenant`. */
export function cellFilters(filters: StatsFilters, tenants?: Map<string, TenantLabel>): CellFilters {
  const { tenant, ...rest } = filters;
  if (tenant === undefined) {
    return rest;
  }
  const found = [...(tenants?.values() ?? [])].find((candidate) => candidate.slug === tenant);
  if (!found) {
    throw invalidField('tenant', `tenant must be an LSP's slug: there is no LSP "${tenant}"`);
  }
  return { ...rest, tenantId: found.id };
}

/** Only the filters that were given, in one order (what a cache key and a response hold). */
export function givenFilters(query: StatsFilters): StatsFilters {
  const filters: StatsFilters = {};
  for (const key of ['region', 'tenant', 'serviceType', 'sizeBand', 'localAuthority'] as const) {
    if (query[key] !== undefined) {
      Object.assign(filters, { [key]: query[key] });
    }
  }
  return filters;
}
