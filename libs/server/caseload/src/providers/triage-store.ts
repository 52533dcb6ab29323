import type { ProviderKind, ProviderStatus, PublicationLevel, ServiceType } from '@dspt/domain';
import { AssessmentCycleEntity } from '@dspt/server/data';
import type { DataSource, EntityManager } from 'typeorm';
import { standingWithoutAssessment } from './cycle-standing';
import { cycleQuestions } from './provider-reader';
import { providerTriage } from './provider-triage';

/**
 * Providers of the current LSP whose `provider_triage` row for the cycle is missing, was ranked on another
 * day, or from older inputs (see migration 1764000000007). Both sides are index-only scans.
 */
const STALE_PROVIDERS_SQL = `
  SELECT p.id
  FROM providers p
  LEFT JOIN provider_triage t ON t.provider_id = p.id AND t.cycle_id = $1
  WHERE p.tenant_id = $4 AND (t.provider_id IS NULL OR t.ranked_on <> $2::date OR t.provider_version <> p.triage_version OR t.cycle_revision <> $3)`;

interface InputRow {
  id: string;
  provider_version: number;
  cycle_revision: number;
  name: string;
  ods_code: string;
  kind: ProviderKind;
  service_type: ServiceType;
  region: string;
  assigned_adviser_id: string | null;
  has_ce_plus: boolean;
  last_contact_at: Date | null;
  archived_at: Date | null;
  status: ProviderStatus | null;
  mandatory_completed: number | null;
  mandatory_total: number | null;
  previous_level: PublicationLevel | null;
  overdue_tasks: number;
  next_task_title: string | null;
  next_task_due_on: string | null;
}

/**
 * What the caseload shows of these providers and what triage needs, in one statement so the versions
 * match the inputs read: each provider's assessment for the cycle, its latest publication of an earlier
 * cycle, its open tasks due before today and its next open task (earliest due).
 */
function loadTriageInputs(
  manager: EntityManager,
  { tenantId, cycle, today }: TriageScope,
  providerIds: string[],
): Promise<InputRow[]> {
  return manager.query(
    `SELECT p.id, p.triage_version AS provider_version, c.revision AS cycle_revision,
            p.name, p.ods_code, p.kind, p.service_type, p.region, p.assigned_adviser_id, p.has_ce_plus, p.last_contact_at, p.archived_at,
            a.status, a.mandatory_completed, a.mandatory_total,
            (SELECT pub.level FROM publications pub JOIN assessment_cycles pc ON pc.id = pub.cycle_id
             WHERE pub.provider_id = p.id AND pc.deadline < c.deadline
             ORDER BY pub.published_on DESC, pub.created_at DESC LIMIT 1) AS previous_level,
            (SELECT count(*)::int FROM tasks t WHERE t.provider_id = p.id AND t.done_at IS NULL AND t.due_on < $2::date) AS overdue_tasks,
            next_task.title AS next_task_title, next_task.due_on::text AS next_task_due_on
     FROM providers p
     JOIN assessment_cycles c ON c.id = $1
     LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = c.id
     LEFT JOIN LATERAL (SELECT t.title, t.due_on FROM tasks t WHERE t.provider_id = p.id AND t.done_at IS NULL
                        ORDER BY t.due_on, t.created_at, t.id LIMIT 1) next_task ON true
     WHERE p.tenant_id = $4 AND p.id = ANY($3::uuid[])`,
    [cycle.id, today, providerIds, tenantId],
  );
}

/** Columns of `provider_triage` written from each input row, with the SQL type of their unnest array. */
const TRIAGE_COLUMNS = [
  ['provider_id', 'uuid'],
  ['name', 'text'],
  ['ods_code', 'text'],
  ['kind', 'text'],
  ['service_type', 'text'],
  ['region', 'text'],
  ['assigned_adviser_id', 'uuid'],
  ['last_contact_at', 'timestamptz'],
  ['archived_at', 'timestamptz'],
  ['status', 'text'],
  ['mandatory_completed', 'int'],
  ['mandatory_total', 'int'],
  ['overdue_tasks', 'int'],
  ['priority_score', 'int'],
  ['priority_reasons', 'jsonb'],
  ['priority_points', 'jsonb'],
  ['next_task_title', 'text'],
  ['next_task_due_on', 'date'],
  ['at_risk', 'boolean'],
  ['provider_version', 'int'],
  ['cycle_revision', 'int'],
] as const;

type TriageColumn = (typeof TRIAGE_COLUMNS)[number][0];

