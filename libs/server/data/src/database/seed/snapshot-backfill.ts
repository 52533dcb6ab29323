import { PROVIDER_STATUSES } from '@dspt/domain';
import type { DataSource } from 'typeorm';

/** Up to this many providers, the back-fill also keeps every day of last month's and next week's comparisons. */
export const DAILY_BACKFILL_LIMIT = 5_000;

export interface BackfillSummary {
  days: number;
  rows: number;
  seconds: number;
}

/**
 * Demo data only (`npm run seed`): plausible snapshots for every cycle that has started, so the trend has
 * last cycle's line and this cycle's so far. Each provider's path through a cycle is made up,
 * deterministically, to end where its assessment stands: it starts on some day (never, if still not
 * started), completes its mandatory items steadily until a finishing day, is ready to publish from then
 * and shows its publication's level from the day it was published. Cells are then summed per day exactly
 * like `stats_take_snapshot`.
 *
 * Which days: one a week, on the days that line up with today's days to the deadline (so last cycle's
 * figures "at the same days before the deadline" exist today); with at most DAILY_BACKFILL_LIMIT
 * providers also every day of earlier cycles from 30 days before today's point to 7 after (the
 * comparisons of the demo's coming days). The daily job takes every day from now on; today's snapshot of
 * the cycle under way is taken for real. Runs as the database owner; days already taken are left alone.
 */
