import { cycleEndingIn, cycleForDate, type PublicationLevel, providerStatus } from '@dspt/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentCycleEntity, ProviderEntity } from '../entities';
import localAuthorities from './local-authorities.json';

export interface CaseloadSeedSummary {
  providers: number;
  progressRows: number;
  publications: number;
  notes: number;
  tasks: number;
  seconds: number;
}

/** The demo caseload `npm start` loads: about 40 providers per LSP. */
export const DEMO_PROVIDER_COUNT = 1_120;

/**
 * A synthetic caseload for the demo LSPs, written with set-based SQL so the national-scale data set
 * (`npm run seed -- --providers 30000`, ~1.3M progress rows) loads in well under a minute. Providers are
 * spread evenly over the LSPs (every 40th an HQ with up to three branches), each with a primary contact,
 * progress for the previous and current cycles, publications, notes and tasks. Random but repeatable
 * (`setseed`). The derived assessment counts and statuses are computed with SQL mirroring
 * libs/domain (assessmentProgress, providerStatus); an integration test checks them against the domain.
 * Refuses to run twice: it is for an empty caseload.
 */
export async function seedCaseload(
  dataSource: DataSource,
  providers: number,
  today: string,
): Promise<CaseloadSeedSummary> {
  const started = performance.now();
  const summary = await dataSource.transaction(async (manager) => {
    if ((await manager.count(ProviderEntity)) > 0) {
      throw new Error('The caseload seed needs an empty caseload: providers already exist');
    }
    const current = await cycleId(manager, cycleForDate(today).code);
    const previous = await cycleId(manager, cycleEndingIn(Number(cycleForDate(today).deadline.slice(0, 4)) - 1).code);
    await manager.query(`SELECT setseed(0.2026)`);
    await manager.query(`CREATE TEMP TABLE seed_local_authorities (region text, name text, k int) ON COMMIT DROP`);
    await manager.query(
      `INSERT INTO seed_local_authorities (region, name, k)
       SELECT region, name, (row_number() OVER (PARTITION BY region ORDER BY name))::int - 1
       FROM jsonb_to_recordset($1::jsonb) AS x(region text, name text)`,
      [JSON.stringify(localAuthorities)],
    );
    await insertProviders(manager, providers);
    await manager.query(
      `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary)
       SELECT tenant_id, id, 'Registered Manager, ' || name, 'manager.' || lower(ods_code) || '@provider.example', 'registered_manager', true
       FROM providers`,
    );
    // How far each provider got: most finished last cycle; this cycle is under way.
    await manager.query(
      `CREATE TEMP TABLE seed_completion ON COMMIT DROP AS
       SELECT id AS provider_id, tenant_id, has_ce_plus,
              CASE WHEN random() < 0.78 THEN 1.0 WHEN random() < 0.5 THEN 0.6 ELSE random() * 0.5 END AS previous_share,
              CASE WHEN random() < 0.08 THEN 1.0 WHEN random() < 0.15 THEN 0.0 ELSE random() END AS current_share
       FROM providers`,
    );
    for (const [cycle, share] of [
      [previous, 'previous_share'],
      [current, 'current_share'],
    ] as const) {
      await manager.query(
        `INSERT INTO assessments (tenant_id, provider_id, cycle_id) SELECT tenant_id, provider_id, $1 FROM seed_completion`,
        [cycle],
      );
      await manager.query(
        `INSERT INTO question_progress (tenant_id, assessment_id, question_id, status, updated_at)
         SELECT a.tenant_id, a.id, q.id,
                CASE WHEN random() < s.${share} THEN 'completed' ELSE 'in_progress' END,
                now() - (random() * interval '90 days')
         FROM assessments a
         JOIN seed_completion s ON s.provider_id = a.provider_id
         JOIN questions q ON q.cycle_id = a.cycle_id
         WHERE a.cycle_id = $1 AND random() < s.${share} + 0.15`,
        [cycle],
      );
    }
    await recalculateCounts(manager);
    await insertPublications(manager, previous, current, today);
    await recalculateStatuses(manager);
    await insertNotesAndTasks(manager, today);
    const [counts] = await manager.query(
      `SELECT (SELECT count(*) FROM question_progress)::int AS "progressRows", (SELECT count(*) FROM publications)::int AS publications,
              (SELECT count(*) FROM case_notes)::int AS notes, (SELECT count(*) FROM tasks)::int AS tasks`,
    );
    return { providers, ...counts };
  });
  // Fresh statistics: without them the planner picks nested loops for the caseload query (~300 ms, not ~3).
  await dataSource.query('ANALYZE');
  return { ...summary, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

async function cycleId(manager: EntityManager, code: string): Promise<string> {
  const cycle = await manager.findOneBy(AssessmentCycleEntity, { code });
  if (!cycle) {
    throw new Error(`Cycle ${code} is not loaded: run the demo seed first`);
  }
  return cycle.id;
}

async function insertProviders(manager: EntityManager, count: number): Promise<void> {
  // Providers are numbered 0..N-1 and LSP k takes a contiguous block, so an HQ's branches share its LSP.
  await manager.query(
    `WITH lsp AS (
       SELECT t.id, t.region, (row_number() OVER (ORDER BY t.slug))::int - 1 AS idx, count(*) OVER ()::int AS lsps,
              (SELECT m.user_id FROM memberships m WHERE m.tenant_id = t.id AND m.role = 'adviser' LIMIT 1) AS adviser_id
       FROM tenants t
     ),
     numbered AS (
       SELECT g.i, gen_random_uuid() AS id, lsp.id AS tenant_id, lsp.idx, lsp.region, lsp.adviser_id,
              (SELECT count(*) FROM seed_local_authorities la WHERE la.region = lsp.region)::int AS la_count
       FROM generate_series(0, $1::int - 1) AS g(i)
       JOIN lsp ON lsp.idx = g.i * lsp.lsps / $1::int
     ),
     shaped AS (
       SELECT n.*, hq.id AS hq_id,
              CASE WHEN n.i % 40 = 0 THEN 'hq' WHEN hq.id IS NOT NULL THEN 'branch' ELSE 'single_site' END AS kind
       FROM numbered n
       LEFT JOIN numbered hq ON n.i % 40 BETWEEN 1 AND 3 AND hq.i = n.i - n.i % 40 AND hq.idx = n.idx
     )
     INSERT INTO providers (id, tenant_id, ods_code, name, kind, parent_id, service_type, size_band, local_authority,
                            region, assigned_adviser_id, has_ce_plus)
     SELECT s.id, s.tenant_id,
            CASE WHEN s.kind = 'hq' THEN 'A' ELSE 'V' END || lpad(upper(to_hex(s.i)), 5, '0'),
            (ARRAY['Oak', 'Willow', 'Beech', 'Rowan', 'Cedar', 'Elm', 'Hazel', 'Holly', 'Maple', 'Birch'])[1 + s.i % 10] || ' ' ||
              (ARRAY['House', 'Lodge', 'Court', 'Grange', 'Care', 'Homecare', 'Support', 'Gardens'])[1 + (s.i / 10) % 8] ||
              ' ' || s.i,
            s.kind,
            CASE WHEN s.kind = 'branch' THEN s.hq_id END,
            (ARRAY['care_home_residential', 'care_home_residential', 'care_home_residential', 'care_home_nursing',
                   'care_home_nursing', 'homecare', 'homecare', 'homecare', 'supported_living', 'day_care', 'other'])[1 + (s.i * 7) % 11],
            (ARRAY['micro', 'small', 'small', 'small', 'medium', 'medium', 'large'])[1 + (s.i * 3) % 7],
            (SELECT la.name FROM seed_local_authorities la WHERE la.region = s.region AND la.k = s.i % s.la_count),
            s.region,
            CASE WHEN s.i % 5 = 4 THEN NULL ELSE s.adviser_id END,
            s.i % 10 = 0
     FROM shaped s`,
    [count],
  );
}

/** Mirrors assessmentProgress: mandatory items completed, or skipped by CE+. */
async function recalculateCounts(manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE assessments a SET
       mandatory_total = c.total, mandatory_completed = c.completed, any_progress = c.touched
     FROM (
       SELECT a2.id,
              count(*) FILTER (WHERE q.level <> 'none') AS total,
              count(*) FILTER (WHERE q.level <> 'none' AND (qp.status = 'completed' OR (p.has_ce_plus AND q.ce_plus_skippable))) AS completed,
              coalesce(bool_or(qp.status IN ('in_progress', 'completed')), false) AS touched
       FROM assessments a2
       JOIN providers p ON p.id = a2.provider_id
       JOIN questions q ON q.cycle_id = a2.cycle_id
       LEFT JOIN question_progress qp ON qp.assessment_id = a2.id AND qp.question_id = q.id
       GROUP BY a2.id
     ) c
     WHERE c.id = a.id`,
  );
}

/** Who published what: complete assessments publish Standards Met (Exceeded with CE+); some publish AS. */
async function insertPublications(
  manager: EntityManager,
  previous: string,
  current: string,
  today: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on)
     SELECT a.tenant_id, a.provider_id, a.cycle_id,
            CASE WHEN a.mandatory_completed = a.mandatory_total THEN
                   CASE WHEN p.has_ce_plus THEN 'standards_exceeded' ELSE 'standards_met' END
                 ELSE 'approaching_standards' END,
            -- Over the whole cycle, most in its last months (as the DSPT's rush goes): last cycle's curve has a
            -- share at every point, for the comparison and the forecast to follow.
            (SELECT deadline FROM assessment_cycles WHERE id = $1) - (power(random(), 2) * 330)::int
     FROM assessments a JOIN providers p ON p.id = a.provider_id
     WHERE a.cycle_id = $1 AND p.kind <> 'branch'
       AND (a.mandatory_completed = a.mandatory_total OR a.mandatory_completed * 2 >= a.mandatory_total)`,
    [previous],
  );
  await manager.query(
    `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on)
     SELECT a.tenant_id, a.provider_id, a.cycle_id,
            CASE WHEN p.has_ce_plus THEN 'standards_exceeded' ELSE 'standards_met' END,
            $2::date - (random() * 30)::int
     FROM assessments a JOIN providers p ON p.id = a.provider_id
     WHERE a.cycle_id = $1 AND p.kind <> 'branch' AND a.mandatory_completed = a.mandatory_total AND random() < 0.6`,
    [current, today],
  );
}

/** Each assessment's status by the domain's rule (providerStatus), from its progress and the cycle's publications. */
async function recalculateStatuses(manager: EntityManager): Promise<void> {
  const rows: Array<{
    id: string;
    mandatory_completed: number;
    mandatory_total: number;
    any_progress: boolean;
    levels: PublicationLevel[];
  }> = await manager.query(
    `SELECT a.id, a.mandatory_completed, a.mandatory_total, a.any_progress,
            array(SELECT pub.level FROM publications pub
                  WHERE pub.provider_id = a.provider_id AND pub.cycle_id = a.cycle_id) AS levels
     FROM assessments a`,
  );
  const statuses = rows.map((row) =>
    providerStatus({
      publishedLevels: row.levels,
      progress: { completed: row.mandatory_completed, total: row.mandatory_total },
      anyProgress: row.any_progress,
    }),
  );
  await manager.query(
    `UPDATE assessments a SET status = v.status
     FROM unnest($1::uuid[], $2::text[]) AS v(id, status)
     WHERE a.id = v.id AND a.status IS DISTINCT FROM v.status`,
    [rows.map((row) => row.id), statuses],
  );
}

async function insertNotesAndTasks(manager: EntityManager, today: string): Promise<void> {
  await manager.query(
    `INSERT INTO case_notes (tenant_id, provider_id, author_id, kind, body, occurred_at)
     SELECT p.tenant_id, p.id, p.assigned_adviser_id,
            (ARRAY['call', 'email', 'meeting', 'visit', 'note'])[1 + floor(random() * 5)::int],
            (ARRAY['Talked through the open mandatory items.', 'Sent the guidance on data security training.',
                   'Agreed a date to review the business continuity plan.', 'Visited to check the backup arrangements.',
                   'Provider asked about Cyber Essentials Plus.'])[1 + floor(random() * 5)::int],
            $1::date - (random() * 150)::int * interval '1 day' + interval '10 hours'
     FROM providers p
     -- The CASE ties the series to each provider, so every provider draws its own number of notes.
     CROSS JOIN LATERAL generate_series(1, CASE WHEN p.id IS NULL THEN 0 ELSE (random() * 3)::int END) AS g(n)`,
    [today],
  );
  await manager.query(
    `UPDATE providers p SET last_contact_at = n.latest
     FROM (SELECT provider_id, max(occurred_at) AS latest FROM case_notes GROUP BY provider_id) n
     WHERE n.provider_id = p.id`,
  );
  await manager.query(
    `INSERT INTO tasks (tenant_id, provider_id, assignee_id, title, due_on, created_by)
     SELECT p.tenant_id, p.id, p.assigned_adviser_id,
            (ARRAY['Chase the missing evidence', 'Book a follow-up call', 'Check the DSPT has been published'])[1 + floor(random() * 3)::int],
            $1::date + (random() * 60)::int - 30, p.assigned_adviser_id
     FROM providers p
     WHERE random() < 0.3`,
    [today],
  );
}
