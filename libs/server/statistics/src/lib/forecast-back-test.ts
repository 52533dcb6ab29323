import { backTestForecast, type BackTestGroup, type BackTestSummary, type CountPoint, pooled } from '@dspt/domain';
import type { DataSource } from 'typeorm';

const GROUPINGS = { programme: 'NULL::text', region: 'c.region', tenant: 't.slug' } as const;
type Grouping = keyof typeof GROUPINGS;

export interface ForecastBackTest {
  cycle: string;
  deadline: string;
  daysOut: number;
  /** By grouping: the linear fallback, and (regions, LSPs) the shape method shaped by the other groups. */
  results: Array<{ grouping: Grouping; shape: 'linearPace' | 'shapeFromOtherGroups'; summary: BackTestSummary }>;
}

/**
 * The forecast back-tested on the last finished cycle (docs/statistics.md, "Forecast"): as of `daysOut`
 * days before its deadline, from its snapshots up to then, against its actual final (its live cells: a
 * finished cycle's assessments no longer change). Read as the database owner (`cli.js forecast-backtest`).
 */
export async function forecastBackTest(dataSource: DataSource, daysOut: number): Promise<ForecastBackTest> {
  const [cycle]: Array<{ id: string; code: string; deadline: string; cycleDays: number }> = await dataSource.query(
    `SELECT id, code, deadline::text AS deadline, (deadline - starts_on) AS "cycleDays"
     FROM assessment_cycles WHERE deadline < current_date ORDER BY deadline DESC LIMIT 1`,
  );
  if (!cycle) {
    throw new Error('No finished cycle to back-test the forecast on');
  }
  const results: ForecastBackTest['results'] = [];
  for (const grouping of Object.keys(GROUPINGS) as Grouping[]) {
    const groups = await groupsOf(dataSource, cycle.id, grouping);
    results.push({
      grouping,
      shape: 'linearPace',
      summary: backTestForecast(groups, daysOut, cycle.cycleDays, { kind: 'none' }),
    });
    if (grouping !== 'programme') {
      results.push({
        grouping,
        shape: 'shapeFromOtherGroups',
        summary: backTestForecast(groups, daysOut, cycle.cycleDays, { kind: 'otherGroups' }),
      });
    }
  }
  return { cycle: cycle.code, deadline: cycle.deadline, daysOut, results };
}

/** Each group's points of a cycle: its snapshots before the deadline, and its live cells as the final (0 days). */
async function groupsOf(dataSource: DataSource, cycleId: string, grouping: Grouping): Promise<BackTestGroup[]> {
  const key = GROUPINGS[grouping];
  const met = 'sum(c.standards_met + c.standards_exceeded)::int';
  const rows: Array<{ key: string | null; days: number; providers: number; met: number }> = await dataSource.query(
    `SELECT ${key} AS key, c.days_to_deadline AS days, sum(c.providers)::int AS providers, ${met} AS met
     FROM stats_snapshots c JOIN tenants t ON t.id = c.tenant_id
     WHERE c.cycle_id = $1 AND c.days_to_deadline > 0 GROUP BY 1, 2
     UNION ALL
     SELECT ${key}, 0, sum(c.providers)::int, ${met}
     FROM stats_completion_cells c JOIN tenants t ON t.id = c.tenant_id WHERE c.cycle_id = $1 GROUP BY 1`,
    [cycleId],
  );
  const groups = new Map<string, CountPoint[]>();
  for (const row of rows) {
    const name = row.key ?? 'All providers';
    groups.set(name, [
      ...(groups.get(name) ?? []),
      { daysToDeadline: row.days, providers: row.providers, metOrAbove: row.met },
    ]);
  }
  return [...groups].map(([name, points]) => ({ key: name, points: pooled([{ key: name, points }]) }));
}
