import {
  type BulkAssignResult,
  CASELOAD_DEFAULT_PAGE_SIZE,
  CASELOAD_DEFAULT_SORT,
  type CaseloadItem,
  type CaseloadPage,
} from '@dspt/contracts';
import { daysBetween } from '@dspt/domain';
import { CyclesService } from '../assessments';
import {
  AuditService,
  type AssessmentCycleEntity,
  ProviderEntity,
  VersionedCache,
  requireSignedInUser,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { Clock, reusableAnswer } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { CaseloadFilterQuery, CaseloadQueryDto } from './caseload-query.dto';
import { loadCaseloadPage } from './caseload-page';
import { ProviderChecks } from './provider-checks';
import { assertNoProblems } from './provider-errors';
import type { BulkAssignDto } from './providers.dto';
import { TriageFreshness } from './triage-freshness';
import { refreshTriage } from './triage-store';

/** Caseload pages kept per process: a few for each adviser's usual views. */
const KEPT_PAGES = 1_000;

/** The adviser's caseload: who to look at first, and handing providers to advisers in bulk. */
@Injectable()
export class CaseloadService {
  private readonly pages = new VersionedCache(KEPT_PAGES);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly cycles: CyclesService,
    private readonly checks: ProviderChecks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly freshness: TriageFreshness,
  ) {}

  /**
   * One page of the caseload. Pages are kept per LSP and query (and user, for "mine") under the LSP's
   * change version (TriageFreshness), so a page asked for again with no change heard since is answered
   * without reading the database.
   */
  list(query: CaseloadQueryDto): Promise<CaseloadPage> {
    const tenantId = requireTenantContext().id;
    const version = this.freshness.version(tenantId, this.clock.today());
    const paging = { page: query.page ?? 1, pageSize: query.pageSize ?? CASELOAD_DEFAULT_PAGE_SIZE };
    const key = JSON.stringify([
      tenantId,
      query.view === 'mine' ? requireSignedInUser().id : null,
      Object.entries(query).sort(),
    ]);
    return this.pages.get(key, version, async () => {
      const { cycle, items, total } = await this.database.inCurrentTenant((manager) =>
        this.ranked(manager, query, paging, version),
      );
      this.freshness.found(tenantId, cycle.id, version);
      // Said once above the table rather than on every row.
      const daysToDeadline = daysBetween(this.clock.today(), cycle.deadline);
      return reusableAnswer({ items, total, ...paging, cycle: cycle.code, deadline: cycle.deadline, daysToDeadline });
    });
  }

  /**
   * The providers the filters select, with their triage for the cycle, sorted as the list shows them; one
   * page of them, or all of them when no paging is given (the export). Stale triage is brought up to date
   * first, in the same transaction, unless the triage was found up to date under `version` (the LSP's
   * change version, taken before this began; null: look).
   */
  async ranked(
    manager: EntityManager,
    query: CaseloadFilterQuery,
    paging?: { page: number; pageSize: number },
    version: string | null = null,
  ): Promise<{ cycle: Pick<AssessmentCycleEntity, 'id' | 'code' | 'deadline'>; items: CaseloadItem[]; total: number }> {
    const tenantId = requireTenantContext().id;
    const today = this.clock.today();
    // Ranking, and the deadline the page states, need the deadline and revision as they are now: one read
    // by the cycle's unique code, on a page not already kept.
    const cycle = await this.cycles.resolve(manager, query.cycle);
    if (!this.freshness.isUpToDate(tenantId, cycle.id, version)) {
      await refreshTriage(manager, { tenantId, cycle, today });
    }
    const { items, total } = await loadCaseloadPage(
      manager,
      {
        tenantId,
        cycleId: cycle.id,
        search: query.search?.trim() || undefined,
        adviser: query.adviser?.toLowerCase(),
        assignedTo: query.view === 'mine' ? requireSignedInUser().id : undefined,
        region: query.region,
        serviceType: query.serviceType,
        status: query.status,
        atRiskOnly: query.view === 'at-risk',
        includeArchived: query.includeArchived ?? false,
      },
      { sort: query.sort ?? CASELOAD_DEFAULT_SORT, direction: query.direction },
      paging,
    );
    return { cycle, items, total };
  }

  /** All or nothing: every provider named must be in this LSP, and the adviser assignable. */
  assign(input: BulkAssignDto): Promise<BulkAssignResult> {
    const tenantId = requireTenantContext().id;
    return this.database.inCurrentTenant(async (manager) => {
      if (input.adviserId) {
        await this.checks.assertAssignable(manager, input.adviserId, 'adviserId');
      }
      // Locked in id order, so two bulk assignments over the same providers wait for each other, never deadlock.
      const providers = await manager.find(ProviderEntity, {
        where: { id: In(input.providerIds) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const found = new Set(providers.map((provider) => provider.id));
      assertNoProblems(
        input.providerIds.flatMap((id, index) =>
          found.has(id) ? [] : [{ field: `providerIds.${index}`, message: 'No provider with this id in this LSP' }],
        ),
      );
      const changing = providers.filter((provider) => provider.assignedAdviserId !== input.adviserId);
      if (changing.length > 0) {
        await manager.update(
          ProviderEntity,
          { id: In(changing.map((provider) => provider.id)) },
          { assignedAdviserId: input.adviserId },
        );
      }
      for (const provider of changing) {
        await this.audit.record(
          {
            action: 'provider.assigned',
            tenantId,
            target: { type: 'provider', id: provider.id },
            before: { assignedAdviserId: provider.assignedAdviserId, version: provider.version },
            after: { assignedAdviserId: input.adviserId, version: provider.version + 1 },
          },
          manager,
        );
      }
      return { assigned: changing.length, unchanged: providers.length - changing.length };
    });
  }
}
