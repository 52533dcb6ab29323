import type { CoverageClaimResult, CoverageItem, CoveragePage, CoverageSummary } from '@dspt/contracts';
import {
  type CoverageStatus,
  type CqcLocation,
  isEnglishRegion,
  odsCodeProblem,
  serviceTypeFromRegister,
  InvalidInput,
  Conflict,
} from '@dspt/domain';
import { AssessmentRecalculator, conflictOnUniqueViolation, odsCodeTakenMessage } from '@dspt/server/caseload';
import { AuditService, ProviderEntity, requireTenantContext, ScopedDatabase } from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CoverageFilters {
  status?: CoverageStatus;
  /** yes: published per the DSPT list; no: not published or not on the list. */
  published?: 'yes' | 'no';
  page: number;
  pageSize: number;
}

const PUBLISHED_STATUSES = `('standards_exceeded', 'standards_met', 'approaching_standards')`;

/**
 * The LSP's registered locations, each classified. Its own caseload is what row-level security shows of
 * providers (archived ones included: they are still its records); "elsewhere" comes from the definer
 * function coverage_elsewhere, which answers location ids only, never which LSP.
 */
const CLASSIFIED = `
  WITH mine AS (
    SELECT l.* FROM cqc_locations l
    WHERE lower(l.local_authority) IN (SELECT lower(local_authority) FROM tenant_local_authorities)
  ), elsewhere AS (
    SELECT coverage_elsewhere(array(SELECT location_id FROM mine)) AS location_id
  ), classified AS (
    SELECT m.*, d.status AS dspt_status,
           CASE WHEN EXISTS (SELECT 1 FROM providers p WHERE p.ods_code = m.ods_code) THEN 'in_caseload'
                WHEN m.location_id IN (SELECT location_id FROM elsewhere) THEN 'elsewhere'
                ELSE 'not_engaged' END AS status,
           coalesce(d.status IN ${PUBLISHED_STATUSES}, false) AS published
    FROM mine m LEFT JOIN dspt_list_entries d ON d.ods_code = m.ods_code
  )`;

interface ClassifiedRow {
  location_id: string;
  ods_code: string | null;
  name: string;
  local_authority: string;
  region: string | null;
  care_home: boolean;
  inspection_category: string | null;
  provider_id: string | null;
  provider_name: string | null;
  dspt_status: string | null;
  status: CoverageStatus;
}

function toItem(row: ClassifiedRow): CoverageItem {
  return {
    cqcLocationId: row.location_id,
    odsCode: row.ods_code,
    name: row.name,
    localAuthority: row.local_authority,
    region: row.region,
    careHome: row.care_home,
    inspectionCategory: row.inspection_category,
    providerName: row.provider_name,
    status: row.status,
    dsptStatus: row.dspt_status,
  };
}