const UPSERT_TRIAGE_SQL = (() => {
  const names = TRIAGE_COLUMNS.map(([name]) => name);
  const arrays = TRIAGE_COLUMNS.map(([, type], index) => `$${index + 4}::${type}[]`);
  const values = names.map((name) =>
    name === 'priority_reasons'
      ? 'ARRAY(SELECT jsonb_array_elements_text(input.priority_reasons))'
      : name === 'priority_points'
        ? 'ARRAY(SELECT jsonb_array_elements_text(input.priority_points)::int)'
        : `input.${name}`,
  );
  const updates = [...names.filter((name) => name !== 'provider_id'), 'ranked_on'].map(
    (name) => `${name} = excluded.${name}`,
  );
  return `INSERT INTO provider_triage (tenant_id, cycle_id, ranked_on, ${names.join(', ')})
          SELECT $1, $2, $3::date, ${values.join(', ')}
          FROM unnest(${arrays.join(', ')}) AS input (${names.join(', ')})
          ON CONFLICT (provider_id, cycle_id) DO UPDATE SET ${updates.join(', ')}`;
})();

export interface TriageScope {
  /** The LSP; the queries name it as well as row-level security scoping them. */
  tenantId: string;
  cycle: AssessmentCycleEntity;
  /** YYYY-MM-DD, Europe/London. */
  today: string;
}

/**
 * Brings an LSP's caseload for a cycle up to date for today: ranks again, with the domain's
 * rules, every provider whose triage is stale. Usually none is, and this costs one small query; the first
 * request of a day ranks the whole LSP (about 50 ms for 1,100 providers). Concurrent requests wait for
 * one another on an advisory lock rather than all ranking the same providers.
 */
export async function refreshTriage(manager: EntityManager, { tenantId, cycle, today }: TriageScope): Promise<number> {
  const stale = async () =>
    (
      (await manager.query(STALE_PROVIDERS_SQL, [cycle.id, today, cycle.revision, tenantId])) as Array<{ id: string }>
    ).map((row) => row.id);
  if ((await stale()).length === 0) {
    return 0;
  }
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `provider_triage:${tenantId}:${cycle.id}`,
  ]);
  const providerIds = await stale();
  if (providerIds.length === 0) {
    return 0;
  }
  // Inputs before questions: a question set changed in between leaves the older revision behind.
  const inputs = await loadTriageInputs(manager, { tenantId, cycle, today }, providerIds);
  const questions = await cycleQuestions(manager, cycle.id);
  const triage = providerTriage({
    today,
    deadline: cycle.deadline,
    unstarted: {
      withoutCePlus: standingWithoutAssessment(questions, false),
      withCePlus: standingWithoutAssessment(questions, true),
    },
  });
  const rows = inputs.map((row): Record<TriageColumn, unknown> => {
    const result = triage({
      hasCePlus: row.has_ce_plus,
      lastContactAt: row.last_contact_at,
      standing:
        row.status === null
          ? null
          : {
              status: row.status,
              progress: { completed: row.mandatory_completed ?? 0, total: row.mandatory_total ?? 0 },
            },
      previousLevel: row.previous_level,
      overdueTasks: row.overdue_tasks,
    });
    return {
      provider_id: row.id,
      name: row.name,
      ods_code: row.ods_code,
      kind: row.kind,
      service_type: row.service_type,
      region: row.region,
      assigned_adviser_id: row.assigned_adviser_id,
      last_contact_at: row.last_contact_at,
      archived_at: row.archived_at,
      status: result.status,
      mandatory_completed: result.progress.completed,
      mandatory_total: result.progress.total,
      overdue_tasks: result.overdueTasks,
      priority_score: result.priority.score,
      priority_reasons: JSON.stringify(result.priority.reasons),
      priority_points: JSON.stringify(result.priority.parts.map((part) => part.points)),
      next_task_title: row.next_task_title,
      next_task_due_on: row.next_task_due_on,
      at_risk: result.atRisk,
      provider_version: row.provider_version,
      cycle_revision: row.cycle_revision,
    };
  });
  await manager.query(UPSERT_TRIAGE_SQL, [
    tenantId,
    cycle.id,
    today,
    ...TRIAGE_COLUMNS.map(([name]) => rows.map((row) => row[name])),
  ]);
  return rows.length;
}

/**
 * Ranks every LSP's caseload for a cycle, one transaction per LSP: after a bulk load (the demo seed), so
 * the first adviser to open the caseload does not wait for it. Answers how many providers were ranked.
 */
export async function rankEveryLsp(dataSource: DataSource, cycleCode: string, today: string): Promise<number> {
  const cycle = await dataSource.manager.findOneByOrFail(AssessmentCycleEntity, { code: cycleCode });
  const tenants: Array<{ id: string }> = await dataSource.query(`SELECT id FROM tenants ORDER BY slug`);
  let ranked = 0;
  for (const { id: tenantId } of tenants) {
    ranked += await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return refreshTriage(manager, { tenantId, cycle, today });
    });
  }
  return ranked;
}
