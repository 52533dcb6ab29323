import type { StatsGrouping } from '@dspt/contracts';
import {
  completionFigures,
  type CompletionFigures,
  emptyStatusCounts,
  type EnglishRegion,
  PROVIDER_STATUSES,
  type ServiceType,
  type SizeBand,
  type StatusCounts,
} from '@dspt/domain';
import type { EntityManager } from 'typeorm';

/** Filters as the database holds them: the LSP by id. */
export interface CellFilters {
  region?: EnglishRegion;
  tenantId?: string;
  serviceType?: ServiceType;
  sizeBand?: SizeBand;
  localAuthority?: string;
}

/** Live cells of a cycle, or its snapshot of one day. */
export type CellSource = { cycleId: string } | { cycleId: string; day: string };

export const GROUP_COLUMNS: Record<StatsGrouping, string> = {
  region: 'c.region',
  tenant: 'c.tenant_id::text',
  serviceType: 'c.service_type',
  sizeBand: 'c.size_band',
  localAuthority: 'c.local_authority',
};

const FILTER_COLUMNS: Record<keyof CellFilters, string> = {
  region: 'c.region',
  tenantId: 'c.tenant_id',
  serviceType: 'c.service_type',
  sizeBand: 'c.size_band',
  localAuthority: 'c.local_authority',
};

/** `WHERE` of the cells a source and filters select, with its parameters. */
export function cellSelection(source: CellSource, filters: CellFilters): { where: string; parameters: unknown[] } {
  const parameters: unknown[] = [source.cycleId];
  const where = ['c.cycle_id = $1', 'c.providers > 0'];
  if ('day' in source) {
    parameters.push(source.day);
    where.push(`c.day = $${parameters.length}`);
  }
  for (const [name, column] of Object.entries(FILTER_COLUMNS) as Array<[keyof CellFilters, string]>) {
    const value = filters[name];
    if (value !== undefined) {
      parameters.push(value);
      where.push(`${column} = $${parameters.length}`);
    }
  }
  return { where: where.join(' AND '), parameters };
}

export interface GroupFigures {
  /** The group's key; null for every selected cell together. */
  key: string | null;
  figures: CompletionFigures;
}

interface RawGroup {
  key: string | null;
  counts: StatusCounts;
  completed_values: number[] | null;
  completed_counts: number[] | null;
}

/**
 * Sums the selected cells by group and all together (one scan, GROUPING SETS): counts per status and the
 * merged histogram of mandatory items completed, from which the domain works out share and median.
 */
export async function groupedFigures(
  manager: EntityManager,
  source: CellSource,
  filters: CellFilters,
  groupBy: StatsGrouping | null,
): Promise<GroupFigures[]> {
  const table = 'day' in source ? 'stats_snapshots' : 'stats_completion_cells';
  const key = groupBy ? GROUP_COLUMNS[groupBy] : 'NULL::text';
  const { where, parameters } = cellSelection(source, filters);
  const rows: RawGroup[] = await manager.query(
    `WITH selected AS (SELECT * FROM ${table} c WHERE ${where}),
     statuses AS (
       SELECT ${key} AS key, json_build_object(${PROVIDER_STATUSES.map((status) => `'${status}', coalesce(sum(c.${status}), 0)::int`).join(', ')}) AS counts
       FROM selected c GROUP BY GROUPING SETS ((${key}), ())
     ),
     bins AS (
       SELECT ${key} AS key, u.value, sum(u.n)::int AS n
       FROM selected c CROSS JOIN LATERAL unnest(c.completed_values, c.completed_counts) AS u(value, n)
       GROUP BY GROUPING SETS ((${key}, u.value), (u.value))
     ),
     histograms AS (
       SELECT key, array_agg(value ORDER BY value) AS completed_values, array_agg(n ORDER BY value) AS completed_counts FROM bins GROUP BY key
     )
     SELECT s.key, s.counts, h.completed_values, h.completed_counts
     FROM statuses s LEFT JOIN histograms h ON h.key IS NOT DISTINCT FROM s.key`,
    parameters,
  );
  return (
    rows
      // GROUPING SETS answer the grand total twice when there is no grouping: keep one.
      .filter((row, index, all) => groupBy !== null || all.findIndex((other) => other.key === row.key) === index)
      .map((row) => ({
        key: row.key,
        figures: completionFigures(
          { ...emptyStatusCounts(), ...row.counts },
          { values: row.completed_values ?? [], counts: row.completed_counts ?? [] },
        ),
      }))
  );
}
