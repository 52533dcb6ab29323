/**
 * The statistics phase of `npm run bench`: the programme lead's completion endpoint under load, beside the
 * raw SQL that works out the same figures from the caseload tables (the lower bound without the summary
 * table). Adds `statsP95Ms`, `statsSqlMs` and a few more figures to the bench's JSON line.
 */
import pg from 'pg';
import { loadTest, median } from './bench-http.ts';

export interface StatsBenchOptions {
  baseUrl: string;
  /** Cookie header of a signed-in programme lead. */
  cookie: string;
  databaseUrl: string;
  connections: number;
  seconds: number;
}

export interface StatsBenchFigures {
  statsP50Ms: number;
  statsP95Ms: number;
  statsRequestsPerSecond: number;
  /** The same figures by raw SQL over providers and assessments (and last cycle's snapshot): median of 30. */
  statsSqlMs: number;
  /** A request whose answer is not cached yet (a grouping or filter not asked before): median of several. */
  statsUncachedMs: number;
  statsP95WithinTarget: boolean;
}

const PATH = '/api/stats/completion?groupBy=region';
interface RegionFigures {
  key: string;
  total: number;
}

/** The figures of `GET /api/stats/completion?groupBy=region` straight from the caseload, in one statement. */
const RAW_COMPLETION_SQL = `
  WITH standing AS (
    SELECT p.region, coalesce(a.status, 'not_started') AS status, coalesce(a.mandatory_completed, 0) AS completed
    FROM providers p LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = $1
    WHERE p.archived_at IS NULL
  )
  SELECT region AS key, count(*)::int AS total,
         count(*) FILTER (WHERE status = 'not_started')::int AS not_started,
         count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress,
         count(*) FILTER (WHERE status = 'ready_to_publish')::int AS ready_to_publish,
         count(*) FILTER (WHERE status = 'approaching_standards')::int AS approaching_standards,
         count(*) FILTER (WHERE status = 'standards_met')::int AS standards_met,
         count(*) FILTER (WHERE status = 'standards_exceeded')::int AS standards_exceeded,
         count(*) FILTER (WHERE status IN ('standards_met', 'standards_exceeded'))::float / count(*) AS share,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY completed) AS median
  FROM standing GROUP BY GROUPING SETS ((region), ())`;

/** Last cycle's figures at the same days before its deadline: they exist only in its snapshot. */
const RAW_PREVIOUS_SQL = `
  SELECT region AS key, sum(providers)::int AS total, sum(standards_met + standards_exceeded)::int AS met_or_above
  FROM stats_snapshots WHERE cycle_id = $1 AND day = $2 GROUP BY GROUPING SETS ((region), ())`;

async function rawSqlMs(
  databaseUrl: string,
  cycleCode: string,
  previousDay: string | null,
): Promise<{ ms: number; regions: RegionFigures[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const cycles: Array<{ id: string; code: string }> = (
      await client.query(`SELECT id, code FROM assessment_cycles ORDER BY deadline DESC`)
    ).rows;
    const index = cycles.findIndex((cycle) => cycle.code === cycleCode);
    const previous = cycles[index + 1];
    const timings: number[] = [];
    let regions: RegionFigures[] = [];
    for (let run = 0; run < 30; run++) {
      const started = performance.now();
      regions = (await client.query(RAW_COMPLETION_SQL, [cycles[index].id])).rows;
      if (previous && previousDay) {
        await client.query(RAW_PREVIOUS_SQL, [previous.id, previousDay]);
      }
      timings.push(performance.now() - started);
    }
    return { ms: median(timings), regions };
  } finally {
    await client.end();
  }
}

async function timedGet(baseUrl: string, path: string, cookie: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = await response.json();
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { ms: performance.now() - started, body };
}

export async function benchStats(options: StatsBenchOptions): Promise<StatsBenchFigures> {
  const { baseUrl, cookie, connections, seconds } = options;
  // Answers not cached yet: the first request of each grouping (and a filter).
  const uncached: number[] = [];
  for (const groupBy of ['tenant', 'serviceType', 'sizeBand', 'localAuthority']) {
    uncached.push((await timedGet(baseUrl, `/api/stats/completion?groupBy=${groupBy}&sizeBand=small`, cookie)).ms);
  }
  const check = await timedGet(baseUrl, PATH, cookie);
  uncached.push(check.ms);
  const answer = check.body as {
    cycle: string;
    rows: RegionFigures[];
    total: { total: number };
    previousCycle: { day: string | null; available: boolean };
  };

  const load = await loadTest(`${baseUrl}${PATH}`, cookie, connections, seconds);

  const raw = await rawSqlMs(
    options.databaseUrl,
    answer.cycle,
    answer.previousCycle.available ? answer.previousCycle.day : null,
  );
  // The endpoint and the raw SQL must agree, or the comparison means nothing.
  for (const region of raw.regions) {
    const endpoint =
      region.key === null ? answer.total.total : answer.rows.find((row) => row.key === region.key)?.total;
    if (endpoint !== region.total) {
      throw new Error(
        `statistics: ${region.key ?? 'total'} has ${endpoint} providers by the endpoint, ${region.total} by SQL`,
      );
    }
  }
  const figures: StatsBenchFigures = {
    statsP50Ms: load.p50Ms,
    statsP95Ms: load.p95Ms,
    statsRequestsPerSecond: load.requestsPerSecond,
    statsSqlMs: Math.round(raw.ms * 10) / 10,
    statsUncachedMs: Math.round(median(uncached) * 10) / 10,
    statsP95WithinTarget: false,
  };
  figures.statsP95WithinTarget = figures.statsP95Ms < 100 && figures.statsP95Ms <= 1.5 * figures.statsSqlMs;
  console.log(
    `Completion statistics by region (programme lead), ${connections} connections for ${seconds} s, ${answer.total.total} providers:`,
  );
  console.log(
    `  p50 ${figures.statsP50Ms} ms, p95 ${figures.statsP95Ms} ms, ${figures.statsRequestsPerSecond} requests/s`,
  );
  console.log(`  the same figures by raw SQL over providers and assessments: ${figures.statsSqlMs} ms (median of 30)`);
  console.log(
    `  an answer not cached yet (another grouping or filter): ${figures.statsUncachedMs} ms (median of ${uncached.length})`,
  );
  console.log(
    `  target (p95 under 100 ms and at most 1.5 × the raw SQL): ${figures.statsP95WithinTarget ? 'met' : 'NOT met'}`,
  );
  return figures;
}
