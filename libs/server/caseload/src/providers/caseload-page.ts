import { CASELOAD_NATURAL_DIRECTION, type CaseloadItem, type CaseloadSort, type SortDirection } from '@dspt/contracts';
import type { ProviderKind, ProviderStatus, ServiceType } from '@dspt/domain';
import type { EntityManager } from 'typeorm';

export interface CaseloadFilters {
  tenantId: string;
  cycleId: string;
  search?: string;
  /** A user id, or 'none' for unassigned providers. */
  adviser?: string;
  /** The "mine" view: the signed-in user. */
  assignedTo?: string;
  region?: string;
  serviceType?: ServiceType;
  status?: ProviderStatus;
  atRiskOnly: boolean;
  includeArchived: boolean;
}

export interface CaseloadOrder {
  sort: CaseloadSort;
  direction?: SortDirection;
}

interface PageRow {
  provider_id: string;
  name: string;
  ods_code: string;
  kind: ProviderKind;
  service_type: ServiceType;
  region: string;
  last_contact_at: Date | null;
  archived_at: Date | null;
  assigned_adviser_id: string | null;
  adviser_name: string | null;
  status: ProviderStatus;
  mandatory_completed: number;
  mandatory_total: number;
  priority_score: number;
  priority_reasons: string[];
  priority_points: number[];
  overdue_tasks: number;
  next_task_title: string | null;
  next_task_due_on: string | null;
}

const BY_NAME = (direction: string) => `t.name COLLATE natural_en ${direction}, t.ods_code ${direction}`;

/** ORDER BY for a sort in one direction; ties always by name, then id, so pages never overlap. */
function orderBy({ sort, direction }: CaseloadOrder): string {
  const way = (direction ?? CASELOAD_NATURAL_DIRECTION[sort]) === 'asc' ? 'ASC' : 'DESC';
  const keys: Record<CaseloadSort, string> = {
    priority: `t.priority_score ${way}, t.mandatory_left ${way}`,
    name: BY_NAME(way),
    progress: `CASE WHEN t.mandatory_total = 0 THEN 1 ELSE t.mandatory_completed::float8 / t.mandatory_total END ${way}, t.mandatory_completed ${way}`,
    // Never contacted reads as longest ago.
    lastContact: `t.last_contact_at ${way} NULLS ${way === 'ASC' ? 'FIRST' : 'LAST'}`,
  };
  return `${keys[sort]}, ${BY_NAME('ASC')}, t.provider_id`;
}

/** `%`, `_` and `\` typed into the search box match themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * One page of the current LSP's caseload (or every row, for the export) from the triage kept in
 * `provider_triage` (see refreshTriage), filtered, sorted and paged by the database. Row-level security
 * keeps every table to the LSP.
 */
export async function loadCaseloadPage(
  manager: EntityManager,
  filters: CaseloadFilters,
  order: CaseloadOrder,
  paging?: { page: number; pageSize: number },
): Promise<{ items: CaseloadItem[]; total: number }> {
  const parameters: unknown[] = [filters.tenantId, filters.cycleId];
  const bind = (value: unknown) => `$${parameters.push(value)}`;
  const where = ['t.tenant_id = $1', 't.cycle_id = $2'];
  if (!filters.includeArchived) {
    where.push('t.archived_at IS NULL');
  }
  if (filters.search) {
    where.push(`(t.name || ' ' || t.ods_code) ILIKE ${bind(likePattern(filters.search))}`);
  }
  if (filters.adviser === 'none') {
    where.push('t.assigned_adviser_id IS NULL');
  } else if (filters.adviser) {
    where.push(`t.assigned_adviser_id = ${bind(filters.adviser)}`);
  }
  if (filters.assignedTo) {
    where.push(`t.assigned_adviser_id = ${bind(filters.assignedTo)}`);
  }
  if (filters.region) {
    where.push(`t.region = ${bind(filters.region)}`);
  }
  if (filters.serviceType) {
    where.push(`t.service_type = ${bind(filters.serviceType)}`);
  }
  if (filters.status) {
    where.push(`t.status = ${bind(filters.status)}`);
  }
  if (filters.atRiskOnly) {
    where.push('t.at_risk');
  }
  const filtered = `FROM provider_triage t WHERE ${where.join(' AND ')}`;
  const columns = `t.provider_id, t.name, t.ods_code, t.kind, t.service_type, t.region, t.last_contact_at, t.archived_at,
    t.assigned_adviser_id, (SELECT u.display_name FROM users u WHERE u.id = t.assigned_adviser_id) AS adviser_name,
    t.status, t.mandatory_completed, t.mandatory_total, t.priority_score, t.priority_reasons, t.priority_points, t.overdue_tasks,
    t.next_task_title, t.next_task_due_on::text AS next_task_due_on`;
  if (!paging) {
    const rows: PageRow[] = await manager.query(`SELECT ${columns} ${filtered} ORDER BY ${orderBy(order)}`, parameters);
    return { items: rows.map(caseloadItem), total: rows.length };
  }
  // The count and the page in one round trip; a page past the end is one row with the count alone.
  const limit = `LIMIT ${bind(paging.pageSize)} OFFSET ${bind((paging.page - 1) * paging.pageSize)}`;
  const sorted = orderBy(order);
  const rows: Array<(PageRow | { provider_id: null }) & { total: number }> = await manager.query(
    `SELECT page.*, total.n AS total
     FROM (SELECT count(*)::int AS n ${filtered}) total
     LEFT JOIN LATERAL (SELECT ${columns}, row_number() OVER (ORDER BY ${sorted}) AS position ${filtered} ORDER BY ${sorted} ${limit}) page ON true
     ORDER BY page.position`,
    parameters,
  );
  return {
    items: rows.flatMap((row) => (row.provider_id === null ? [] : [caseloadItem(row as PageRow)])),
    total: rows[0].total,
  };
}

function caseloadItem(row: PageRow): CaseloadItem {
  return {
    id: row.provider_id,
    name: row.name,
    odsCode: row.ods_code,
    status: row.status,
    progress: { completed: row.mandatory_completed, total: row.mandatory_total },
    priority: {
      score: row.priority_score,
      reasons: row.priority_reasons,
      parts: row.priority_reasons.map((reason, index) => ({ reason, points: row.priority_points[index] ?? 0 })),
    },
    kind: row.kind,
    serviceType: row.service_type,
    region: row.region,
    assignedAdviser: row.assigned_adviser_id
      ? { id: row.assigned_adviser_id, displayName: row.adviser_name ?? '' }
      : null,
    lastContactAt: row.last_contact_at?.toISOString() ?? null,
    overdueTasks: row.overdue_tasks,
    nextTask:
      row.next_task_title && row.next_task_due_on ? { title: row.next_task_title, dueOn: row.next_task_due_on } : null,
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}