export async function backfillCompletionSnapshots(dataSource: DataSource, today: string): Promise<BackfillSummary> {
  const started = performance.now();
  const [{ providers }]: Array<{ providers: number }> = await dataSource.query(
    `SELECT count(*)::int AS providers FROM providers WHERE archived_at IS NULL`,
  );
  const summary = await dataSource.transaction(async (manager) => {
    const [{ current_deadline: currentDeadline }] = await manager.query(
      `SELECT coalesce((SELECT deadline FROM assessment_cycles WHERE starts_on <= $1 AND deadline >= $1), $1::date) AS current_deadline`,
      [today],
    );
    await manager.query(
      `CREATE TEMP TABLE backfill_days ON COMMIT DROP AS
       SELECT c.id AS cycle_id, c.deadline, d::date AS day, (c.deadline - d::date) AS days_to_deadline
       FROM assessment_cycles c
       CROSS JOIN LATERAL generate_series(c.starts_on, least(c.deadline, $1::date), interval '1 day') AS d
       WHERE c.starts_on <= $1::date
         AND ((((c.deadline - d::date) - ($2::date - $1::date)) % 7 + 7) % 7 = 0
              OR ($3 AND c.deadline < $2::date AND (c.deadline - d::date) BETWEEN ($2::date - $1::date) - 30 AND ($2::date - $1::date) + 7))
         AND NOT EXISTS (SELECT 1 FROM stats_snapshot_runs r WHERE r.cycle_id = c.id AND r.day = d::date)`,
      [today, currentDeadline, providers <= DAILY_BACKFILL_LIMIT],
    );
    // Each active provider's made-up path through each cycle: start (s), finish (f) and publication days.
    await manager.query(
      `CREATE TEMP TABLE backfill_paths ON COMMIT DROP AS
       WITH base AS (
         SELECT c.id AS cycle_id, p.tenant_id, p.region, p.local_authority, p.service_type, p.size_band,
                coalesce(a.status, 'not_started') AS final_status, coalesce(a.mandatory_completed, 0) AS final_completed,
                coalesce(a.mandatory_total, 0) AS total, c.starts_on, least(c.deadline, $1::date) AS end_day,
                CASE WHEN a.status IN ('approaching_standards', 'standards_met', 'standards_exceeded') THEN
                  least(coalesce((SELECT min(pub.published_on) FROM publications pub
                                  WHERE pub.provider_id = p.id AND pub.cycle_id = c.id AND pub.level = a.status), $1::date),
                        c.deadline, $1::date) END AS published_on,
                (abs(hashtext(p.id::text || c.code)) % 1000) / 1000.0 AS r1,
                (abs(hashtext(c.code || p.id::text)) % 1000) / 1000.0 AS r2
         FROM providers p
         JOIN assessment_cycles c ON c.starts_on <= $1::date
         LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = c.id
         WHERE p.archived_at IS NULL
       ), started AS (
         SELECT b.*, CASE WHEN b.final_status = 'not_started' THEN NULL
                          ELSE b.starts_on + floor(b.r1 * 0.7 * (coalesce(b.published_on, b.end_day) - b.starts_on))::int END AS s
         FROM base b
       )
       SELECT st.*,
              CASE WHEN st.s IS NULL THEN NULL
                   WHEN st.published_on IS NOT NULL THEN greatest(st.s, st.published_on - floor(st.r2 * 20)::int)
                   WHEN st.final_status = 'ready_to_publish' THEN st.s + floor((st.end_day - st.s) * (0.5 + st.r2 / 2))::int
                   ELSE st.end_day END AS f
       FROM started st`,
      [today],
    );
    // Fresh statistics, or the planner guesses these temporary tables hold a handful of rows.
    await manager.query(`ANALYZE backfill_days`);
    await manager.query(`ANALYZE backfill_paths`);
    const [{ rows }] = await manager.query(
      `WITH standing AS (
         SELECT d.cycle_id, d.day, d.days_to_deadline, ${CELL}, st.status, st.completed
         FROM backfill_days d
         JOIN backfill_paths bp ON bp.cycle_id = d.cycle_id
         CROSS JOIN LATERAL (SELECT
           CASE WHEN bp.s IS NULL OR d.day < bp.s THEN 'not_started'
                WHEN bp.published_on IS NOT NULL AND d.day >= bp.published_on THEN bp.final_status
                WHEN d.day >= bp.f THEN CASE WHEN bp.total > 0 AND bp.final_completed = bp.total THEN 'ready_to_publish' ELSE 'in_progress' END
                ELSE 'in_progress' END AS status,
           CASE WHEN bp.s IS NULL OR d.day < bp.s THEN 0
                WHEN d.day >= bp.f THEN bp.final_completed
                ELSE floor(bp.final_completed * (d.day - bp.s)::numeric / greatest(1, bp.f - bp.s))::int END AS completed) st
       ), bins AS (
         SELECT cycle_id, day, days_to_deadline, ${CELL}, completed, count(*)::int AS n,
                ${PROVIDER_STATUSES.map((status) => `count(*) FILTER (WHERE status = '${status}')::int AS ${status}`).join(', ')}
         FROM standing GROUP BY cycle_id, day, days_to_deadline, ${CELL}, completed
       ), inserted AS (
         INSERT INTO stats_snapshots (cycle_id, day, days_to_deadline, ${CELL}, providers, ${PROVIDER_STATUSES.join(', ')}, completed_values, completed_counts)
         SELECT cycle_id, day, days_to_deadline, ${CELL}, sum(n)::int, ${PROVIDER_STATUSES.map((status) => `sum(${status})::int`).join(', ')},
                array_agg(completed::smallint ORDER BY completed), array_agg(n ORDER BY completed)
         FROM bins GROUP BY cycle_id, day, days_to_deadline, ${CELL}
         ON CONFLICT DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS rows FROM inserted`,
    );
    await manager.query(
      `INSERT INTO stats_snapshot_runs (cycle_id, day, days_to_deadline, cells)
       SELECT d.cycle_id, d.day, d.days_to_deadline, (SELECT count(*) FROM stats_snapshots s WHERE s.cycle_id = d.cycle_id AND s.day = d.day)
       FROM backfill_days d ON CONFLICT DO NOTHING`,
    );
    const [{ days }] = await manager.query(`SELECT count(*)::int AS days FROM backfill_days`);
    // Today's snapshot of the cycle under way, as the job takes it.
    await manager.query(
      `SELECT stats_take_snapshot(id, $1) FROM assessment_cycles WHERE starts_on <= $1 AND deadline >= $1`,
      [today],
    );
    return { days, rows };
  });
  return { ...summary, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

const CELL = 'tenant_id, region, local_authority, service_type, size_band';