function filterSql(filters: Pick<CoverageFilters, 'status' | 'published'>): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filters.status) {
    params.push(filters.status);
    clauses.push(`status = $${params.length}`);
  }
  if (filters.published) {
    clauses.push(filters.published === 'yes' ? 'published' : 'NOT published');
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The current LSP's coverage of the CQC register, and adding registered locations to its caseload. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  page(filters: CoverageFilters): Promise<CoveragePage> {
    return this.database.inCurrentTenant(async (manager) => {
      const summary = await this.summary(manager);
      const { where, params } = filterSql(filters);
      const rows: Array<ClassifiedRow & { total: number }> = await manager.query(
        `${CLASSIFIED} SELECT *, count(*) OVER ()::int AS total FROM classified ${where}
         ORDER BY name, location_id LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`,
        params,
      );
      const total = rows[0]?.total ?? (await this.count(manager, where, params));
      return { summary, items: rows.map(toItem), total, page: filters.page, pageSize: filters.pageSize };
    });
  }

  /** Every location matching the filters, for the outreach list's download. */
  all(filters: Pick<CoverageFilters, 'status' | 'published'>): Promise<CoverageItem[]> {
    return this.database.inCurrentTenant(async (manager) => {
      const { where, params } = filterSql(filters);
      const rows: ClassifiedRow[] = await manager.query(
        `${CLASSIFIED} SELECT * FROM classified ${where} ORDER BY name, location_id`,
        params,
      );
      return rows.map(toItem);
    });
  }

  /**
   * Adds the chosen not-engaged locations to the caseload as single-site providers, with the register's
   * name, ODS code, local authority and region; all or none. A location that is not one of the LSP's
   * registered ones, is already someone's, or lacks a usable ODS code or region is refused by its id.
   */
  claim(cqcLocationIds: readonly string[]): Promise<CoverageClaimResult> {
    const tenantId = requireTenantContext().id;
    const ids = [...new Set(cqcLocationIds)];
    const work = this.database.inCurrentTenant(async (manager) => {
      const rows: ClassifiedRow[] = await manager.query(
        `${CLASSIFIED} SELECT * FROM classified WHERE location_id = ANY ($1)`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.location_id, row]));
      const conflicts: string[] = [];
      const invalid: string[] = [];
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) {
          invalid.push(`${id} is not a registered adult social care location in the LSP's local authorities`);
        } else if (row.status === 'in_caseload') {
          conflicts.push(`${id} (${row.name}) is already in this caseload`);
        } else if (row.status === 'elsewhere') {
          conflicts.push(`${id} (${row.name}) is in another LSP's caseload`);
        } else if (!row.ods_code || odsCodeProblem(row.ods_code, 'single_site')) {
          invalid.push(`${id} (${row.name}) has no usable ODS code in the register`);
        } else if (!isEnglishRegion(row.region)) {
          invalid.push(`${id} (${row.name}) has no English region in the register`);
        }
      }
      const problems = [...invalid, ...conflicts];
      if (problems.length > 0) {
        const details = problems.map((message) => ({ field: 'cqcLocationIds', message }));
        const message = `${problems.length === 1 ? problems[0] : `${problems.length} locations cannot be added`}: nothing was added`;
        throw invalid.length > 0 ? new InvalidInput(message, details) : new Conflict(message, details);
      }
      const added: CoverageClaimResult['added'] = [];
      for (const id of ids) {
        added.push(await this.addProvider(manager, tenantId, byId.get(id) as ClassifiedRow));
      }
      await this.audit.record(
        {
          action: 'coverage.claimed',
          tenantId,
          target: { type: 'tenant', id: tenantId },
          after: { cqcLocationIds: ids, providers: added.length },
        },
        manager,
      );
      return { added };
    });
    return conflictOnUniqueViolation(work, { uq_providers_ods_code: odsCodeTakenMessage('of a chosen location') });
  }

  private async addProvider(
    manager: EntityManager,
    tenantId: string,
    row: ClassifiedRow,
  ): Promise<CoverageClaimResult['added'][number]> {
    const location: Pick<CqcLocation, 'careHome' | 'inspectionCategory'> = {
      careHome: row.care_home,
      inspectionCategory: row.inspection_category,
    };
    const fields = {
      odsCode: row.ods_code as string,
      name: row.name,
      kind: 'single_site' as const,
      parentId: null,
      serviceType: serviceTypeFromRegister(location),
      // The register does not say how many staff a location has: advisers correct it on the provider's page.
      sizeBand: 'small' as const,
      localAuthority: row.local_authority,
      region: row.region as string,
      assignedAdviserId: null,
      hasCePlus: false,
    };
    const provider = await manager.save(manager.create(ProviderEntity, { tenantId, ...fields }));
    await this.recalculator.recalculateOpenCycles(manager, provider.id, this.clock.today());
    await this.audit.record(
      {
        action: 'provider.created',
        tenantId,
        target: { type: 'provider', id: provider.id },
        after: {
          ...fields,
          version: provider.version,
          contacts: [],
          source: 'CQC register',
          cqcLocationId: row.location_id,
        },
      },
      manager,
    );
    return { cqcLocationId: row.location_id, providerId: provider.id, odsCode: provider.odsCode, name: provider.name };
  }

  private async summary(manager: EntityManager): Promise<CoverageSummary> {
    const [row]: CoverageSummary[] = await manager.query(
      `${CLASSIFIED} SELECT count(*)::int AS registered,
         count(*) FILTER (WHERE status = 'in_caseload')::int AS "inCaseload",
         count(*) FILTER (WHERE status = 'elsewhere')::int AS elsewhere,
         count(*) FILTER (WHERE status = 'not_engaged')::int AS "notEngaged",
         count(*) FILTER (WHERE published)::int AS "publishedPerList",
         count(*) FILTER (WHERE status = 'not_engaged' AND NOT published)::int AS outreach
       FROM classified`,
    );
    return row;
  }

  private async count(manager: EntityManager, where: string, params: unknown[]): Promise<number> {
    const [row]: Array<{ total: number }> = await manager.query(
      `${CLASSIFIED} SELECT count(*)::int AS total FROM classified ${where}`,
      params,
    );
    return row.total;
  }
}
